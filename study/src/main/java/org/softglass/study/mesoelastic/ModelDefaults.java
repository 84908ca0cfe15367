package org.softglass.study.mesoelastic;

import java.util.List;
import org.softglass.core.energy.PairPotential;

/**
 * The per-model defaults of the mesoelastic workflow at the shipped size (N = 256, a few minutes on 2 cores): parent
 * temperatures T_p (highest first) and the equilibration and production steps of each, sized for τ_α/t0 from about 5
 * to 50 and ≥ 2 τ_α per time block of the error of τ_α (3 blocks); and the F_s species, paper 004's "largest particle
 * species" (Sec. II B), found by {@link #largestSpecies}. The F_s wave number is not a default here: the workflow
 * takes the first S(q) peak of that species at the highest T_p (paper 004 Table I: q_max of the largest species).
 *
 * <p>Paper 004 states neither model's temperatures in its text (they are the points of Fig. 4 a2–d2). IPL (ρ = 0.82):
 * 0.80 … 0.70, τ_α/t0 ≈ 13 … 52 at N = 256 (bench/RESULTS.md). mBLJ (ρ = 1.2, x_A = 0.8): 0.72, 0.65, 0.61, 0.58,
 * sized from a first run at N = 256 with 0.70, 0.62, 0.58, 0.55 and the IPL steps (τ_α = 14, 29, 82, 107 τ; at 0.55
 * the equilibration was 1.2 τ_α and at 0.58 one time block did not relax; validation/published/paper-004/run.md): the
 * steps give ≥ 2.5 τ_α of equilibration and ≥ 9 τ_α of production at every T_p (measured τ_α/t0 = 9 … 49). Other presets get
 * the IPL list, which is what the command gave them before these defaults (its T range means nothing for them).
 *
 * @param model        the preset name
 * @param temperatures T_p, highest first
 * @param equilibrate  equilibration steps per T_p (highest first)
 * @param steps        production steps per T_p (highest first)
 */
public record ModelDefaults(String model, List<Double> temperatures, List<Long> equilibrate, List<Long> steps) {
    private static final List<Long> EQUILIBRATE = List.of(10_000L, 10_000L, 15_000L, 25_000L);
    private static final List<Long> STEPS = List.of(30_000L, 40_000L, 60_000L, 100_000L);
    /** The like-pair energy (ε) whose distance is taken as a species' diameter in {@link #largestSpecies}. */
    static final double DIAMETER_ENERGY = 1.0;

    public ModelDefaults {
        temperatures = List.copyOf(temperatures);
        equilibrate = List.copyOf(equilibrate);
        steps = List.copyOf(steps);
    }

    /** The defaults of {@code model} (any preset name; see the class comment for the ones without their own). */
    public static ModelDefaults forModel(String model) {
        return switch (model) {
            case "mblj" -> new ModelDefaults(model, List.of(0.72, 0.65, 0.61, 0.58), List.of(10_000L, 10_000L, 20_000L, 40_000L),
                    List.of(30_000L, 40_000L, 80_000L, 150_000L));
            default -> new ModelDefaults(model, List.of(0.80, 0.76, 0.73, 0.70), EQUILIBRATE, STEPS);
        };
    }

    /**
     * The largest species (0-based), paper 004's F_s species: the one whose like pair reaches the energy
     * {@value #DIAMETER_ENERGY} ε at the largest distance d_a, {@code U_aa(d_a) = 1 ε} (an effective diameter at
     * T ≈ 1, found by bisection on [0, r_c,aa]; every preset's like pair is repulsive enough at short range). The like
     * cutoffs cannot serve: mBLJ's are equal (1.5 for AA and BB) although σ_AA = 1 > σ_BB = 0.88. IPL: B (λ_BB = 1.4);
     * KA and mBLJ: A. Ties go to the lower index.
     */
    public static int largestSpecies(PairPotential pot) {
        int best = 0;
        double dBest = diameter(pot, 0);
        for (int a = 1; a < pot.speciesCount(); a++) {
            double d = diameter(pot, a);
            if (d > dBest) {
                best = a;
                dBest = d;
            }
        }
        return best;
    }

    /** d_a with U_aa(d_a) = {@value #DIAMETER_ENERGY} ε (σ), to 1e-12 relative; r_c,aa when U stays below it. */
    static double diameter(PairPotential pot, int a) {
        double lo = 0, hi = pot.cutoff(a, a);
        if (pot.energy(a, a, hi * hi * (1 - 1e-12)) >= DIAMETER_ENERGY) return hi;
        for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            double u = pot.energy(a, a, mid * mid);
            if (u >= DIAMETER_ENERGY || Double.isNaN(u)) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
