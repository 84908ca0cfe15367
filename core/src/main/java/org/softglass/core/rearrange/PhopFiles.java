package org.softglass.core.rearrange;

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
import java.util.List;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.TempFiles;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyReader;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.io.TrajectoryRef;

/**
 * The p_hop files of a directory (file contract §2):
 * <ul>
 *   <li>{@code phop.npy}: float64, shape (F, N); row = frame index of the trajectory, column = particle
 *       (ids ascending); NaN where the window does not fit (first and last h frames).</li>
 *   <li>{@code phop.json}: {@link PhopSummary} {@code {"schema":"softglass.phop/1", "tR", "tR_effective" (= 2hΔ), "dt",
 *       "frame_spacing" (Δ, τ), "half_window_frames" (h), "frames" (F), "times":[F] (τ), "timesteps":[F],
 *       "ids":[N], "types":[N], "input", "trajectory": {"file", "sha256"}}} ({@link TrajectoryRef}: the
 *       trajectory p_hop was computed from).</li>
 * </ul>
 * A consumer that uses p_hop with a trajectory, or with another product of one, checks the recorded
 * SHA-256 ({@link #requireFrom}, {@link #trajectory}); a phop.json without the record is refused there
 * with a message to recompute it.
 * {@link #writer(Path)} is a {@link PhopSink} that writes both atomically (rows go to a temporary raw
 * file first because F is known only at the end; {@code phop.npy} is assembled from it in
 * {@link PhopSink#finish}); {@link #replay(Path, PhopSink)} reads them back into a sink, row by row.
 */
public final class PhopFiles {
    /** Schema tag of {@code phop.json}. */
    public static final String SCHEMA = "softglass.phop/1";

    private PhopFiles() {}

    /** {@code DIR/phop.npy}. */
    public static Path npy(Path dir) { return dir.resolve("phop.npy"); }
    /** {@code DIR/phop.json}. */
    public static Path json(Path dir) { return dir.resolve("phop.json"); }

    /** What to do with a p_hop directory that records no trajectory. */
    public static final String RECOMPUTE = "recompute it with 'softglass phop'";

    /**
     * The trajectory a p_hop directory was computed from, as recorded in its phop.json.
     *
     * @throws InputFormatException if phop.json is missing, not JSON, or holds no trajectory record
     */
    public static TrajectoryRef trajectory(Path dir) throws IOException {
        return TrajectoryRef.read(json(dir), RECOMPUTE);
    }

