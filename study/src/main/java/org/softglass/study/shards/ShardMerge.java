package org.softglass.study.shards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.ManifestRecord;
import org.softglass.core.softness.SoftnessApply;
import org.softglass.core.softness.SoftnessMerge;
import org.softglass.core.structure.FeatureMerge;
import org.softglass.study.StudyContext;
import org.softglass.study.quench.QuenchStudy;
import org.softglass.study.softness.SoftnessStudy;

/**
 * Joins the shards of a run split into frame blocks (a cluster's job array, or the pipeline's shard items) into the
 * files one run over every frame writes: descriptors ({@link #descriptors}), softness ({@link #softness}) and inherent
 * structures ({@link #quench}). Each checks that the shards are one run's ({@link FrameShards}) before writing anything.
 */
public final class ShardMerge {
    /** Quench manifest parameters that may differ between shards (they do not change a frame's result). */
    private static final List<String> QUENCH_PER_SHARD = List.of("frames", "threads", "frames_in_parallel");

    private ShardMerge() {}

    /** The joined frame count and how many of them did not converge. */
    public record QuenchMerge(int frames, int unconverged) {}

    /**
     * One quench shard: its folder, manifest, is_energy.csv rows (text, as read) and from them U_IS per atom of each row,
     * the summed force evaluations and the count of unconverged frames, and its first and last frame.
     */
    private record QuenchShard(Path dir, ManifestRecord manifest, List<String> rows, double[] uIs, long evals, int unconverged,
                               int firstFrame, int lastFrame) {}

    /** Joins descriptor shards ({@code DescriptorStudy} on frame blocks) into {@code out}; returns the row count. */
    public static long descriptors(List<Path> shards, Path out, StudyContext ctx) throws IOException {
        List<FrameShards.Shard> parts = FrameShards.ordered(shards, shards);
        List<Path> dirs = parts.stream().map(FrameShards.Shard::dir).toList();
        FrameShards.requireOwnOut(dirs, out);
        long rows = FeatureMerge.merge(dirs, out);
        FrameShards.descriptorsManifest(parts, out, rows, ctx.version()).write(out.resolve("descriptors.manifest.json"));
        return rows;
    }

    /**
     * Joins the shards of one softness run on frame blocks ({@code SoftnessStudy} with a {@code FrameRange}) into
     * {@code out}: {@code descriptors/} joined as {@link #descriptors} joins them, softness.npy, rows.npy, softness.json
     * ({@link SoftnessMerge}), frames.csv and softness.png byte for byte a single run's (a row's S depends on its
     * descriptors and the model only). The shards must apply the same model (SHA-256) to frames 0, 1, … of one
     * trajectory without gap or overlap.
     */
    public static SoftnessApply.Summary softness(List<Path> shards, Path out, StudyContext ctx) throws IOException {
        List<Path> descriptorDirs = new ArrayList<>();
        String model = null;
        Path modelFile = null;
        for (Path d : shards) {
            Path man = d.resolve("softness.manifest.json");
            if (!Files.isRegularFile(man) || !Files.isDirectory(d.resolve("descriptors"))) {
                throw InputFormatException.naming(d.toString(), -1, "expected the output folder of a softness run on a block of frames "
                        + "('softglass softness MODEL TRAJ {frames} A:B': softness.manifest.json and descriptors/)");
            }
            ManifestRecord m = Manifest.read(man);
            if (!"softness".equals(m.command()) || m.inputs().isEmpty()) {
                throw new InputFormatException(man.toString(), -1, "not the manifest of 'softglass softness' (with its model as first input)");
            }
            ManifestRecord.Input first = m.inputs().getFirst();   // the model: its path and hash as the shard recorded them
            Object recorded = m.parameters().get("model_sha256");
            String sha = recorded == null ? first.sha256() : String.valueOf(recorded);
            if (model != null && !model.equals(sha)) {
                throw new InputFormatException(d.toString(), -1, "applied another model than " + shards.get(0) + " (the model's SHA-256 differs)");
            }
            model = sha;
            modelFile = Path.of(first.path());
            descriptorDirs.add(d.resolve("descriptors"));
        }
        FrameShards.requireOwnOut(shards, out);
        List<FrameShards.Shard> parts = FrameShards.ordered(descriptorDirs, shards);
        List<Path> order = parts.stream().map(FrameShards.Shard::dir).toList();   // the shard folders, in frame order
        Path features = out.resolve("descriptors");
        long rows = FeatureMerge.merge(order.stream().map(p -> p.resolve("descriptors")).toList(), features);
        FrameShards.descriptorsManifest(parts, features, rows, ctx.version()).write(features.resolve("descriptors.manifest.json"));
        SoftnessApply.Summary sum = SoftnessMerge.merge(order, out, features);
        Manifest man = new Manifest(ctx.version(), "softness").param("model_sha256", model)
                .param("merged_shards", order.stream().map(Path::toString).toList());
        if (Files.isRegularFile(modelFile)) man.input(modelFile, model);
        man.input(features.resolve("features.npy")).input(features.resolve("rows.npy"));
        SoftnessStudy.write(out, sum, man);
        return sum;
    }

