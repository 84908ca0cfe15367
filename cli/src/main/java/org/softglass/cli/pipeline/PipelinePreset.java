package org.softglass.cli.pipeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sizes and analysis settings of a {@code softglass pipeline} study of the Kob–Andersen mixture
 * (ρ = 1.2, 80:20): the temperatures, run lengths and the thresholds of the softness analysis.
 *
 * <p>MD protocol: the highest temperature starts from a random melt; every lower one starts from
 * the last frame of the one above (a step-wise cooling), equilibrates {@code equilibrate} steps and
 * runs {@code steps} of production with a frame every {@code dumpEvery} steps. Times in τ, lengths
 * in σ_AA, temperatures in ε_AA/k_B.
 *
 * <p>Softness (DESIGN §4): training on {@code trainTemperatures} (sets pooled), rearranging = an event
 * with p* &gt; {@code pc}, stable = p_hop &lt; {@code pStable} for {@code tauC}; P(R|S,T) uses
 * p_hop &gt; {@code pR}. Features: the {@code features} descriptor preset of species A centres.
 * Inherent structures: every frame quenched with {@code inherentQuench} ({@link #IS_MIN}), one frame per
 * thread while the MD goes on.
 *
 * <p>The built-in presets are the study files {@code studies/NAME.yaml} ({@link #byName}); a {@code softglass study}
 * configuration becomes a preset through {@link StudyPlan}. Why the built-in numbers are what they are:
 *
 * <ul>
 *   <li>{@code demo}: N = 1000, T = 0.90 … 0.61 (onset ≈ 0.74–0.86 for KA, DESIGN §5), 100 τ of
 *       production per T with every 2 τ frame quenched (p_hop and descriptors on inherent structures,
 *       as paper 001; on thermal frames the classifier was no better than chance here: CV accuracy
 *       0.55 against 0.63–0.70 on inherent structures), radial descriptors ({@code fluidity-100}),
 *       stable = p_hop &lt; 0.02 for τ_c = 10 τ (20 τ left no stable candidate at T = 0.72); TRSP L = 16,
 *       8 trajectories of 20 000 events (they reach ≈ 6 τ_Q at every T; 40 000 reached 13 τ_Q and took
 *       half the demo's wall time).</li>
 *   <li>{@code paper-lite}: the paper-grade study that fits in ≈ 3 hours on 2 cores (issue 15 item 6):
 *       N = 1000, T = 0.90 (above the onset) … 0.50, every frame (1 τ, as paper 001) quenched; production
 *       ≥ 10 τ_α at every T (sized from the demo's F_s and a VFT extrapolation, ≈ 80, 240, 490 τ at
 *       T = 0.56, 0.52, 0.50; a one-tenth-length rehearsal then measured F_s = 0.2 at 47, 112, 217 τ, so
 *       the 5000 τ at 0.50 are ≈ 20 τ_α) and equilibration ≥ 3 τ_α after the step from the T above;
 *       training at the two lowest T with the KA rules of DESIGN §4: p_c = 0.6, stable = p_hop &lt; 0.02
 *       for τ_c = 250 τ (≈ τ_α at 0.52, ½ τ_α at 0.50; one τ_c serves both sets); {@code fluidity-100};
 *       TRSP L = 16, 8 × 40 000 events.</li>
 *   <li>{@code paper-ka}: N = 10 000, T = 0.70 … 0.42, 1000 τ of production per T with every frame
 *       (1 τ) quenched, {@code ka-266}; days on 2 cores (README); resumable.</li>
 *   <li>{@code smoke}: N = 500, four temperatures, 50 τ each, about a minute; for tests of the machinery only (its
 *       fits have large errors).</li>
 * </ul>
 */
public record PipelinePreset(String name, int n, double[] temperatures, double dt, long[] equilibrate, long[] steps, long dumpEvery,
                      boolean inherent, org.softglass.core.simulate.InherentQuench inherentQuench, String features, double[] trainTemperatures, double tR, double pc, double pStable,
                      double tauC, double pR, int trspSide, int trspTrajectories, long trspEvents, int bootstrap) {

    static final String[] NAMES = {"demo", "paper-lite", "paper-ka", "smoke"};

    /**
     * The inherent-structure quench of every preset: L-BFGS (then FIRE where it stalls) to |F|₂ ≤ 1e-4.
     * L-BFGS needs ≈ 0.45× the force evaluations of cg+fire and reaches minima with the same U_IS/N
     * statistics as LAMMPS' cg+fire (LbfgsTest; bench/RESULTS.md "L-BFGS vs CG quenches"); at 1e-4
     * every p_hop label agreed with 1e-10 on the demo's T = 0.61 and 0.90 trajectories, for ≈ 0.74× the
     * evaluations (bench/phop-tolerance.sh; bench/RESULTS.md "p_hop and the quench tolerance").
     */
    public static final org.softglass.core.simulate.InherentQuench IS_MIN =
            new org.softglass.core.simulate.InherentQuench(org.softglass.core.minimize.Algorithm.LBFGS_FIRE, 1e-4);

    /**
     * A built-in preset: the study file {@code studies/NAME.yaml} of the repository (bundled as the resource
     * {@code presets/NAME.yaml}), read by the same code as {@code softglass study} ({@link StudySettings#simulated}).
     *
     * @throws IllegalArgumentException for another name
     */
    static PipelinePreset byName(String name) {
        if (!java.util.Arrays.asList(NAMES).contains(name)) {
            throw new IllegalArgumentException("--preset must be one of " + String.join(", ", NAMES) + ", got '" + name + "'");
        }
        String res = "/presets/" + name + ".yaml";
        try (java.io.InputStream in = PipelinePreset.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalStateException("the preset resource " + res + " is missing from the build");
            java.nio.file.Path src = java.nio.file.Path.of("studies", name + ".yaml");
            return StudySettings.simulated(StudyConfig.read(in, src, false), src.toString(), name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The temperature label used in directory names, e.g. {@code T0.620}. */
    public static String label(double t) { return String.format(Locale.ROOT, "T%.3f", t); }

    /** @throws IllegalArgumentException if the per-temperature lengths do not match the temperatures */
    public PipelinePreset {
        if (equilibrate.length != temperatures.length || steps.length != temperatures.length) {
            throw new IllegalArgumentException("preset " + name + ": " + temperatures.length + " temperatures but " + equilibrate.length
                    + " equilibration and " + steps.length + " production lengths");
        }
    }

    /** {@code count} copies of {@code v}: the same run length at every temperature. */
    public static long[] same(int count, long v) {
        long[] a = new long[count];
        Arrays.fill(a, v);
        return a;
    }

    /** Index of temperature {@code t} in {@link #temperatures()} (exact match). */
    int indexOf(double t) {
        for (int k = 0; k < temperatures.length; k++) {
            if (temperatures[k] == t) return k;
        }
        throw new IllegalArgumentException("preset " + name + " has no temperature " + t);
    }

    /** Equilibration steps at the k-th temperature. */
    long equilibrate(int k) { return equilibrate[k]; }

    /** Production steps at the k-th temperature. */
    long steps(int k) { return steps[k]; }

    /** Frames of the k-th temperature's trajectory: production / dumpEvery + 1 (the first frame at step 0). */
    long frames(int k) { return steps[k] / dumpEvery() + 1; }

    /** Total MD steps of the study (melt of the first run included). */
    long totalSteps() { return 2000 + Arrays.stream(equilibrate).sum() + Arrays.stream(steps).sum(); }

    /** The settings as a map (for the pipeline manifest and the report). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", name); m.put("model", "ka"); m.put("n", n); m.put("density", 1.2);
        m.put("temperatures", Arrays.stream(temperatures).boxed().toList()); m.put("dt", dt);
        m.put("equilibrate_steps", Arrays.stream(equilibrate).boxed().toList()); m.put("production_steps", Arrays.stream(steps).boxed().toList());
        m.put("dump_every", dumpEvery);
        m.put("inherent_structures", inherent); m.put("inherent_min", inherentQuench.algorithm().label()); m.put("inherent_ftol", inherentQuench.ftol()); m.put("features", features);
        m.put("train_temperatures", Arrays.stream(trainTemperatures).boxed().toList());
        m.put("tR", tR); m.put("pc", pc); m.put("p_stable", pStable); m.put("tau_c", tauC); m.put("p_R", pR);
        m.put("trsp_L", trspSide); m.put("trsp_trajectories", trspTrajectories); m.put("trsp_events", trspEvents);
        m.put("bootstrap", bootstrap);
        return m;
    }
}
