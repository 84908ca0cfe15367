package org.softglass.core.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A set of structure functions (descriptors, DESIGN §3): radial functions per neighbour species and
 * angular functions per unordered neighbour-species pair, all within a cutoff {@code rmax}.
 *
 * <p><b>Radial</b>, per neighbour species X and per entry (μ, w) of {@link #radial()}:
 * {@code G_X(i; μ, w) = Σ_{j ∈ X, r_ij < rmax} exp(−(r_ij − μ)² / w)}; w = σ² in {@code 000}/{@code 002},
 * w = 2δ² in {@code 003}. <b>Angular</b>, per unordered species pair XY (XX, XY, YY, … in species order)
 * and per triplet (ξ, λ, ζ) of {@link #angular()}:
 * {@code Ψ_XY(i; ξ, λ, ζ) = Σ_{unordered pairs {j,k}, one of species X and one of Y, r_ij, r_ik < rmax}
 * exp(−(r_ij² + r_ik² + r_jk²)/ξ²) (1 + λ cos θ_jik)^ζ}, θ_jik the angle at i. Each unordered pair is
 * counted once and there is <em>no</em> 2^(1−ζ) prefactor (public codes differ on both; DESIGN §3
 * fixes this choice). Lengths in σ_AA; all features are dimensionless.
 *
 * <p><b>Columns</b> (the order of every output row): first the radial functions, species-major
 * ({@code G_A} for every (μ, w) in order, then {@code G_B}, …), then the angular functions,
 * pair-major ({@code Psi_AA} for every triplet, then {@code Psi_AB}, {@code Psi_BB}, …).
 * Species are LAMMPS types 1, 2, … named A, B, …; neighbours of a species not listed are ignored.
 *
 * <p><b>Truncation.</b> A term is skipped only when an upper bound of it is below {@link #tolerance()} τ:
 * radial terms with {@code (r − μ)²/w > ln(1/τ)} (each skipped term &lt; τ); for each ξ, the angular pairs
 * with {@code (r_j² + r_k² + r_jk²)/ξ² > ln(1/τ) + ζ_max ln(1 + |λ|_max)} (max over the triplets of that ξ;
 * the left side is the Gaussian's exponent and (1+λcosθ)^ζ ≤ (1+|λ|)^ζ), so each skipped term is &lt; τ. A ξ
 * that keeps every pair may instead be evaluated by a truncated moment expansion whose error per pair is ≤ τ
 * (see {@code MomentLevel}), which the same bound covers. The absolute error of a feature is therefore at most τ times the number of
 * skipped terms: ≤ n τ (radial) and ≤ n(n−1)/2 · τ (angular) for n neighbours.
 *
 * @param name preset name, or null for a custom spec
 * @param rmax cutoff (σ), &gt; 0
 * @param species neighbour species as 0-based type indices (type 1 = 0 = "A"), distinct, ascending
 * @param radial the (μ, w) entries, applied to every species
 * @param angular the (ξ, λ, ζ) triplets, applied to every species pair
 * @param tolerance τ of the truncation rule, in [1e-120, 1e-3]. The lower limit keeps every exponent the
 *     kernels evaluate within ln(1e120) + 64 ln 2 ≈ 320.7 (angular pairs are evaluated only below that), inside
 *     the range of the Vector-API kernel's exp (|x| ≤ 708); 1e-120 already means no practical truncation.
 */
public record DescriptorSpec(String name, double rmax, int[] species, List<Radial> radial, List<Angular> angular,
                             double tolerance) {

    /** Default truncation tolerance τ. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    /** Names of the built-in presets. */
    public static final List<String> PRESETS = List.of("ka-266", "ss-166", "fluidity-100");

    /** One radial entry: centre μ (σ) and width parameter w (σ²). */
    public record Radial(double mu, double w) {}

    /** One angular triplet: ξ (σ) &gt; 0, λ with |λ| ≤ 1, integer ζ in [1, 64]. */
    public record Angular(double xi, double lambda, int zeta) {}

    /** The 22 (ξ, λ, ζ) triplets of the softness literature (DESIGN §3). */
    public static final List<Angular> TRIPLETS_22;

    static {
        double[] xi = {14.638, 14.638, 14.638, 14.638, 2.554, 2.554, 2.554, 2.554, 1.648, 1.648, 1.204, 1.204, 1.204, 1.204,
            0.933, 0.933, 0.933, 0.933, 0.695, 0.695, 0.695, 0.695};
        double[] la = {-1, 1, -1, 1, -1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        int[] ze = {1, 1, 2, 2, 1, 1, 2, 2, 1, 2, 1, 2, 4, 16, 1, 2, 4, 16, 1, 2, 4, 16};
        List<Angular> t = new ArrayList<>();
        for (int k = 0; k < xi.length; k++) t.add(new Angular(xi[k], la[k], ze[k]));
        TRIPLETS_22 = List.copyOf(t);
    }

    /** Validates and copies; throws {@link IllegalArgumentException} naming the offending field. */
    public DescriptorSpec {
        if (!(rmax > 0) || !Double.isFinite(rmax)) throw new IllegalArgumentException("rmax must be finite and > 0, got " + rmax);
        if (species == null || species.length == 0) throw new IllegalArgumentException("species must list at least one species");
        species = species.clone();
        for (int k = 0; k < species.length; k++) {
            if (species[k] < 0 || species[k] >= 26) throw new IllegalArgumentException("species must be letters A..Z, got index " + species[k]);
            if (k > 0 && species[k] <= species[k - 1]) throw new IllegalArgumentException("species must be distinct and in order A, B, …");
        }
        radial = List.copyOf(radial);
        angular = List.copyOf(angular);
        if (radial.isEmpty() && angular.isEmpty()) throw new IllegalArgumentException("spec has no radial and no angular functions");
        for (int k = 0; k < radial.size(); k++) {
            Radial r = radial.get(k);
            if (!Double.isFinite(r.mu()) || r.mu() < 0) throw new IllegalArgumentException("radial[" + k + "].mu must be finite and >= 0, got " + r.mu());
            if (!(r.w() > 0) || !Double.isFinite(r.w())) throw new IllegalArgumentException("radial[" + k + "].w must be finite and > 0, got " + r.w());
        }
        for (int k = 0; k < angular.size(); k++) {
            Angular a = angular.get(k);
            if (!(a.xi() > 0) || !Double.isFinite(a.xi())) throw new IllegalArgumentException("angular[" + k + "].xi must be finite and > 0, got " + a.xi());
            if (!(Math.abs(a.lambda()) <= 1)) throw new IllegalArgumentException("angular[" + k + "].lambda must be in [-1, 1], got " + a.lambda());
            if (a.zeta() < 1 || a.zeta() > 64) throw new IllegalArgumentException("angular[" + k + "].zeta must be an integer in [1, 64], got " + a.zeta());
        }
        if (!(tolerance >= 1e-120 && tolerance <= 1e-3)) {
            throw new IllegalArgumentException("tolerance must be in [1e-120, 1e-3], got " + tolerance);
        }
    }

    /** The same spec with another truncation tolerance. */
    public DescriptorSpec withTolerance(double tau) { return new DescriptorSpec(name, rmax, species, radial, angular, tau); }

    /**
     * A built-in preset (DESIGN §3), species A and B, τ = {@value #DEFAULT_TOLERANCE}:
     * <ul>
     * <li>{@code ka-266} ({@code 002} App. A): w = σ² with σ = 0.05, μ = 0.05, 0.10, …, 5.00 (100 per species),
     *   rmax = 5, plus the 22 triplets for AA, AB, BB: 200 radial + 66 angular.</li>
     * <li>{@code ss-166} ({@code 000} eq S1): w = σ² with σ = 0.1, μ = 0.1, …, 5.0 (50 per species), rmax = 5
     *   (the largest μ, as {@code 000} states), plus 66 angular: 100 + 66.</li>
     * <li>{@code fluidity-100} ({@code 003} eq 1): w = 2δ² = 0.08 with δ = 0.2, μ = 0.0, 0.1, …, 4.9 (50 per
     *   species), no angular; rmax = 5 (our choice: {@code 003} gives 0 &lt; r &lt; 5 but no cutoff).</li>
     * </ul>
     *
     * @throws IllegalArgumentException listing the presets for an unknown name
     */
    public static DescriptorSpec preset(String name) {
        int[] ab = {0, 1};
        return switch (name) {
            case "ka-266" -> new DescriptorSpec(name, 5.0, ab, grid(1, 100, 20.0, 0.0025), TRIPLETS_22, DEFAULT_TOLERANCE);
            case "ss-166" -> new DescriptorSpec(name, 5.0, ab, grid(1, 50, 10.0, 0.01), TRIPLETS_22, DEFAULT_TOLERANCE);
            case "fluidity-100" -> new DescriptorSpec(name, 5.0, ab, grid(0, 49, 10.0, 0.08), List.of(), DEFAULT_TOLERANCE);
            default -> throw new IllegalArgumentException("unknown descriptor preset '" + name + "', expected one of " + PRESETS);
        };
    }

    /** μ = m / div for m = from..to (division gives the double nearest the decimal), all with width w. */
    private static List<Radial> grid(int from, int to, double div, double w) {
        List<Radial> r = new ArrayList<>();
        for (int m = from; m <= to; m++) r.add(new Radial(m / div, w));
        return r;
    }

    /** The neighbour species (0-based type indices), a copy. */
    @Override
    public int[] species() { return species.clone(); }

    /** Number of species S. */
    public int speciesCount() { return species.length; }

    /** Number of unordered species pairs S(S+1)/2. */
    public int pairCount() { return species.length * (species.length + 1) / 2; }

    /** Number of radial columns S · |radial|. */
    public int radialColumns() { return species.length * radial.size(); }

    /** Number of columns M = S·|radial| + S(S+1)/2·|angular|. */
    public int columnCount() { return radialColumns() + pairCount() * angular.size(); }

    /** The letter of a 0-based species index (0 → "A"). */
    public static String letter(int speciesIndex) { return String.valueOf((char) ('A' + speciesIndex)); }

    /** The 0-based species index of a letter "A".."Z" (case-insensitive), or −1. */
    public static int speciesIndex(String letter) {
        if (letter == null || letter.length() != 1) return -1;
        char c = Character.toUpperCase(letter.charAt(0));
        return c >= 'A' && c <= 'Z' ? c - 'A' : -1;
    }

    /** One column's description (for the features.json sidecar). */
    public record Column(String name, String kind, String species, double mu, double w, double xi, double lambda, int zeta) {}

    /** All M columns in output order, with names such as {@code G_A(mu=0.05,w=0.0025)} and {@code Psi_AB(xi=14.638,lambda=-1,zeta=1)}. */
    public List<Column> columns() {
        List<Column> c = new ArrayList<>(columnCount());
        for (int s : species) {
            String x = letter(s);
            for (Radial r : radial) {
                c.add(new Column("G_" + x + "(mu=" + num(r.mu()) + ",w=" + num(r.w()) + ")", "radial", x, r.mu(), r.w(), Double.NaN, Double.NaN, 0));
            }
        }
        for (int a = 0; a < species.length; a++) {
            for (int b = a; b < species.length; b++) {
                String xy = letter(species[a]) + letter(species[b]);
                for (Angular t : angular) {
                    c.add(new Column("Psi_" + xy + "(xi=" + num(t.xi()) + ",lambda=" + num(t.lambda()) + ",zeta=" + t.zeta() + ")",
                            "angular", xy, Double.NaN, Double.NaN, t.xi(), t.lambda(), t.zeta()));
                }
            }
        }
        return c;
    }

    /** Shortest decimal form without trailing zeros (0.05, -1, 14.638). */
    static String num(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DescriptorSpec d && java.util.Objects.equals(name, d.name) && rmax == d.rmax
                && java.util.Arrays.equals(species, d.species) && radial.equals(d.radial) && angular.equals(d.angular)
                && tolerance == d.tolerance;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, rmax, java.util.Arrays.hashCode(species), radial, angular, tolerance);
    }

    @Override
    public String toString() {
        return "DescriptorSpec[" + (name == null ? "custom" : name) + ", rmax=" + rmax + ", M=" + columnCount() + ", tolerance=" + tolerance + "]";
    }
}
