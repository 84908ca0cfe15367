package org.softglass.core.energy;

import java.util.List;

/**
 * Model presets (DESIGN §2). Species 0 = A, 1 = B.
 *
 * <ul>
 *   <li>{@code ka}: Kob–Andersen 80:20 LJ, ε_AA=1, σ_AA=1, ε_AB=1.5, σ_AB=0.8, ε_BB=0.5, σ_BB=0.88,
 *       r_c = 2.5σ_ab, energy shifted to zero at r_c: identical to LAMMPS
 *       {@code pair_style lj/cut 2.5; pair_coeff 1 1 1.0 1.0 2.5; pair_coeff 1 2 1.5 0.8 2.0;
 *       pair_coeff 2 2 0.5 0.88 2.2; pair_modify shift yes}. Density 1.2, x_A = 0.8.</li>
 *   <li>{@code ss}: harmonic soft spheres 50:50, ε=1, σ_AA=1, σ_BB=1.4, σ_AB=1.2 (Berthier–Witten);
 *       default density 0.82, the denser of the two state points of paper 000.</li>
 *   <li>{@code ipl}: r⁻¹⁰ 50:50 with smooth cutoff x_c = 1.48, λ_AA=1, λ_AB=1.18, λ_BB=1.4, ε=1,
 *       density 0.82 (paper 004 Table I); λ's and x_c are our choice (see {@link InversePowerLaw}).</li>
 *   <li>{@code sw}: one-species Stillinger–Weber glass of paper 004 (silicon parameters, λ = 18.75;
 *       {@link StillingerWeber#paper004()}), density 0.52 (Table I); pairs plus a three-body term.</li>
 * </ul>
 */
public final class Models {
    private Models() {}

    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("ka", "ss", "ipl", "sw");

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

    public static PairPotential sw() {
        return StillingerWeber.paper004().potential("sw");
    }

    /** The usual number density of each preset (σ_AA⁻³). */
    public static double defaultDensity(String name) {
        return switch (name) { case "ka" -> 1.2; case "ss" -> 0.82; case "ipl" -> 0.82; case "sw" -> 0.52; default -> throw unknown(name); };
    }

    /** Fraction of species A of each preset. */
    public static double defaultFractionA(String name) {
        return switch (name) { case "ka" -> 0.8; case "ss", "ipl" -> 0.5; case "sw" -> 1.0; default -> throw unknown(name); };
    }

    /** The preset of the given name; error lists the known names. */
    public static PairPotential byName(String name) {
        return switch (name) { case "ka" -> ka(); case "ss" -> ss(); case "ipl" -> ipl(); case "sw" -> sw(); default -> throw unknown(name); };
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown model '" + name + "': expected one of " + NAMES);
    }
}
