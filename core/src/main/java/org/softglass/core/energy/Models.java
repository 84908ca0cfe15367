package org.softglass.core.energy;

import java.util.List;

/**
 * Model presets (DESIGN §2). Species 0 = A, 1 = B. {@link #NAMES} lists every accepted name.
 *
 * <ul>
 *   <li>{@code ka}: Kob–Andersen 80:20 LJ, ε_AA=1, σ_AA=1, ε_AB=1.5, σ_AB=0.8, ε_BB=0.5, σ_BB=0.88,
 *       r_c = 2.5σ_ab, energy shifted to zero at r_c: identical to LAMMPS
 *       {@code pair_style lj/cut 2.5; pair_coeff 1 1 1.0 1.0 2.5; pair_coeff 1 2 1.5 0.8 2.0;
 *       pair_coeff 2 2 0.5 0.88 2.2; pair_modify shift yes}. Density 1.2, x_A = 0.8.</li>
 *   <li>{@code ss}, alias {@code harmonic-ss}: harmonic soft spheres 50:50, ε=1, σ_AA=1, σ_BB=1.4,
 *       σ_AB=1.2 (Berthier–Witten); default density 0.82, the denser of the two state points of paper
 *       000. Not paper 004's "SS" (Sticky Spheres): that is {@code sticky-spheres}.</li>
 *   <li>{@code ipl}: r⁻¹⁰ 50:50 with smooth cutoff x_c = 1.48, λ_AA=1, λ_AB=1.18, λ_BB=1.4, ε=1,
 *       density 0.82 (paper 004 Table I); λ's and x_c are our choice (see {@link InversePowerLaw}).</li>
 *   <li>{@code mblj}: paper 004's modified binary LJ, {@link #mblj()}.</li>
 *   <li>{@code sticky-spheres}: paper 004's Sticky Spheres (its "SS", the "CSS" of ref. 69),
 *       {@link #stickySpheres()}.</li>
 *   <li>{@code sw}: one-species Stillinger–Weber glass of paper 004 (silicon parameters, λ = 18.75;
 *       {@link StillingerWeber#paper004()}), density 0.52 (Table I); pairs plus a three-body term.</li>
 * </ul>
 */
public final class Models {
    private Models() {}

    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("ka", "ss", "harmonic-ss", "ipl", "mblj", "sticky-spheres", "sw");

    public static PairPotential ka() {
        double[][] eps = {{1.0, 1.5}, {1.5, 0.5}};
        double[][] sig = {{1.0, 0.8}, {0.8, 0.88}};
        double[][] rc = {{2.5, 2.0}, {2.0, 2.2}};
        return LennardJones.of("ka", eps, sig, rc, true);
    }

    public static PairPotential ss() {
        return Harmonic.of("ss", 1.0, new double[][] {{1.0, 1.2}, {1.2, 1.4}});
    }

    public static PairPotential ipl() {
        return InversePowerLaw.of("ipl", 1.0, new double[][] {{1.0, 1.18}, {1.18, 1.4}}, 1.48);
    }

