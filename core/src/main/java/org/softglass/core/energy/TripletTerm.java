package org.softglass.core.energy;

/**
 * The Stillinger–Weber three-body term of one triplet centred on particle i (Stillinger &amp; Weber,
 * Phys. Rev. B 31, 5262 (1985), eqs 2.5–2.7; LAMMPS {@code pair_style sw}):
 * <pre>
 *   h(d₁, d₂) = λε (cos θ − cos θ₀)² exp(γσ/(r₁ − aσ)) exp(γσ/(r₂ − aσ)),   r₁, r₂ &lt; aσ,
 * </pre>
 * with {@code d₁ = r_j − r_i}, {@code d₂ = r_k − r_i} (minimum image, σ), {@code r_n = |d_n|},
 * {@code cos θ = d₁·d₂/(r₁ r₂)} the angle at the centre i; h = 0 when either distance reaches aσ.
 * The potential energy is {@code U₃ = Σ_i Σ_{j<k} h(r_j − r_i, r_k − r_i)} over the neighbours j, k of
 * each centre i within aσ: each unordered triplet contributes its three angles.
 *
 * <p>{@link #evaluate} gives h and its gradient; {@link #hessian} the 6×6 second derivative with respect
 * to (d₁, d₂), from the chain rule on the scalars s = (r₁, r₂, c = cos θ):
 * {@code ∇²h = Σ_st h_st ∇s ∇sᵀ + Σ_s h_s ∇²s} with {@code ∇r₁ = (n₁, 0)}, {@code ∇²r₁ = (I − n₁n₁ᵀ)/r₁},
 * {@code ∇c = (g₁, g₂)}, {@code g₁ = (n₂ − c n₁)/r₁}, {@code g₂ = (n₁ − c n₂)/r₂},
 * {@code ∂²c/∂d₁² = [3c n₁n₁ᵀ − n₁n₂ᵀ − n₂n₁ᵀ − c I]/r₁²},
 * {@code ∂²c/∂d₁∂d₂ = [I − n₁n₁ᵀ − n₂n₂ᵀ + c n₁n₂ᵀ]/(r₁r₂)} (element (a, b): d₁ component a, d₂ component b).
 * Units: energies ε, lengths σ. Immutable; scratch lives in the callers' arrays.
 */
public final class TripletTerm {
    private final double lambdaEps, gammaSigma, cutoff, cosTheta0;

    /**
     * @param lambdaEps  λε (ε)
     * @param gammaSigma γσ (σ)
     * @param cutoff     aσ (σ), the same cutoff as the SW pair term
     * @param cosTheta0  cos θ₀ (−1/3 for the tetrahedral angle)
     */
    public TripletTerm(double lambdaEps, double gammaSigma, double cutoff, double cosTheta0) {
        if (!(lambdaEps >= 0) || !(gammaSigma > 0) || !(cutoff > 0) || !(Math.abs(cosTheta0) <= 1)) {
            throw new IllegalArgumentException("three-body parameters must have λε >= 0, γσ > 0, aσ > 0, |cos θ0| <= 1");
        }
        this.lambdaEps = lambdaEps;
        this.gammaSigma = gammaSigma;
        this.cutoff = cutoff;
        this.cosTheta0 = cosTheta0;
    }

    /** aσ: the distance beyond which a neighbour takes no part in a triplet (σ). */
    public double cutoff() { return cutoff; }
    public double lambdaEps() { return lambdaEps; }
    public double gammaSigma() { return gammaSigma; }
    public double cosTheta0() { return cosTheta0; }

    /**
     * {@code E(r) = exp(γσ/(r − aσ))} and its first two derivatives into {@code out[o..o+2]}; all 0
     * where the exponential underflows (so no 0·∞ arises just below the cutoff) and at r ≥ aσ.
     */
    private void radial(double r, double[] out, int o) {
        double t = 1.0 / (r - cutoff), phi = gammaSigma * t;
        // phi < 0 also excludes r = aσ, which sqrt can round to from r² just below (aσ)²: there t = ∞ gave NaN
        if (!(phi > -700.0 && phi < 0.0)) { out[o] = out[o + 1] = out[o + 2] = 0.0; return; }
        double e = Math.exp(phi), p1 = -gammaSigma * t * t, p2 = 2.0 * gammaSigma * t * t * t;
        out[o] = e;
        out[o + 1] = e * p1;
        out[o + 2] = e * (p1 * p1 + p2);
    }

