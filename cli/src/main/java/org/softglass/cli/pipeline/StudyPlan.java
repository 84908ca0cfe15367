package org.softglass.cli.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.structure.DescriptorSpec;

/**
 * A checked study: the settings of the pipeline's analysis stages ({@link PipelinePreset}, with the run
 * lengths read from the files) and the user's trajectories ({@link StudyInputs}). Everything is checked
 * before any work starts, each problem one line naming the configuration file and the entry: missing
 * keys and files, fewer than two temperatures, duplicate temperatures, training temperatures that are not
 * among them, an unknown descriptor preset, non-positive thresholds, a trajectory whose particle count
 * changes from frame to frame or whose frames are not equally spaced in timestep, and trajectories whose
 * particle counts or frame spacings differ between temperatures.
 *
 * @param preset the analysis settings (no MD: equilibration 0, production = (frames − 1) × spacing)
 * @param inputs the user's files per temperature
 */
record StudyPlan(PipelinePreset preset, StudyInputs inputs) {

    /**
     * Reads and checks a configuration file and scans every trajectory it names (one pass each). A configuration
     * with a {@code simulate} block instead of {@code trajectories} makes its own MD: the plan has no inputs.
     */
    static StudyPlan of(Path configFile) throws IOException {
        StudyConfig c = StudyConfig.read(configFile);
        String src = configFile.toString();
        String name = c.name() != null ? c.name() : configFile.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        requireInherentKey(c, src);
        if (c.simulate() != null) {
            if (c.quench() != null) throw new InputFormatException(src, -1, "'quench' with 'simulate', expected it with 'trajectories' of thermal frames");
            if (c.trajectories() != null) {
                throw new InputFormatException(src, -1, "both 'trajectories' and 'simulate', expected one: your trajectories, or the MD to make");
            }
            return new StudyPlan(simulated(c, src, name), null);
        }
        Path base = configFile.toAbsolutePath().getParent();
        StudyConfig.Quench quench = quench(c, src);   // checked before any file is read
        if (c.trajectories() == null || c.trajectories().size() < 2) {
            throw new InputFormatException(src, -1, "'trajectories' lists " + (c.trajectories() == null ? 0 : c.trajectories().size())
                    + " temperature(s), expected at least two (the barrier fits need several)");
        }
        double dt = positive(src, "dt", c.dt(), 0.005);
        for (int i = 0; i < c.trajectories().size(); i++) {
            StudyConfig.Input e = c.trajectories().get(i);
            if (e == null || e.temperature() == null) {
                throw new InputFormatException(src, -1, "trajectories entry " + (i + 1) + " has no temperature, expected {temperature: T, file: F}");
            }
        }
        List<StudyConfig.Input> in = new ArrayList<>(c.trajectories());
        in.sort((a, b) -> Double.compare(b.temperature(), a.temperature()));   // hottest first, as the presets
        int k = in.size();
        double[] ts = new double[k];
        long[] steps = new long[k];
        Map<Double, Path> structure = new LinkedHashMap<>(), thermal = new LinkedHashMap<>();
        Scan first = null;
        Path firstFile = null;
        for (int i = 0; i < k; i++) {
            StudyConfig.Input e = in.get(i);
            String what = "trajectories entry with temperature " + e.temperature();
            ts[i] = positive(src, what, e.temperature(), Double.NaN);
            if (structure.containsKey(ts[i])) throw new InputFormatException(src, -1, "temperature " + ts[i] + " appears twice in 'trajectories'");
            for (double other : structure.keySet()) {
                if (PipelinePreset.label(other).equals(PipelinePreset.label(ts[i]))) {   // the folders of each T are named T%.3f
                    throw new InputFormatException(src, -1, "temperatures " + other + " and " + ts[i] + " share the label "
                            + PipelinePreset.label(ts[i]) + ", expected temperatures at least 0.001 apart");
                }
            }
            Path f = file(src, base, e.file(), what + ": file");
            Scan s = Scan.of(src, what + ": " + f, f, true);
            if (first == null) {
                first = s;
                firstFile = f;
            } else if (s.n != first.n || s.spacing != first.spacing) {
                throw new InputFormatException(src, -1, what + ": " + f + " has " + s.n + " particles and frames " + s.spacing
                        + " steps apart, but " + firstFile + " (T = " + ts[0] + ") has " + first.n + " and " + first.spacing
                        + ": expected one system sampled alike at every temperature");
            }
            steps[i] = (s.frames - 1) * s.spacing;
            structure.put(ts[i], f);
            if (e.thermal() != null) {
                Path th = file(src, base, e.thermal(), what + ": thermal");
                Scan st = Scan.of(src, what + ": " + th, th, true);
                if (st.n != s.n) {
                    throw new InputFormatException(src, -1, what + ": thermal " + th + " has " + st.n + " particles, expected " + s.n + " as its file");
                }
                thermal.put(ts[i], th);
            } else {
                thermal.put(ts[i], f);
            }
        }
        PipelinePreset p = analysis(c, src, name, first.n, ts, dt, new long[k], steps, first.spacing);
        String model = c.model() == null || c.model().isBlank() ? "unspecified" : c.model();
        return new StudyPlan(p, new StudyInputs(model, configFile.toAbsolutePath(), Manifest.sha256(configFile), structure, thermal,
                first.n / first.volume, first.minSide, quench));
    }