    /**
     * Paper 004's modified binary Lennard-Jones (mBLJ, Sec. II A): "a modification of the Kob–Andersen
     * 80:20 binary mixture [ref. 66] that is more resistant to crystallization due to the decreased
     * strength of the AA and BB interactions [ref. 67: Schrøder and Dyre, J. Chem. Phys. 152, 141101
     * (2020)]", run by 004 with RUMD. 004 gives no parameters; ours, with their sources:
     * <ul>
     *   <li>ε_AA=1, ε_AB=1.5, ε_BB=0.5, σ_AA=1, σ_AB=0.8, σ_BB=0.88: the Kob–Andersen values (ref. 66),
     *       which the modification keeps;</li>
     *   <li>shifted-force cutoffs ({@link ShiftedForceLennardJones}) r_c,AA = 1.5, r_c,AB = 2.0 (= 2.5σ_AB),
     *       r_c,BB = 1.5 (σ_AA units): the "modified KA interactions" of a HOOMD-blue model-setup script
     *       of the 004 authors' group (class {@code ForceShiftedLJ}, {@code md.pair.force_shifted_lj},
     *       found in the public code index; its repository was not named there). The short like-particle
     *       cutoffs remove most of the AA and BB attraction, the "decreased strength" of 004's text. If ref.
     *       67 states its cutoffs in units of σ_αβ (RUMD's convention), r_c,BB would be 1.5σ_BB = 1.32; the
     *       script's absolute 1.5 is kept, as the only value found written down;</li>
     *   <li>x_A = 0.8: 004 Sec. II A ("80:20") and its Fig. 12 caption (AA and AB carry 64 % = 0.8² and
     *       32 % = 2·0.8·0.2 of g(r));</li>
     *   <li>density 1.2: 004 Table I.</li>
     * </ul>
     */
    public static PairPotential mblj() {
        double[][] eps = {{1.0, 1.5}, {1.5, 0.5}};
        double[][] sig = {{1.0, 0.8}, {0.8, 0.88}};
        double[][] rc = {{1.5, 2.0}, {2.0, 1.5}};
        return ShiftedForceLennardJones.of("mblj", eps, sig, rc);
    }

    /**
     * Paper 004's Sticky Spheres (SS, Sec. II A; ref. 68: Karmakar, Lerner, Procaccia and Zylberg,
     * Phys. Rev. E 83, 046106 (2011)), the variant with x_c = 2^{1/6}·1.2 that ref. 69 (González-López et
     * al., Phys. Rev. E 103, 022605 (2021)) calls CSS; form and smoothing in {@link StickySpheres}.
     * <ul>
     *   <li>x_c = 1.2·2^{1/6}: 004 Sec. II A;</li>
     *   <li>50:50: 004 Sec. II A;</li>
     *   <li>λ_AA=1, λ_AB=1.18, λ_BB=1.4, ε=1 (no separate ε in the evaluator): the {@code StickySpheres}
     *       class of the 004 authors' HOOMD model-setup script (public code index), with the
     *       {@code sticky_spheres} pair of github.com/KGonzalezLopez/hoomd-blue (branch {@code maint});</li>
     *   <li>density 0.6: 004 Table I (the same script's {@code default_rho}); 004 also uses 0.7 and 0.95
     *       (Table III), reachable with {@code --density}.</li>
     * </ul>
     */
    public static PairPotential stickySpheres() {
        return StickySpheres.of("sticky-spheres", 1.0, new double[][] {{1.0, 1.18}, {1.18, 1.4}}, 1.2 * StickySpheres.X_MIN);
    }

    /** Paper 004's one-species Stillinger–Weber glass ({@link StillingerWeber#paper004()}): pairs and a three-body term. */
    public static PairPotential sw() {
        return StillingerWeber.paper004().potential("sw");
    }

    /** The usual number density of each preset (σ_AA⁻³). */
    public static double defaultDensity(String name) {
        return switch (name) {
            case "ka", "mblj" -> 1.2;
            case "ss", "harmonic-ss", "ipl" -> 0.82;
            case "sticky-spheres" -> 0.6;
            case "sw" -> 0.52;
            default -> throw unknown(name);
        };
    }

    /** Fraction of species A of each preset. */
    public static double defaultFractionA(String name) {
        return switch (name) {
            case "ka", "mblj" -> 0.8;
            case "ss", "harmonic-ss", "ipl", "sticky-spheres" -> 0.5;
            case "sw" -> 1.0;
            default -> throw unknown(name);
        };
    }

    /** The preset of the given name; error lists the known names. */
    public static PairPotential byName(String name) {
        return switch (name) {
            case "ka" -> ka();
            case "ss", "harmonic-ss" -> ss();
            case "ipl" -> ipl();
            case "mblj" -> mblj();
            case "sticky-spheres" -> stickySpheres();
            case "sw" -> sw();
            default -> throw unknown(name);
        };
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown model '" + name + "': expected one of " + NAMES);
    }
}
