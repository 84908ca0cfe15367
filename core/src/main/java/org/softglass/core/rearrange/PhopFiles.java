package org.softglass.core.rearrange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.TempFiles;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyReader;
import org.softglass.core.io.NpyWriter;

/**
 * The p_hop files of a directory (file contract §2):
 * <ul>
 *   <li>{@code phop.npy}: float64, shape (F, N); row = frame index of the trajectory, column = particle
 *       (ids ascending); NaN where the window does not fit (first and last h frames).</li>
 *   <li>{@code phop.json}: {@code {"schema":"softglass.phop/1", "tR", "tR_effective" (= 2hΔ), "dt",
 *       "frame_spacing" (Δ, τ), "half_window_frames" (h), "frames" (F), "times":[F] (τ), "timesteps":[F],
 *       "ids":[N], "types":[N], "input"}}.</li>
 * </ul>
 * {@link #writer(Path)} is a {@link PhopSink} that writes both atomically (rows go to a temporary raw
 * file first because F is known only at the end; {@code phop.npy} is assembled from it in
 * {@link PhopSink#finish}); {@link #replay(Path, PhopSink)} reads them back into a sink, row by row.
 */
public final class PhopFiles {
    /** Schema tag of {@code phop.json}. */
    public static final String SCHEMA = "softglass.phop/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PhopFiles() {}

    /** {@code DIR/phop.npy}. */
    public static Path npy(Path dir) { return dir.resolve("phop.npy"); }
    /** {@code DIR/phop.json}. */
    public static Path json(Path dir) { return dir.resolve("phop.json"); }

    /** Whether {@code dir} is a directory holding {@code phop.json}. */
    public static boolean isPhopDir(Path dir) { return Files.isDirectory(dir) && Files.isRegularFile(json(dir)); }

    /**
     * A sink writing {@code phop.npy} and {@code phop.json} into {@code dir} (which must exist). The
     * files appear only when {@link PhopSink#finish} completes; call {@link Writer#abort()} if the run
     * fails.
     */
    public static Writer writer(Path dir) { return new Writer(dir); }

    /** The writing sink; see {@link #writer(Path)}. */
    public static final class Writer implements PhopSink {
        private final Path dir;
        private Path raw;
        private OutputStream rawOut;
        private PhopHeader header;
        private final List<Long> steps = new ArrayList<>();
        private final List<Double> times = new ArrayList<>();
        private ByteBuffer buf;

        private Writer(Path dir) { this.dir = dir; }

        @Override
        public void start(PhopHeader h) throws IOException {
            this.header = h;
            raw = Files.createTempFile(dir, ".phop", ".rows.tmp");
            TempFiles.track(raw);   // deleted if the JVM is shut down (SIGTERM, Ctrl-C) mid-run
            rawOut = new BufferedOutputStream(Files.newOutputStream(raw), 1 << 16);
            buf = ByteBuffer.allocate(8 * h.size()).order(ByteOrder.LITTLE_ENDIAN);
        }

        @Override
        public void row(int frame, long timestep, double time, double[] phop) throws IOException {
            if (frame != steps.size()) throw new IllegalStateException("row " + frame + " out of order, expected " + steps.size());
            buf.clear();
            for (double v : phop) buf.putDouble(v);
            rawOut.write(buf.array(), 0, buf.position());
            steps.add(timestep);
            times.add(time);
        }

