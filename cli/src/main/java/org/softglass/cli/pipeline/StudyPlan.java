package org.softglass.cli.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;

/**
 * A checked study: the settings of the pipeline's analysis stages ({@link PipelinePreset}, with the run
 * lengths read from the files) and the user's trajectories ({@link StudyInputs}). Everything is checked
 * before any work starts, each problem one line naming the configuration file and the entry: missing
 * keys and files, fewer than two temperatures, duplicate temperatures, training temperatures that are not
 * among them, an unknown descriptor preset, non-positive thresholds, a trajectory whose particle count
 * changes from frame to frame or whose frames are not equally spaced in timestep, and trajectories whose
 * particle counts or frame spacings differ between temperatures. The settings' keys are checked by {@link StudySettings},
 * each trajectory read by {@link TrajectoryScan}.
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
        StudySettings.requireInherentKey(c, src);
        if (c.simulate() != null) {
            if (c.quench() != null) throw new InputFormatException(src, -1, "'quench' with 'simulate', expected it with 'trajectories' of thermal frames");
            if (c.trajectories() != null) {
                throw new InputFormatException(src, -1, "both 'trajectories' and 'simulate', expected one: your trajectories, or the MD to make");
            }
            return new StudyPlan(StudySettings.simulated(c, src, name), null);
        }
        Path base = configFile.toAbsolutePath().getParent();
        StudyConfig.Quench quench = StudySettings.quench(c, src);   // checked before any file is read
        if (c.trajectories() == null || c.trajectories().size() < 2) {
            throw new InputFormatException(src, -1, "'trajectories' lists " + (c.trajectories() == null ? 0 : c.trajectories().size())
                    + " temperature(s), expected at least two (the barrier fits need several)");
        }
        double dt = StudySettings.positive(src, "dt", c.dt(), 0.005);
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
        TrajectoryScan first = null;
        Path firstFile = null;
        for (int i = 0; i < k; i++) {
            StudyConfig.Input e = in.get(i);
            String what = "trajectories entry with temperature " + e.temperature();
            ts[i] = StudySettings.positive(src, what, e.temperature(), Double.NaN);
            if (structure.containsKey(ts[i])) throw new InputFormatException(src, -1, "temperature " + ts[i] + " appears twice in 'trajectories'");
            for (double other : structure.keySet()) {
                if (PipelinePreset.label(other).equals(PipelinePreset.label(ts[i]))) {   // the folders of each T are named T%.3f
                    throw new InputFormatException(src, -1, "temperatures " + other + " and " + ts[i] + " share the label "
                            + PipelinePreset.label(ts[i]) + ", expected temperatures at least 0.001 apart");
                }
            }
            Path f = StudySettings.file(src, base, e.file(), what + ": file");
            TrajectoryScan s = TrajectoryScan.of(src, what + ": " + f, f, true);
            if (first == null) {
                first = s;
                firstFile = f;
            } else if (s.n() != first.n() || s.spacing() != first.spacing()) {
                throw new InputFormatException(src, -1, what + ": " + f + " has " + s.n() + " particles and frames " + s.spacing()
                        + " steps apart, but " + firstFile + " (T = " + ts[0] + ") has " + first.n() + " and " + first.spacing()
                        + ": expected one system sampled alike at every temperature");
            }
            steps[i] = (s.frames() - 1) * s.spacing();
            structure.put(ts[i], f);
            if (e.thermal() != null) {
                Path th = StudySettings.file(src, base, e.thermal(), what + ": thermal");
                TrajectoryScan st = TrajectoryScan.of(src, what + ": " + th, th, true);
                if (st.n() != s.n()) {
                    throw new InputFormatException(src, -1, what + ": thermal " + th + " has " + st.n() + " particles, expected " + s.n() + " as its file");
                }
                thermal.put(ts[i], th);
            } else {
                thermal.put(ts[i], f);
            }
        }
        PipelinePreset p = StudySettings.analysis(c, src, name, first.n(), ts, dt, new long[k], steps, first.spacing());
        String model = c.model() == null || c.model().isBlank() ? "unspecified" : c.model();
        return new StudyPlan(p, new StudyInputs(model, configFile.toAbsolutePath(), Manifest.sha256(configFile), structure, thermal,
                first.n() / first.volume(), first.minSide(), quench));
    }
}
