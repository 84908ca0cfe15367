package org.softglass.study.softness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.NpyDType;
import org.softglass.core.plot.Plot;
import org.softglass.core.softness.SoftnessApply;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.softness.SoftnessTable;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.FrameRange;
import org.softglass.study.StudyContext;
import org.softglass.study.structure.DescriptorStudy;

/**
 * Softness S = w·z + b ({@link SoftnessApply}) of every row of a descriptor directory, or of a trajectory: its
 * descriptors are computed first into {@code DIR/descriptors} (float64, {@link DescriptorStudy}) with the descriptor set
 * the model was trained on (recorded by training) unless another is given; the model's column check guards against a
 * mismatch. Writes {@code DIR/softness.npy} (float64 (R,), aligned with rows.npy), {@code DIR/rows.npy},
 * {@code DIR/softness.json} (the trajectory's SHA-256, carried over from features.json), {@code DIR/frames.csv}
 * ({@code frame,timestep,n,mean_s,std_s}: σ with divisor n), {@code DIR/softness.png} (the distribution of S) and
 * {@code DIR/softness.manifest.json}.
 */
public final class SoftnessStudy {
    private SoftnessStudy() {}

    /**
     * @param model        the model file of training
     * @param input        a descriptor directory (features.npy, rows.npy, features.json), or a trajectory
     * @param descriptors  with a trajectory: the descriptor set, or null for the model's own (its preset and tolerance)
     * @param specFile     the spec file {@code descriptors} was read from (recorded), or null
     * @param centre       with a trajectory: the centre species index, or null for the model's ({@code center_species})
     * @param frames       with a trajectory: the frames computed ({@link FrameRange#ALL} for a descriptor directory)
     */
    public record Request(Path model, Path input, DescriptorSpec descriptors, Path specFile, Integer centre, FrameRange frames) {
        /** The model applied to every frame of {@code input} with the model's own descriptor set and centres. */
        public static Request of(Path model, Path input) { return new Request(model, input, null, null, null, FrameRange.ALL); }

        /** This request on frames {@code range} only. */
        public Request frames(FrameRange range) { return new Request(model, input, descriptors, specFile, centre, range); }
    }

    /** @param summary rows, ⟨S⟩ and σ_S; {@code descriptors}: the descriptor run, or null for a descriptor directory */
    public record Result(SoftnessApply.Summary summary, DescriptorStudy.Result descriptors) {}

    /** Applies the model of {@code req} and writes {@code out}. */
    public static Result run(Request req, Path out, StudyContext ctx) throws IOException {
        SoftnessModel m = SoftnessModel.read(req.model());
        boolean fromTrajectory = Files.isRegularFile(req.input());
        if (!req.frames().isAll() && !fromTrajectory) {
            throw new InvalidParameter("{frames} needs a trajectory as the input (a descriptor directory is applied whole), got " + req.input());
        }
        DescriptorStudy.Result d = fromTrajectory ? descriptorsOf(m, req, out.resolve("descriptors"), ctx) : null;
        Path features = d != null ? d.directory() : req.input();
        SoftnessApply.Summary sum = SoftnessApply.apply(m, features, out);
        String modelSha = Manifest.sha256(req.model());
        Manifest man = new Manifest(ctx.version(), "softness").param("frames", req.frames().toString()).param("model_sha256", modelSha)
                .input(req.model(), modelSha).input(features.resolve("features.npy")).input(features.resolve("rows.npy"));
        write(out, sum, man);
        return new Result(sum, d);
    }

    /**
     * Writes what follows from a softness table in {@code out} (softness.npy, rows.npy, softness.json): frames.csv, the
     * distribution plot softness.png, and the manifest {@code man} (its parameters and inputs set by the caller) with
     * the outputs and the summary's results.
     */
    public static void write(Path out, SoftnessApply.Summary sum, Manifest man) throws IOException {
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
            rows.add(new Object[] {e.getKey(), (long) a[0], (long) a[1], mean, Descriptive.populationStdFromSums(a[1], a[2], a[3])});   // divisor n
        }
        Path frames = out.resolve("frames.csv"), png = out.resolve("softness.png");
        CsvRows.write(frames, "frame,timestep,n,mean_s,std_s", rows);
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

    /** The descriptors of the trajectory with the request's set, else the model's own (preset and tolerance). */
    private static DescriptorStudy.Result descriptorsOf(SoftnessModel m, Request req, Path dir, StudyContext ctx) throws IOException {
        Object set = m.training().get("feature_set");
        Map<?, ?> fs = set instanceof Map<?, ?> mm ? mm : Map.of();
        DescriptorSpec spec = req.descriptors();
        if (spec == null) {
            if (!(fs.get("preset") instanceof String preset)) {
                throw new InvalidParameter(req.model() + " records no descriptor preset (trained on a custom set?): give {preset} or {spec} to apply it to "
                        + req.input());
            }
            spec = DescriptorSpec.preset(preset);
            if (fs.get("tolerance") instanceof Number n) spec = spec.withTolerance(n.doubleValue());
        }
        int centre = req.centre() != null ? req.centre()
                : fs.get("center_species") instanceof String c && !c.equalsIgnoreCase("all") ? DescriptorSpec.speciesIndex(c) : -1;
        if (req.centre() == null && centre < 0 && fs.get("center_species") instanceof String c && !c.equalsIgnoreCase("all")) {
            throw new org.softglass.core.io.InputFormatException(req.model().toString(), -1, "center_species is '" + c + "', expected a letter A..Z or all");
        }
        return DescriptorStudy.run(new DescriptorStudy.Request(req.input(), spec, req.specFile(), centre, NpyDType.FLOAT64, req.frames(),
                DescriptorStudy.BLOCK), dir, ctx);
    }
}