    /**
     * h of the triplet and its gradient {@code g = (∂h/∂d₁, ∂h/∂d₂)} (6 doubles, overwritten; the
     * force on j is {@code −g[0..2]}, on k {@code −g[3..5]}, on the centre {@code g[0..2] + g[3..5]}).
     * Requires 0 &lt; r₁, r₂ &lt; aσ (the caller filters by the cutoff); d₁ = (d1x, d1y, d1z) = r_j − r_i,
     * d₂ = r_k − r_i (σ). This is the per-triplet definition that {@link org.softglass.core.simd.TripletBonds} and
     * the {@link org.softglass.core.simd.TripletKernel}s reproduce bit for bit in the force driver (their tests compare
     * with it); the driver itself no longer calls it.
     */
    public double evaluate(double d1x, double d1y, double d1z, double d2x, double d2y, double d2z, double[] g) {
        double r1 = Math.sqrt(d1x * d1x + d1y * d1y + d1z * d1z), r2 = Math.sqrt(d2x * d2x + d2y * d2y + d2z * d2z);
        // E(r) and E'(r) of each leg as in radial(), in locals
        double t1 = 1.0 / (r1 - cutoff), phi1 = gammaSigma * t1, e0 = 0.0, e1 = 0.0;
        if (phi1 > -700.0 && phi1 < 0.0) {
            e0 = Math.exp(phi1);
            e1 = e0 * (-gammaSigma * t1 * t1);
        }
        double t2 = 1.0 / (r2 - cutoff), phi2 = gammaSigma * t2, e3 = 0.0, e4 = 0.0;
        if (phi2 > -700.0 && phi2 < 0.0) {
            e3 = Math.exp(phi2);
            e4 = e3 * (-gammaSigma * t2 * t2);
        }
        double ir1 = 1.0 / r1, ir2 = 1.0 / r2;
        double n1x = d1x * ir1, n1y = d1y * ir1, n1z = d1z * ir1, n2x = d2x * ir2, n2y = d2y * ir2, n2z = d2z * ir2;
        double c = n1x * n2x + n1y * n2y + n1z * n2z, u = c - cosTheta0;
        double ee = e0 * e3;
        double h = lambdaEps * u * u * ee;
        double hr1 = lambdaEps * u * u * e1 * e3, hr2 = lambdaEps * u * u * e0 * e4, hc = 2.0 * lambdaEps * u * ee;
        g[0] = hr1 * n1x + hc * (n2x - c * n1x) * ir1;
        g[1] = hr1 * n1y + hc * (n2y - c * n1y) * ir1;
        g[2] = hr1 * n1z + hc * (n2z - c * n1z) * ir1;
        g[3] = hr2 * n2x + hc * (n1x - c * n2x) * ir2;
        g[4] = hr2 * n2y + hc * (n1y - c * n2y) * ir2;
        g[5] = hr2 * n2z + hc * (n1z - c * n2z) * ir2;
        return h;
    }

    /**
     * The 6×6 Hessian of h with respect to (d₁, d₂), row-major into {@code hh[0..35]} (overwritten):
     * element (3m + a, 3n + b) = {@code ∂²h/∂d_m^a ∂d_n^b} (m, n = 0 for d₁, 1 for d₂). Symmetric. Same
     * requirements as {@link #evaluate}.
     */
    public void hessian(double d1x, double d1y, double d1z, double d2x, double d2y, double d2z, double[] hh) {
        double r1 = Math.sqrt(d1x * d1x + d1y * d1y + d1z * d1z), r2 = Math.sqrt(d2x * d2x + d2y * d2y + d2z * d2z);
        double[] e = new double[6];
        radial(r1, e, 0);
        radial(r2, e, 3);
        double ir1 = 1.0 / r1, ir2 = 1.0 / r2;
        double[] n1 = {d1x * ir1, d1y * ir1, d1z * ir1}, n2 = {d2x * ir2, d2y * ir2, d2z * ir2};
        double c = n1[0] * n2[0] + n1[1] * n2[1] + n1[2] * n2[2], u = c - cosTheta0, l = lambdaEps;
        double hr1 = l * u * u * e[1] * e[3], hr2 = l * u * u * e[0] * e[4], hc = 2.0 * l * u * e[0] * e[3];
        double hr1r1 = l * u * u * e[2] * e[3], hr2r2 = l * u * u * e[0] * e[5], hr1r2 = l * u * u * e[1] * e[4];
        double hcc = 2.0 * l * e[0] * e[3], hcr1 = 2.0 * l * u * e[1] * e[3], hcr2 = 2.0 * l * u * e[0] * e[4];
        // gradients of the scalars as 6-vectors
        double[] gr1 = new double[6], gr2 = new double[6], gc = new double[6];
        for (int a = 0; a < 3; a++) {
            gr1[a] = n1[a];
            gr2[3 + a] = n2[a];
            gc[a] = (n2[a] - c * n1[a]) * ir1;
            gc[3 + a] = (n1[a] - c * n2[a]) * ir2;
        }
        for (int p = 0; p < 6; p++) {
            for (int q = 0; q < 6; q++) {
                hh[6 * p + q] = hr1r1 * gr1[p] * gr1[q] + hr2r2 * gr2[p] * gr2[q] + hcc * gc[p] * gc[q]
                        + hr1r2 * (gr1[p] * gr2[q] + gr2[p] * gr1[q])
                        + hcr1 * (gc[p] * gr1[q] + gr1[p] * gc[q])
                        + hcr2 * (gc[p] * gr2[q] + gr2[p] * gc[q]);
            }
        }
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double id = a == b ? 1.0 : 0.0;
                // h_r ∇²r
                hh[6 * a + b] += hr1 * (id - n1[a] * n1[b]) * ir1;
                hh[6 * (3 + a) + 3 + b] += hr2 * (id - n2[a] * n2[b]) * ir2;
                // h_c ∇²c
                hh[6 * a + b] += hc * (3.0 * c * n1[a] * n1[b] - n1[a] * n2[b] - n2[a] * n1[b] - c * id) * ir1 * ir1;
                hh[6 * (3 + a) + 3 + b] += hc * (3.0 * c * n2[a] * n2[b] - n1[a] * n2[b] - n2[a] * n1[b] - c * id) * ir2 * ir2;
                double x12 = hc * (id - n1[a] * n1[b] - n2[a] * n2[b] + c * n1[a] * n2[b]) * ir1 * ir2;
                hh[6 * a + 3 + b] += x12;
                hh[6 * (3 + b) + a] += x12;
            }
        }
    }
}