    /**
     * Refuses a p_hop directory used with a trajectory it was not computed from (SHA-256 of the file,
     * see {@link TrajectoryRef}): {@code DIR/phop.json: p_hop was computed from a.dump (sha256 …), not from b.dump (sha256 …)}.
     *
     * @throws InputFormatException on a mismatch or a phop.json without the record
     */
    public static void requireFrom(Path dir, TrajectoryRef actual) throws IOException {
        trajectory(dir).requireTrajectory(actual, json(dir).toString(), "p_hop");
    }

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
            long[] ts = new long[steps.size()], types = new long[header.size()];
            double[] tm = new double[times.size()];
            for (int f = 0; f < ts.length; f++) { ts[f] = steps.get(f); tm[f] = times.get(f); }
            for (int i = 0; i < types.length; i++) types[i] = header.types()[i];
            JsonFile.write(json(dir), new PhopSummary(SCHEMA, header.tR(), header.effectiveTR(), header.dt(), header.frameSpacing(),
                    header.halfWindow(), (long) frames, tm, ts, header.ids(), types, header.source(),
                    header.trajectory() == null ? null : header.trajectory().stored()));
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
        PhopSummary j = PhopSummary.read(jp);
        long[] ids = j.ids(), steps = j.timesteps();
        double[] times = j.times();
        int n = ids.length, frames = steps.length;
        int[] types = new int[n];
        for (int i = 0; i < n; i++) types[i] = (int) j.types()[i];
        if (j.tR() == null) throw PhopSummary.missing(src, "tR", "a number");
        if (j.frameSpacing() == null) throw PhopSummary.missing(src, "frame_spacing", "a number");
        if (j.halfWindowFrames() == null) throw PhopSummary.missing(src, "half_window_frames", "a number");
        double dt = j.dt(), tR = j.tR(), spacing = j.frameSpacing();
        double hd = j.halfWindowFrames().doubleValue();
        if (!(tR > 0) || !Double.isFinite(tR)) throw new InputFormatException(src, -1, "\"tR\" is " + tR + ", expected a finite window > 0");
        if (hd != Math.rint(hd) || hd < 1 || 2 * hd + 1 > frames) {
            throw new InputFormatException(src, -1, "\"half_window_frames\" is " + j.halfWindowFrames() + ", expected an integer h >= 1 with 2h + 1 <= "
                    + frames + " frames");
        }
        if (Math.abs(spacing - (steps[1] - steps[0]) * dt) > 1e-9 * Math.abs(spacing)) {
            throw new InputFormatException(src, -1, "\"frame_spacing\" is " + spacing + ", expected " + (steps[1] - steps[0]) * dt
                    + " (timestep spacing " + (steps[1] - steps[0]) + " x dt " + dt + ")");
        }
        PhopHeader header = new PhopHeader(j.input() != null ? j.input() : dir.toString(), ids, types, tR, dt, spacing, (int) hd,
                j.trajectory() != null ? TrajectoryRef.read(j.trajectory(), src, RECOMPUTE) : null);
        try (NpyReader r = NpyReader.open(npy(dir))) {
            if (r.dtype() != NpyDType.FLOAT64) {
                throw new InputFormatException(npy(dir).toString(), -1, "dtype " + r.dtype().descr() + ", expected <f8 (float64 p_hop)");
            }
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
     * Checks the per-frame and per-particle fields of a phop.json against each other and against what
     * a p_hop run writes (the one check for every reader, {@link PhopSummary#read}): ids strictly ascending (the column order of
     * phop.npy), types &ge; 1, as many types as ids, timesteps strictly increasing and uniformly spaced (p_hop
     * windows are counted in frames), dt finite and &gt; 0, and each time equal to timestep &times; dt.
     *
     * @param src the file, for messages
     * @throws InputFormatException naming the first field that is off
     */
    public static void checkHeader(String src, long[] ids, long[] types, long[] steps, double[] times, double dt) {
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) {
                throw new InputFormatException(src, -1, "\"ids\" is not strictly ascending at index " + i + " (" + ids[i - 1] + ", " + ids[i]
                        + "), expected ascending ids (the column order of phop.npy)");
            }
        }
        if (types.length != ids.length) throw new InputFormatException(src, -1, "\"types\" has " + types.length + " entries, expected " + ids.length + " (as \"ids\")");
        for (int i = 0; i < types.length; i++) {
            if (types[i] < 1 || types[i] > Integer.MAX_VALUE) throw new InputFormatException(src, -1, "\"types\"[" + i + "] is " + types[i] + ", expected a LAMMPS type >= 1");
        }
        if (!(dt > 0) || !Double.isFinite(dt)) throw new InputFormatException(src, -1, "\"dt\" is " + dt + ", expected a finite timestep > 0");
        if (times.length != steps.length) throw new InputFormatException(src, -1, "\"times\" has " + times.length + " entries, expected " + steps.length + " (as \"timesteps\")");
        if (steps.length < 2) throw new InputFormatException(src, -1, "\"timesteps\" has " + steps.length + " entries, expected at least 2 frames");
        long d = steps[1] - steps[0];
        for (int f = 0; f < steps.length; f++) {
            if (f > 0 && (steps[f] - steps[f - 1] != d || d <= 0)) {
                throw new InputFormatException(src, -1, "\"timesteps\"[" + f + "] is " + steps[f] + " after " + steps[f - 1]
                        + ", expected increasing timesteps " + d + " apart (uniformly spaced frames)");
            }
            double t = steps[f] * dt;
            if (!(Math.abs(times[f] - t) <= 1e-9 * Math.abs(t) + 1e-12)) {
                throw new InputFormatException(src, -1, "\"times\"[" + f + "] is " + times[f] + ", expected timestep x dt = " + steps[f] + " x " + dt + " = " + t);
            }
        }
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
}