        @Override
        public void finish(int frames) throws IOException {
            rawOut.close();
            int n = header.size();
            double[] row = new double[n];
            try (NpyWriter w = NpyWriter.open(npy(dir), NpyDType.FLOAT64, frames, n);
                 DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(raw), 1 << 16))) {
                byte[] bytes = new byte[8 * n];
                ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                for (int f = 0; f < frames; f++) {
                    in.readFully(bytes);
                    bb.clear();
                    for (int i = 0; i < n; i++) row[i] = bb.getDouble();
                    w.writeRow(row);
                }
            }
            Files.deleteIfExists(raw);
            TempFiles.untrack(raw);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("schema", SCHEMA);
            m.put("tR", header.tR());
            m.put("tR_effective", header.effectiveTR());
            m.put("dt", header.dt());
            m.put("frame_spacing", header.frameSpacing());
            m.put("half_window_frames", header.halfWindow());
            m.put("frames", frames);
            m.put("times", times);
            m.put("timesteps", steps);
            m.put("ids", header.ids());
            m.put("types", header.types());
            m.put("input", header.source());
            AtomicOutput.write(json(dir), out -> out.write(JSON.writeValueAsBytes(m)));
        }

        /** Deletes the temporary rows; nothing is left behind. Never throws. */
        public void abort() {
            try {
                if (rawOut != null) rawOut.close();
            } catch (IOException ignored) {
                // closing a file we are about to delete
            }
            try {
                if (raw != null) {
                    Files.deleteIfExists(raw);
                    TempFiles.untrack(raw);
                }
            } catch (IOException ignored) {
                // best effort: a hidden .tmp file may remain
            }
        }
    }

    /**
     * Reads {@code dir/phop.json} and {@code dir/phop.npy} and feeds them to {@code sink} as a
     * {@link PhopRun} would.
     *
     * @return the header and the frames' timesteps and times
     * @throws InputFormatException if the files are inconsistent (schema, shapes, lengths)
     */
    public static PhopRun.Result replay(Path dir, PhopSink sink) throws IOException {
        Path jp = json(dir);
        String src = jp.toString();
        JsonNode j;
        try {
            j = JSON.readTree(jp.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new InputFormatException(src, -1, "not valid JSON: " + e.getOriginalMessage());
        }
        if (!SCHEMA.equals(j.path("schema").asText())) {
            throw new InputFormatException(src, -1, "expected \"schema\": \"" + SCHEMA + "\", found " + j.path("schema"));
        }
        long[] ids = longs(j, "ids", src);
        long[] typesL = longs(j, "types", src);
        long[] steps = longs(j, "timesteps", src);
        double[] times = doubles(j, "times", src);
        int n = ids.length, frames = steps.length;
        if (typesL.length != n) throw new InputFormatException(src, -1, "\"types\" has " + typesL.length + " entries, expected " + n + " (as \"ids\")");
        if (times.length != frames) throw new InputFormatException(src, -1, "\"times\" has " + times.length + " entries, expected " + frames + " (as \"timesteps\")");
        int[] types = new int[n];
        for (int i = 0; i < n; i++) types[i] = (int) typesL[i];
        PhopHeader header = new PhopHeader(j.path("input").asText(dir.toString()), ids, types, number(j, "tR", src), number(j, "dt", src),
                number(j, "frame_spacing", src), (int) number(j, "half_window_frames", src));
        try (NpyReader r = NpyReader.open(npy(dir))) {
            long[] shape = r.shape();
            if (shape.length != 2 || shape[0] != frames || shape[1] != n) {
                throw new InputFormatException(npy(dir).toString(), -1, "shape " + java.util.Arrays.toString(shape)
                        + ", expected [" + frames + ", " + n + "] (frames, particles) as in phop.json");
            }
            sink.start(header);
            double[] row = new double[n];
            for (int f = 0; f < frames; f++) {
                r.readRow(row);
                sink.row(f, steps[f], times[f], row);
            }
            sink.finish(frames);
        }
        return new PhopRun.Result(header, frames, steps, times);
    }

    /**
     * The whole p_hop matrix of a directory in memory.
     *
     * @param header the columns (ids, types) and window
     * @param times  the F frame times (τ)
     * @param values p_hop (σ²), F × N row-major ({@code values[f·N + i]}), NaN where undefined
     */
    public record Matrix(PhopHeader header, double[] times, double[] values) {
        /** Number of frames F. */
        public int frames() { return times.length; }
    }

    /**
     * Reads {@code dir/phop.json} and {@code dir/phop.npy} into memory (8·F·N bytes).
     *
     * @throws InputFormatException as {@link #replay}
     */
    public static Matrix read(Path dir) throws IOException {
        List<double[]> rows = new ArrayList<>();
        PhopRun.Result r = replay(dir, new PhopSink() {
            @Override public void start(PhopHeader h) {}
            @Override public void row(int frame, long timestep, double time, double[] phop) { rows.add(phop.clone()); }
            @Override public void finish(int frames) {}
        });
        int n = r.header().size();
        if ((long) r.frames() * n > Integer.MAX_VALUE - 8) {
            throw new InputFormatException(npy(dir).toString(), -1, r.frames() + " x " + n + " values, expected at most 2^31 - 9 to hold in memory");
        }
        double[] v = new double[r.frames() * n];
        for (int f = 0; f < rows.size(); f++) System.arraycopy(rows.get(f), 0, v, f * n, n);
        return new Matrix(r.header(), r.times(), v);
    }

    private static long[] longs(JsonNode j, String key, String src) {
        JsonNode a = j.get(key);
        if (a == null || !a.isArray()) throw new InputFormatException(src, -1, "missing array \"" + key + "\"");
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) {
            if (!a.get(i).isIntegralNumber()) throw new InputFormatException(src, -1, "\"" + key + "\"[" + i + "] is " + a.get(i) + ", expected an integer");
            v[i] = a.get(i).asLong();
        }
        return v;
    }

    private static double[] doubles(JsonNode j, String key, String src) {
        JsonNode a = j.get(key);
        if (a == null || !a.isArray()) throw new InputFormatException(src, -1, "missing array \"" + key + "\"");
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            if (!a.get(i).isNumber()) throw new InputFormatException(src, -1, "\"" + key + "\"[" + i + "] is " + a.get(i) + ", expected a number");
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    private static double number(JsonNode j, String key, String src) {
        JsonNode v = j.get(key);
        if (v == null || !v.isNumber()) throw new InputFormatException(src, -1, "missing number \"" + key + "\"");
        return v.asDouble();
    }
}
