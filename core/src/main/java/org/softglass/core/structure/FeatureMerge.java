package org.softglass.core.structure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyReader;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.io.ShardRows;

/**
 * Joins descriptor directories ({@link FeatureFiles}) of consecutive blocks of frames of one trajectory — the shards of
 * {@code softglass descriptors --frames A:B} — into the directory one run over all frames writes, byte for byte:
 * {@code features.npy} and {@code rows.npy} are the shards' rows in order under one header, and the per-feature mean
 * and std of {@code features.json} are recomputed by streaming the joined rows through {@link FeatureStats} in that
 * order (Welford's update row by row, as the single run adds them, so the values are the same doubles; f4 values are
 * read back exactly). Every other field of features.json (preset, rmax, tolerance, columns, dtype, centre species,
 * trajectory and its SHA-256) must be equal in every shard, and frame indices must increase from shard to shard. Which
 * frames the shards cover (no gap, none missing at the end) is the caller's check: a frame without selected particles
 * has no rows. Memory: one row. Files are written atomically.
 */
public final class FeatureMerge {
    /** features.json fields that differ from shard to shard (recomputed here). */
    private static final List<String> PER_SHARD = List.of("mean", "std", "rows");

    private FeatureMerge() {}

    /**
     * Joins {@code shards} (in frame order) into {@code out}.
     *
     * @param shards descriptor directories, the first frames first
     * @param out the joined directory (created if missing; not one of the shards)
     * @return the joined row count
     * @throws InputFormatException naming the shard and the field or row that disagrees
     */
    public static long merge(List<Path> shards, Path out) throws IOException {
        if (shards.isEmpty()) throw new IllegalArgumentException("no shards to merge");
        List<FeatureSidecar> sides = new java.util.ArrayList<>();
        for (Path d : shards) sides.add(sidecar(d));
        FeatureSidecar first = sides.get(0);
        Map<String, Object> run = first.runFields();
        long total = 0;
        for (int s = 0; s < shards.size(); s++) {
            Path d = shards.get(s);
            FeatureSidecar j = sides.get(s);
            Map<String, Object> mine = j.runFields();
            for (Map.Entry<String, Object> e : run.entrySet()) {
                Object v = mine.get(e.getKey());
                if (!java.util.Objects.equals(e.getValue(), v)) {
                    throw new InputFormatException(d.resolve("features.json").toString(), -1, "\"" + e.getKey() + "\" is " + JsonFile.text(v)
                            + " but " + JsonFile.text(e.getValue()) + " in " + shards.get(0) + ": expected the shards of one descriptors run");
                }
            }
            total += j.rows();
        }
        if (total == 0) {
            throw new InputFormatException(shards.get(0).toString(), -1, "no rows in any shard (no particle of species "
                    + first.centerSpecies() + " in any frame), expected at least one");
        }
        NpyDType type = "f4".equals(first.dtype()) ? NpyDType.FLOAT32 : NpyDType.FLOAT64;
        int m = first.columns().size();
        FeatureStats stats = new FeatureStats(m);
        Files.createDirectories(out);
        try (NpyWriter features = NpyWriter.open(out.resolve("features.npy"), type, total, m);
             NpyWriter rows = NpyWriter.open(out.resolve("rows.npy"), NpyDType.INT64, total, 3)) {
            try {
                double[] x = new double[m];
                float[] f = new float[m];
                long[] r = new long[3];
                ShardRows order = new ShardRows();
                for (int s = 0; s < shards.size(); s++) {
                    Path fn = shards.get(s).resolve("features.npy"), rn = shards.get(s).resolve("rows.npy");
                    try (NpyReader fr = NpyReader.open(fn); NpyReader rr = NpyReader.open(rn)) {
                        long n = sides.get(s).rows();
                        if (fr.shape().length != 2 || fr.shape()[0] != n || fr.shape()[1] != m || fr.dtype() != type) {
                            throw new InputFormatException(fn.toString(), -1, fr.dtype().descr() + " shape " + java.util.Arrays.toString(fr.shape())
                                    + ", expected " + type.descr() + " (" + n + ", " + m + ") as its features.json says");
                        }
                        ShardRows.requireShape(rr, rn, n, "");
                        for (long i = 0; i < n; i++) {
                            long before = order.lastFrame();
                            order.read(rr, rn, i, r);
                            if (i > 0 && r[0] < before) {
                                throw new InputFormatException(rn.toString(), -1, "row " + i + " is of frame " + r[0] + " after frame " + before + ", expected frame-major rows");
                            }
                            rows.writeRow(r);
                            fr.readRow(x);
                            if (type == NpyDType.FLOAT32) {
                                for (int c = 0; c < m; c++) f[c] = (float) x[c];
                                features.writeRow(f);
                                stats.add(f, 0);
                            } else {
                                features.writeRow(x);
                                stats.add(x, 0);
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                features.abort();
                rows.abort();
                throw e;
            }
        }
        first.withStatistics(stats.mean(), stats.std(), total).write(out.resolve("features.json"));
        return total;
    }

    private static FeatureSidecar sidecar(Path dir) throws IOException {
        Path f = dir.resolve("features.json");
        if (!Files.isRegularFile(f)) throw new InputFormatException(dir.toString(), -1, "no features.json: expected a descriptor directory");
        FeatureSidecar j = FeatureSidecar.read(f);
        if (!FeatureFiles.SCHEMA.equals(j.schema()) || j.rows() == null || j.columns() == null) {
            throw new InputFormatException(f.toString(), -1, "expected a " + FeatureFiles.SCHEMA + " sidecar with \"rows\" and \"columns\"");
        }
        return j;
    }
}
