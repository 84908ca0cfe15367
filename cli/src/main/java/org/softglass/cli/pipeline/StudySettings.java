package org.softglass.cli.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.structure.DescriptorSpec;

/**
 * The checked settings of a study configuration ({@link StudyConfig}) as the pipeline's {@link PipelinePreset}: the
 * analysis keys both kinds of study share ({@link #analysis}: features, training temperatures, thresholds, TRSP size,
 * bootstrap), the MD of a {@code simulate} block ({@link #simulated}), the {@code quench} block, and the checks of
 * single values (numbers &gt; 0, counts, files). Each problem is an {@link InputFormatException} naming the configuration
 * file {@code src} and the key; the defaults are filled in here.
 */
final class StudySettings {
    private StudySettings() {}

    /** The quench block with its defaults, checked: a known potential and minimiser, ftol > 0, on thermal frames. */
    static StudyConfig.Quench quench(StudyConfig c, String src) {
        StudyConfig.Quench q = c.quench();
        if (q == null) return null;
        if (!c.inherentStructures()) {
            throw new InputFormatException(src, -1, "'quench' with inherent_structures: false, expected true (the quench makes the inherent "
                    + "structures the analysis then uses)");
        }
        try {
            org.softglass.core.energy.Models.byName(q.model());
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(src, -1, "quench.model '" + q.model() + "': " + e.getMessage());
        }
        String min = q.min() == null ? PipelinePreset.IS_MIN.algorithm().label() : q.min();
        try {
            org.softglass.core.minimize.Algorithm.parse(min);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(src, -1, "quench.min '" + min + "': " + e.getMessage());
        }
        return new StudyConfig.Quench(q.model(), min, positive(src, "quench.ftol", q.ftol(), PipelinePreset.IS_MIN.ftol()));
    }

    static void requireInherentKey(StudyConfig c, String src) {
        if (c.inherentStructures() == null) {
            throw new InputFormatException(src, -1, "missing 'inherent_structures', expected true (inherent structures, as papers 000-002 "
                    + "analyse) or false (thermal frames)");
        }
    }

    /**
     * The settings of a configuration with a {@code simulate} block (the built-in presets): KA at ρ = 1.2, the
     * temperatures in the given (cooling) order, equilibration and production per temperature, every dumped
     * frame quenched when {@code inherent_structures} (L-BFGS+FIRE to 1e-4, {@link PipelinePreset#IS_MIN}).
     *
     * @throws InputFormatException naming the key: another model, fewer than two or rising temperatures, run
     *     lengths of another count than the temperatures, non-positive sizes
     */
    static PipelinePreset simulated(StudyConfig c, String src, String name) {
        requireInherentKey(c, src);
        StudyConfig.Simulate sim = c.simulate();
        if (c.model() != null && !c.model().equals("ka")) {
            throw new InputFormatException(src, -1, "model '" + c.model() + "' with 'simulate', expected ka (the MD makes the Kob-Andersen mixture only)");
        }
        List<Double> tl = sim.temperatures();
        if (tl == null || tl.size() < 2 || tl.contains(null)) {
            throw new InputFormatException(src, -1, "simulate.temperatures is " + tl + ", expected at least two temperatures, hottest first");
        }
        int k = tl.size();
        double[] ts = new double[k];
        for (int i = 0; i < k; i++) {
            ts[i] = positive(src, "simulate.temperatures", tl.get(i), Double.NaN);
            if (i > 0 && !(ts[i] < ts[i - 1])) {
                throw new InputFormatException(src, -1, "simulate.temperatures " + tl + " do not fall, expected the cooling order (each T starts "
                        + "from the last frame of the one before)");
            }
        }
        int n = count(src, "simulate.n", sim.n(), 0, 2);
        long every = count(src, "simulate.dump_every", sim.dumpEvery(), 0, 1);
        long[] eq = perTemperature(src, "simulate.equilibrate", sim.equilibrate(), k, 0), steps = perTemperature(src, "simulate.steps", sim.steps(), k, 1);
        return analysis(c, src, name, n, ts, positive(src, "dt", c.dt(), 0.005), eq, steps, every);
    }

