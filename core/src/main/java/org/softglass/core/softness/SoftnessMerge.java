package org.softglass.core.softness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyReader;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.io.ShardRows;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.stats.Descriptive;

/**
 * Joins softness directories ({@link SoftnessTable}) of consecutive blocks of frames of one trajectory — the shards of
 * {@code softglass softness MODEL TRAJ --frames A:B} — into the {@code softness.npy}, {@code rows.npy} and
 * {@code softness.json} one run over all frames writes, byte for byte: the rows in shard order under one header, and
 * the sidecar of the first shard with the joined row count and the joined descriptor directory. S of a row depends on
 * that row's descriptors and the model only, so a shard's values are the single run's. The shards must record the same
 * trajectory (SHA-256); frame indices must increase from shard to shard. Memory: one row at a time.
 */
public final class SoftnessMerge {
    private SoftnessMerge() {}

    /**
     * Joins {@code shards} (in frame order) into {@code out}.
     *
     * @param features the joined descriptor directory, recorded in softness.json as the single run records its own
     * @return the joined row count and the mean and standard deviation of S, summed in row order as
     *     {@link SoftnessApply#apply} sums them
     * @throws InputFormatException naming the shard and what disagrees
     */
    public static SoftnessApply.Summary merge(List<Path> shards, Path out, Path features) throws IOException {
        if (shards.isEmpty()) throw new IllegalArgumentException("no shards to merge");
        TrajectoryRef ref = SoftnessTable.trajectory(shards.get(0));
        long total = 0;
        for (Path d : shards) {
            ref.requireSameAs(SoftnessTable.trajectory(d), d.toString(), "softness", shards.get(0).toString(), "softness");
            total += length(d.resolve("softness.npy"));
        }
        Files.createDirectories(out);
        double sum = 0, sum2 = 0;
        try (NpyWriter s = NpyWriter.open(out.resolve("softness.npy"), NpyDType.FLOAT64, total);
             NpyWriter rows = NpyWriter.open(out.resolve("rows.npy"), NpyDType.INT64, total, 3)) {
            try {
                double[] v = new double[1];
                long[] r = new long[3];
                ShardRows order = new ShardRows();
                for (Path d : shards) {
                    Path sn = d.resolve("softness.npy"), rn = d.resolve("rows.npy");
                    try (NpyReader sr = NpyReader.open(sn); NpyReader rr = NpyReader.open(rn)) {
                        long n = sr.shape()[0];
                        ShardRows.requireShape(rr, rn, n, ", one row per value of softness.npy");
                        for (long i = 0; i < n; i++) {
                            order.read(rr, rn, i, r);
                            rows.writeRow(r);
                            sr.readRow(v);
                            s.writeRow(v);
                            sum += v[0];
                            sum2 += v[0] * v[0];
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                s.abort();
                rows.abort();
                throw e;
            }
        }
        SoftnessTable.Sidecar side = sidecar(shards.get(0));
        new SoftnessTable.Sidecar(side.schema(), total, features.toString(), side.trajectory()).write(out);
        double mean = total == 0 ? Double.NaN : sum / total;
        return new SoftnessApply.Summary(total, mean, Descriptive.populationStdFromSums(total, sum, sum2));   // σ_S with divisor n
    }

    private static long length(Path npy) throws IOException {
        try (NpyReader r = NpyReader.open(npy)) {
            if (r.shape().length != 1 || r.dtype() != NpyDType.FLOAT64) {
                throw new InputFormatException(npy.toString(), -1, r.dtype().descr() + " shape " + java.util.Arrays.toString(r.shape()) + ", expected <f8 (R,)");
            }
            return r.shape()[0];
        }
    }

    private static SoftnessTable.Sidecar sidecar(Path dir) throws IOException {
        SoftnessTable.Sidecar j = SoftnessTable.Sidecar.read(dir);
        if (!SoftnessTable.SCHEMA.equals(j.schema())) {
            throw new InputFormatException(dir.resolve(SoftnessTable.SIDECAR).toString(), -1, "expected a " + SoftnessTable.SCHEMA + " sidecar");
        }
        return j;
    }
}
