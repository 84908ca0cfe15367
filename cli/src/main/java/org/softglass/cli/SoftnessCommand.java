package org.softglass.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import org.softglass.core.softness.SoftnessApply;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.softness.SoftnessTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass softness MODEL.json FEATURES_DIR|TRAJ --out DIR}: S = w·z + b for every descriptor row.
 * Given a LAMMPS dump instead of a descriptor directory, the descriptors are computed first into
 * {@code DIR/descriptors} (float64) with the model's own descriptor preset (recorded by {@code train}),
 * or {@code --preset}/{@code --spec}; the model's column check then guards against a mismatch.
 * Writes DIR/softness.npy (float64 (R,), aligned with rows.npy), DIR/rows.npy, DIR/softness.json (the trajectory's
 * SHA-256, carried over from the descriptors' features.json: see {@link SoftnessApply}), DIR/frames.csv
 * (frame,timestep,n,mean_s,std_s), DIR/softness.png (distribution of S) and DIR/softness.manifest.json.
 */
@Command(name = "softness", mixinStandardHelpOptions = true,
        description = {"Apply a softness model to a descriptor directory, or to a trajectory (descriptors computed first): S per particle per frame.",
                "Writes DIR/softness.npy, DIR/rows.npy, DIR/frames.csv, DIR/softness.png, DIR/softness.manifest.json."})
final class SoftnessCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL.json", description = "Model from 'softglass train'.")
    Path modelFile;

    @Parameters(index = "1", paramLabel = "FEATURES_DIR|TRAJ", description = "Descriptor directory (features.npy, rows.npy, features.json), or a trajectory: " + Formats.TRAJECTORY + ".")
    Path features;

    @Option(names = "--preset", paramLabel = "NAME", description = "With a trajectory: descriptor preset (default: the one the model was trained on).")
    String preset;

    @Option(names = "--spec", paramLabel = "FILE.json", description = "With a trajectory: custom descriptor spec file.")
    Path spec;

    @Option(names = "--species", paramLabel = "A|B|all", description = "With a trajectory: centre particles (default: those the model was trained on).")
    String species;

    @Option(names = "--frames", defaultValue = "all", paramLabel = "A:B",
            description = "With a trajectory: only frames A..B-1 (0-based), keeping their indices: a shard, joined with 'softglass softness-merge' "
                    + "into the files one run over all frames writes (default: ${DEFAULT-VALUE}).")
    String frames = "all";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws Exception {
        SoftnessModel m = SoftnessModel.read(modelFile);
        if (!FrameSelection.parseRange(frames).isAll() && !java.nio.file.Files.isRegularFile(features)) {
            throw new IllegalArgumentException("--frames needs a trajectory as FEATURES_DIR|TRAJ (a descriptor directory is applied whole), got " + features);
        }
        if (java.nio.file.Files.isRegularFile(features)) features = descriptorsOf(m, features);
        SoftnessApply.Summary sum = SoftnessApply.apply(m, features, out);
        String modelSha = Manifest.sha256(modelFile);
        Manifest man = new Manifest(Version.get(), "softness").param("frames", frames).param("model_sha256", modelSha).input(modelFile, modelSha)
                .input(features.resolve("features.npy")).input(features.resolve("rows.npy"));
        write(out, sum, man);
        if (!run.quiet()) System.out.println(sum.rows() + " rows: <S> = " + Csv.fmt(sum.mean()) + ", sigma_S = " + Csv.fmt(sum.std()));
        return ExitCodes.OK;
    }

    /**
     * Writes what follows from a softness table in {@code out} (softness.npy, rows.npy, softness.json): frames.csv, the
     * distribution plot softness.png, and the manifest {@code man} (its parameters and inputs set by the caller) with
     * the outputs and the summary's results.
     */
    static void write(Path out, SoftnessApply.Summary sum, Manifest man) throws IOException {
        SoftnessTable t = SoftnessTable.read(out);
        TreeMap<Long, double[]> perFrame = new TreeMap<>();   // frame -> {timestep, n, Σs, Σs²}
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.s().length; i++) {
            double[] a = perFrame.computeIfAbsent(t.rows()[i][0], k -> new double[4]);
            a[0] = t.rows()[i][1]; a[1]++; a[2] += t.s()[i]; a[3] += t.s()[i] * t.s()[i];
            lo = Math.min(lo, t.s()[i]); hi = Math.max(hi, t.s()[i]);
        }
        List<Object[]> rows = new ArrayList<>();
        for (var e : perFrame.entrySet()) {
            double[] a = e.getValue();
            double mean = a[2] / a[1];
            rows.add(new Object[] {e.getKey(), (long) a[0], (long) a[1], mean, Math.sqrt(Math.max(0, a[3] / a[1] - mean * mean))});
        }
        Path frames = out.resolve("frames.csv"), png = out.resolve("softness.png");
        Csv.write(frames, "frame,timestep,n,mean_s,std_s", rows);
        int nb = 50;
        double w = (hi - lo) / nb + 1e-12;
        double[] x = new double[nb], h = new double[nb];
        for (int k = 0; k < nb; k++) x[k] = lo + (k + 0.5) * w;
        for (double s : t.s()) h[Math.min(nb - 1, (int) ((s - lo) / w))] += 1.0 / (t.s().length * w);
        if (t.s().length > 0) Plot.xy("Softness distribution", "S", "P(S)").line("P(S)", x, h).save(png);
        man.output(out.resolve("softness.npy")).output(out.resolve("rows.npy")).output(out.resolve(SoftnessTable.SIDECAR)).output(frames)
                .trajectory(SoftnessTable.trajectory(out))
                .result("rows", sum.rows()).result("mean_s", sum.rows() > 0 ? sum.mean() : null).result("std_s", sum.rows() > 0 ? sum.std() : null);
        if (t.s().length > 0) man.output(png);
        man.write(out.resolve("softness.manifest.json"));
    }

    /** Computes the descriptors of a trajectory into DIR/descriptors with the model's descriptor set; returns that directory. */
    private Path descriptorsOf(SoftnessModel m, Path traj) throws IOException {
        if (preset != null && spec != null) throw new IllegalArgumentException("give --preset or --spec, not both");
        Object set = m.training().get("feature_set");
        java.util.Map<?, ?> fs = set instanceof java.util.Map<?, ?> mm ? mm : java.util.Map.of();
        DescriptorsCommand d = new DescriptorsCommand();
        d.traj = traj;
        d.choice = new DescriptorsCommand.SpecChoice();
        d.choice.spec = spec;
        d.choice.preset = spec != null ? null : preset != null ? preset : (String) fs.get("preset");
        if (d.choice.preset == null && d.choice.spec == null) {
            throw new IllegalArgumentException(modelFile + " records no descriptor preset (trained on a custom set?): give --preset or --spec to apply it to " + traj);
        }
        d.tolerance = spec == null && preset == null && fs.get("tolerance") instanceof Number n ? n.doubleValue() : null;
        d.species = species != null ? species : fs.get("center_species") instanceof String c ? c : "all";
        d.dtype = "f8";
        d.frames = frames;
        d.out = out.resolve("descriptors");
        d.run = run;
        d.call();
        return d.out;
    }
}
