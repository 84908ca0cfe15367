package org.softglass.cli;

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
 * {@code softglass softness MODEL.json FEATURES_DIR --out DIR}: S = w·z + b for every descriptor row.
 * Writes DIR/softness.npy (float64 (R,), aligned with rows.npy), DIR/rows.npy, DIR/frames.csv
 * (frame,timestep,n,mean_s,std_s), DIR/softness.png (distribution of S) and DIR/softness.manifest.json.
 */
@Command(name = "softness", mixinStandardHelpOptions = true,
        description = {"Apply a softness model to a descriptor directory: S per particle per frame.",
                "Writes DIR/softness.npy, DIR/rows.npy, DIR/frames.csv, DIR/softness.png, DIR/softness.manifest.json."})
final class SoftnessCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL.json", description = "Model from 'softglass train'.")
    Path modelFile;

    @Parameters(index = "1", paramLabel = "FEATURES_DIR", description = "Descriptor directory: features.npy, rows.npy, features.json.")
    Path features;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws Exception {
        SoftnessModel m = SoftnessModel.read(modelFile);
        SoftnessApply.Summary sum = SoftnessApply.apply(m, features, out);
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
        Manifest man = new Manifest(Version.get(), "softness").input(modelFile).input(features.resolve("features.npy")).input(features.resolve("rows.npy"))
                .output(out.resolve("softness.npy")).output(out.resolve("rows.npy")).output(frames)
                .result("rows", sum.rows()).result("mean_s", sum.rows() > 0 ? sum.mean() : null).result("std_s", sum.rows() > 0 ? sum.std() : null);
        if (t.s().length > 0) man.output(png);
        man.write(out.resolve("softness.manifest.json"));
        if (!run.quiet()) System.out.println(sum.rows() + " rows: <S> = " + Csv.fmt(sum.mean()) + ", sigma_S = " + Csv.fmt(sum.std()));
        return ExitCodes.OK;
    }
}
