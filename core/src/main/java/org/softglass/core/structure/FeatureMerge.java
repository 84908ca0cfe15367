package org.softglass.core.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyReader;
import org.softglass.core.io.NpyWriter;

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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
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
        List<JsonNode> sides = new java.util.ArrayList<>();
        for (Path d : shards) sides.add(sidecar(d));
        JsonNode first = sides.get(0);
        long total = 0;
        for (int s = 0; s < shards.size(); s++) {
            Path d = shards.get(s);
            JsonNode j = sides.get(s);
            for (Iterator<Map.Entry<String, JsonNode>> it = first.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!PER_SHARD.contains(e.getKey()) && !e.getValue().equals(j.path(e.getKey()))) {
                    throw new InputFormatException(d.resolve("features.json").toString(), -1, "\"" + e.getKey() + "\" is " + j.path(e.getKey())
                            + " but " + e.getValue() + " in " + shards.get(0) + ": expected the shards of one descriptors run");
                }
            }
            total += j.path("rows").asLong();
        }
        if (total == 0) {
            throw new InputFormatException(shards.get(0).toString(), -1, "no rows in any shard (no particle of species "
                    + first.path("center_species").asText() + " in any frame), expected at least one");
        }
        String dtype = first.path("dtype").asText();
        NpyDType type = "f4".equals(dtype) ? NpyDType.FLOAT32 : NpyDType.FLOAT64;
        int m = first.path("columns").size();
        FeatureStats stats = new FeatureStats(m);
        Files.createDirectories(out);
        try (NpyWriter features = NpyWriter.open(out.resolve("features.npy"), type, total, m);
             NpyWriter rows = NpyWriter.open(out.resolve("rows.npy"), NpyDType.INT64, total, 3)) {
            try {
                double[] x = new double[m];
                float[] f = new float[m];
                long[] r = new long[3];
                long lastFrame = -1;
                for (int s = 0; s < shards.size(); s++) {
                    Path fn = shards.get(s).resolve("features.npy"), rn = shards.get(s).resolve("rows.npy");
                    try (NpyReader fr = NpyReader.open(fn); NpyReader rr = NpyReader.open(rn)) {
                        long n = sides.get(s).path("rows").asLong();
                        if (fr.shape().length != 2 || fr.shape()[0] != n || fr.shape()[1] != m || fr.dtype() != type) {
                            throw new InputFormatException(fn.toString(), -1, fr.dtype().descr() + " shape " + java.util.Arrays.toString(fr.shape())
                                    + ", expected " + type.descr() + " (" + n + ", " + m + ") as its features.json says");
                        }
                        if (rr.shape().length != 2 || rr.shape()[0] != n || rr.shape()[1] != 3 || rr.dtype() != NpyDType.INT64) {
                            throw new InputFormatException(rn.toString(), -1, rr.dtype().descr() + " shape " + java.util.Arrays.toString(rr.shape())
                                    + ", expected <i8 (" + n + ", 3)");
                        }
                        for (long i = 0; i < n; i++) {
                            rr.readRow(r);
                            if (i == 0 && r[0] <= lastFrame) {
                                throw new InputFormatException(rn.toString(), -1, "starts at frame " + r[0] + ", expected a frame after " + lastFrame
                                        + " (the last of the shard before it): shards overlap or are out of order");
                            } else if (i > 0 && r[0] < lastFrame) {
                                throw new InputFormatException(rn.toString(), -1, "row " + i + " is of frame " + r[0] + " after frame " + lastFrame + ", expected frame-major rows");
                            }
                            lastFrame = r[0];
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
        ObjectNode side = first.deepCopy();
        putArray(side.putArray("mean"), stats.mean());
        putArray(side.putArray("std"), stats.std());
        side.put("rows", total);
        AtomicOutput.write(out.resolve("features.json"), o -> o.write(JSON.writeValueAsBytes(side)));
        return total;
    }

    private static JsonNode sidecar(Path dir) throws IOException {
        Path f = dir.resolve("features.json");
        if (!Files.isRegularFile(f)) throw new InputFormatException(dir.toString(), -1, "no features.json: expected a descriptor directory");
        JsonNode j;
        try {
            j = JSON.readTree(f.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputFormatException(f.toString(), -1, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (j == null || !FeatureFiles.SCHEMA.equals(j.path("schema").asText()) || !j.path("rows").isIntegralNumber() || !j.path("columns").isArray()) {
            throw new InputFormatException(f.toString(), -1, "expected a " + FeatureFiles.SCHEMA + " sidecar with \"rows\" and \"columns\"");
        }
        return j;
    }

    private static void putArray(ArrayNode a, double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) a.add(x); else a.addNull();
        }
    }
}