    /**
     * Joins the shards of one quench ({@code QuenchStudy} on frame blocks) into {@code outDir}: {@code is.dump} the
     * shards' files concatenated in frame order and {@code is_energy.csv} their rows under one header, byte for byte a
     * single run's (every frame's inherent structure is the one-thread quench of that frame whatever the shard). The
     * shards must come from the same DUMP (SHA-256) with the same minimiser settings and cover consecutive frames from 0
     * without gap or overlap; the manifest's results are recomputed from the joined rows. Frames that did not converge
     * are kept and counted ({@link QuenchMerge#unconverged}).
     */
    public static QuenchMerge quench(List<Path> shards, Path outDir, StudyContext ctx) throws IOException {
        List<QuenchShard> parts = new ArrayList<>();
        for (Path d : shards) {
            Path man = d.resolve("manifest.json"), csv = d.resolve("is_energy.csv");
            if (!Files.isRegularFile(man) || !Files.isRegularFile(csv) || !Files.isRegularFile(d.resolve("is.dump"))) {
                throw new InputFormatException(d.toString(), -1, "expected the output folder of 'softglass quench' (is.dump, is_energy.csv, manifest.json)");
            }
            ManifestRecord m = Manifest.read(man);
            if (!"quench".equals(m.command())) throw new InputFormatException(man.toString(), -1, "not the manifest of 'softglass quench'");
            if (m.inputs().isEmpty()) throw new InputFormatException(man.toString(), -1, "records no input DUMP");
            List<String> rows = new ArrayList<>();
            List<Double> uIs = new ArrayList<>();
            long[] counts = {0, 0};   // force evaluations, unconverged frames
            int[] ends = {-1, -1};
            CsvRows.read(csv, QuenchStudy.CSV_HEADER, (f, line, text) -> {
                int frame = Integer.parseInt(f[0].strip());
                Long.parseLong(f[1].strip());
                double u = Double.parseDouble(f[2].strip());
                long evals = Long.parseLong(f[6].strip());
                if (frame < 0) throw new InputFormatException(csv.toString(), line, "frame " + frame + ", expected >= 0");
                if (!f[7].strip().equals("true") && !f[7].strip().equals("false")) {
                    throw new InputFormatException(csv.toString(), line, "converged is " + InputFormatException.quote(f[7]) + ", expected true or false");
                }
                if (!rows.isEmpty() && frame != ends[1] + 1) {
                    throw new InputFormatException(csv.toString(), line, "frame " + frame + " after " + ends[1] + ", expected consecutive frames");
                }
                if (rows.isEmpty()) ends[0] = frame;
                ends[1] = frame;
                rows.add(text);
                uIs.add(u);
                counts[0] += evals;
                if (!f[7].strip().equals("true")) counts[1]++;
            });
            if (rows.isEmpty()) throw new InputFormatException(csv.toString(), 2, "no frames");
            parts.add(new QuenchShard(d, m, rows, uIs.stream().mapToDouble(Double::doubleValue).toArray(), counts[0], (int) counts[1],
                    ends[0], ends[1]));
        }
        parts.sort(Comparator.comparingInt(QuenchShard::firstFrame));
        QuenchShard ref = parts.get(0);
        for (int i = 0; i < parts.size(); i++) {
            QuenchShard p = parts.get(i);
            if (!p.manifest().firstInputSha256().equals(ref.manifest().firstInputSha256())) {
                throw new InputFormatException(p.dir().toString(), -1, "quenched another DUMP than " + ref.dir() + " (its input's SHA-256 differs)");
            }
            for (String k : ref.manifest().parameters().keySet()) {
                if (!QUENCH_PER_SHARD.contains(k) && !ref.manifest().sameParameter(k, p.manifest())) {
                    throw new InputFormatException(p.dir().toString(), -1, "parameter " + k + " is " + p.manifest().parameterText(k)
                            + " but " + ref.manifest().parameterText(k) + " in " + ref.dir() + ": expected one quench's shards");
                }
            }
            int want = i == 0 ? 0 : parts.get(i - 1).lastFrame() + 1;
            if (i == 0 && p.firstFrame() != 0) {
                throw new InputFormatException(p.dir().toString(), -1, "starts at frame " + p.firstFrame() + ", expected 0 (frames 0.."
                        + (p.firstFrame() - 1) + " are in no shard)");
            }
            if (p.firstFrame() != want) {
                throw new InputFormatException(p.dir().toString(), -1, "starts at frame " + p.firstFrame() + ", expected " + want
                        + (p.firstFrame() < want ? " (it overlaps " + parts.get(i - 1).dir() + ")" : " (frames " + want + ".." + (p.firstFrame() - 1)
                        + " are in no shard)"));
            }
        }
        QuenchShard last = parts.getLast();
        if (!last.manifest().resultFlag("reached_end_of_input")) {
            throw new InputFormatException(last.dir().toString(), -1, "ends at frame " + last.lastFrame() + " but the DUMP has more frames "
                    + "(no shard reached its end): expected the shards of every frame");
        }
        Files.createDirectories(outDir);
        Path isDump = outDir.resolve("is.dump"), csv = outDir.resolve("is_energy.csv");
        AtomicOutput.write(isDump, o -> {
            for (QuenchShard p : parts) Files.copy(p.dir().resolve("is.dump"), o);
        });
        StringBuilder rows = new StringBuilder(QuenchStudy.CSV_HEADER).append('\n');
        int frames = 0, unconverged = 0;
        double sumU = 0;
        long evals = 0;
        for (QuenchShard p : parts) {
            for (String r : p.rows()) rows.append(r).append('\n');
            for (double u : p.uIs()) sumU += u;   // row by row, in frame order
            frames += p.rows().size();
            evals += p.evals();
            unconverged += p.unconverged();
        }
        CsvRows.writeText(csv, rows);
        Manifest m = FrameShards.merged("quench", ref.manifest(), QUENCH_PER_SHARD, parts.stream().map(QuenchShard::dir).toList(), ctx.version());
        m.output(isDump).output(csv).result("frames", frames).result("unconverged_frames", unconverged).result("reached_end_of_input", true)
                .result("mean_u_is_per_atom", sumU / frames).result("force_evaluations", evals).write(outDir.resolve("manifest.json"));
        return new QuenchMerge(frames, unconverged);
    }
}
