package org.softglass.core.trsp;

/**
 * The Gaussian algebra of one rearranging cluster (anchored at site 0; every other cluster of the
 * same shape is a lattice translate), {@code 002} eqs 24–26 and 30 in the convention of DESIGN §7.
 *
 * <p>With u = (1/m)Σ_{r∈R} e_r and the bare (γ0, δ0), conditioning N(μ1, K) on the cluster firing
 * (weight P0(R|uᵀS)) gives N(μ', K') with
 * <pre>
 *   K'  = K − 2δ0 (Ku)(Ku)ᵀ / (1 + 2δ0 uᵀKu),          K'⁻¹ = K⁻¹ + 2δ0 u uᵀ
 *   μ'  = μ1 + (γ0 − 2δ0 μ) Ku / (1 + 2δ0 uᵀKu)
 *   K_Δ(i, j) = f σ_Δ(r̃_i) σ_Δ(r̃_j) ρ(|r_i − r_j|),  r̃ = distance to the nearest cluster site.
 * </pre>
 * (K'⁻¹ follows from P(S|R) ∝ exp(−½(S−μ)ᵀK⁻¹(S−μ) + γ0 uᵀS − δ0 (uᵀS)²); K' is its Sherman–Morrison
 * inverse.) Vectors are indexed by site; element accessors take site indices. Immutable.
 */
public final class ClusterGaussian {
    private final TrspModel model;
    private final ClusterShape shape;
    private final int[] sites;
    private final double[] ku;
    private final double uKu;
    private final double[] rTilde;
    private final double[] kinvRow;
    private final Circulant rho;

    /**
     * @param model the model
     * @param shape the cluster shape (one of {@code model.shapes()})
     */
    public ClusterGaussian(TrspModel model, ClusterShape shape) {
        this.model = model;
        this.shape = shape;
        Lattice lat = model.lattice();
        int n = lat.sites();
        sites = shape.sites(lat, 0);
        ku = new double[n];
        rTilde = new double[n];
        Circulant k = model.covariance();
        for (int i = 0; i < n; i++) {
            double s = 0;
            int d2 = Integer.MAX_VALUE;
            for (int r : sites) {
                s += k.get(r, i);
                d2 = Math.min(d2, lat.distance2(r, i));
            }
            ku[i] = s / sites.length;
            rTilde[i] = Math.sqrt(d2);
        }
        double q = 0;
        for (int r : sites) q += ku[r];
        uKu = q / sites.length;
        kinvRow = k.inverseRow();
        rho = new Circulant(lat, model.rhoDelta()::at);
    }

    /** The model. */
    public TrspModel model() { return model; }

    /** The shape. */
    public ClusterShape shape() { return shape; }

    /** The cluster's sites (anchor 0); a copy. */
    public int[] sites() { return sites.clone(); }

    /** uᵀKu. */
    public double uKu() { return uKu; }

    /** (Ku)_i. */
    public double ku(int i) { return ku[i]; }

    /** r̃_i, the distance from site i to the nearest cluster site. */
    public double rTilde(int i) { return rTilde[i]; }

    /** u_i (1/m on cluster sites, else 0). */
    public double u(int i) {
        for (int r : sites) if (r == i) return 1.0 / sites.length;
        return 0;
    }

    private double denominator() { return 1 + 2 * model.bare().delta() * uKu; }

    /** K'_ij. */
    public double kPrime(int i, int j) {
        return model.covariance().get(i, j) - 2 * model.bare().delta() * ku[i] * ku[j] / denominator();
    }

    /** (K'⁻¹)_ij = (K⁻¹)_ij + 2δ0 u_i u_j. */
    public double kPrimeInverse(int i, int j) {
        Lattice l = model.lattice();
        double kinv = kinvRow[l.index(l.x(j) - l.x(i), l.y(j) - l.y(i), l.z(j) - l.z(i))];
        return kinv + 2 * model.bare().delta() * u(i) * u(j);
    }

    /** (K⁻¹) as a function of the displacement: the first row of K⁻¹ (shared, do not modify). */
    double[] kInverseRow() { return kinvRow; }

    /** μ'_i. */
    public double muPrime(int i) {
        var b = model.bare();
        return model.mu() + (b.gamma() - 2 * b.delta() * model.mu()) * ku[i] / denominator();
    }

    /** K_Δ(i, j) = f σ_Δ(r̃_i) σ_Δ(r̃_j) ρ(|r_i − r_j|). */
    public double kDelta(int i, int j) {
        return model.kickAmplitude(rTilde[i]) * model.kickAmplitude(rTilde[j]) * rho.get(i, j);
    }

    /** ρ(|r_i − r_j|). */
    public double rho(int i, int j) { return rho.get(i, j); }

    /** Dense K' (column-major N × N, a new array). */
    public double[] kPrimeDense() {
        int n = model.lattice().sites();
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) a[i + j * n] = kPrime(i, j);
        return a;
    }

    /** Dense K_Δ (column-major N × N, a new array). */
    public double[] kDeltaDense() {
        int n = model.lattice().sites();
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) a[i + j * n] = kDelta(i, j);
        return a;
    }

    /** μ' as a vector (a new array of length N). */
    public double[] muPrimeVector() {
        int n = model.lattice().sites();
        double[] m = new double[n];
        for (int i = 0; i < n; i++) m[i] = muPrime(i);
        return m;
    }
}