    /** One number for every temperature, or one per temperature. */
    private static long[] perTemperature(String src, String key, List<Long> v, int k, long min) {
        if (v == null || v.contains(null) || (v.size() != 1 && v.size() != k)) {
            throw new InputFormatException(src, -1, key + " is " + v + ", expected one number or " + k + " (one per temperature)");
        }
        long[] out = new long[k];
        for (int i = 0; i < k; i++) out[i] = count(src, key, v.get(v.size() == 1 ? 0 : i), 0, min);
        return out;
    }

    /** The analysis settings shared by both kinds of study: features, training temperatures, thresholds, TRSP size, bootstrap. */
    static PipelinePreset analysis(StudyConfig c, String src, String name, int n, double[] ts, double dt, long[] eq, long[] steps,
                                           long every) {
        int k = ts.length;
        String features = c.features() == null ? "fluidity-100" : c.features();
        if (!DescriptorSpec.PRESETS.contains(features)) {
            throw new InputFormatException(src, -1, "features '" + features + "', expected one of " + DescriptorSpec.PRESETS);
        }
        if (c.trainTemperatures() != null && (c.trainTemperatures().isEmpty() || c.trainTemperatures().contains(null)
                || new java.util.HashSet<>(c.trainTemperatures()).size() != c.trainTemperatures().size())) {
            throw new InputFormatException(src, -1, "train_temperatures is " + c.trainTemperatures()
                    + ", expected distinct temperatures of the study (or no key: the lowest)");
        }
        double[] train = c.trainTemperatures() == null ? new double[] {ts[k - 1]}
                : c.trainTemperatures().stream().mapToDouble(Double::doubleValue).toArray();
        for (double t : train) {
            if (Arrays.stream(ts).noneMatch(x -> x == t)) {
                throw new InputFormatException(src, -1, "train_temperatures holds " + t + ", expected temperatures of the study "
                        + Arrays.toString(ts));
            }
        }
        StudyConfig.Trsp trsp = c.trsp() == null ? new StudyConfig.Trsp(null, null, null) : c.trsp();
        return new PipelinePreset(name, n, ts, dt, eq, steps, every, c.inherentStructures(),
                PipelinePreset.IS_MIN, features, train, positive(src, "t_r", c.tR(), 10), positive(src, "p_c", c.pC(), 0.3),
                positive(src, "p_stable", c.pStable(), 0.02), positive(src, "tau_c", c.tauC(), 10), positive(src, "p_r", c.pR(), 0.2),
                count(src, "trsp.L", trsp.side(), 16, 2), count(src, "trsp.trajectories", trsp.trajectories(), 8, 1),
                count(src, "trsp.events", trsp.events(), 20_000, 1), count(src, "bootstrap", c.bootstrap(), 200, 0));
    }

    static Path file(String src, Path base, String name, String what) {
        if (name == null || name.isBlank()) throw new InputFormatException(src, -1, what + " is empty, expected a trajectory file");
        Path f = base.resolve(name).normalize();
        if (!Files.isRegularFile(f)) throw new InputFormatException(src, -1, what + " " + f + " does not exist or is not a file");
        return f;
    }

    static double positive(String src, String key, Double v, double dflt) {
        double x = v == null ? dflt : v;
        if (!(x > 0) || !Double.isFinite(x)) throw new InputFormatException(src, -1, key + " is " + v + ", expected a finite number > 0");
        return x;
    }

    private static int count(String src, String key, Integer v, int dflt, int min) {
        return (int) count(src, key, v == null ? null : v.longValue(), dflt, min);
    }

    private static long count(String src, String key, Long v, long dflt, long min) {
        long x = v == null ? dflt : v;
        if (x < min) throw new InputFormatException(src, -1, key + " is " + x + ", expected at least " + min);
        return x;
    }
}