    /** The quench block with its defaults, checked: a known potential and minimiser, ftol > 0, on thermal frames. */
    private static StudyConfig.Quench quench(StudyConfig c, String src) {
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

    private static void requireInherentKey(StudyConfig c, String src) {
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
    private static PipelinePreset analysis(StudyConfig c, String src, String name, int n, double[] ts, double dt, long[] eq, long[] steps,
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

    private static Path file(String src, Path base, String name, String what) {
        if (name == null || name.isBlank()) throw new InputFormatException(src, -1, what + " is empty, expected a trajectory file");
        Path f = base.resolve(name).normalize();
        if (!Files.isRegularFile(f)) throw new InputFormatException(src, -1, what + " " + f + " does not exist or is not a file");
        return f;
    }

    private static double positive(String src, String key, Double v, double dflt) {
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

    /**
     * One pass over a trajectory: particle count (constant), frames, timestep spacing (uniform), first box volume
     * (σ³) and smallest side (σ); with {@code unwrapped}, every frame must carry image counts (p_hop and F_s follow
     * particles across the boundaries).
     */
    private record Scan(int n, long frames, long spacing, double volume, double minSide) {
        static Scan of(String src, String what, Path f, boolean unwrapped) throws IOException {
            int n = -1;
            long frames = 0, first = 0, prev = 0, spacing = 0;
            double volume = 0, minSide = 0;
            try (TrajectoryReader r = TrajectoryReader.open(f)) {
                for (Frame fr; (fr = r.next()) != null; frames++) {
                    try (Frame g = fr) {
                        if (frames == 0) {
                            n = g.size();
                            first = g.timestep();
                            volume = g.box().length(0) * g.box().length(1) * g.box().length(2);
                            minSide = Math.min(g.box().length(0), Math.min(g.box().length(1), g.box().length(2)));
                        } else {
                            if (g.size() != n) {
                                throw new InputFormatException(src, -1, what + ": frame " + frames + " has " + g.size()
                                        + " particles, expected " + n + " as in frame 0");
                            }
                            long d = g.timestep() - prev;
                            if (frames == 1) spacing = d;
                            if (d <= 0 || d != spacing) {
                                throw new InputFormatException(src, -1, what + ": frame " + frames + " is at timestep " + g.timestep()
                                        + " after " + prev + ", expected equally spaced, increasing timesteps ("
                                        + (frames > 1 ? spacing + " apart as frames 0 and 1" : "after frame 0") + ")");
                            }
                        }
                        if (unwrapped && !g.imagesKnown()) {
                            throw new InputFormatException(src, -1, what + ": frame " + frames + " has wrapped positions without image counts, "
                                    + "expected unwrapped positions (dump columns ix iy iz or xu yu zu; GSD particles/image in every frame)");
                        }
                        prev = g.timestep();
                    }
                }
            }
            if (frames < 3) throw new InputFormatException(src, -1, what + ": " + frames + " frame(s), expected at least 3");
            return new Scan(n, frames, spacing, volume, minSide);
        }
    }
}
