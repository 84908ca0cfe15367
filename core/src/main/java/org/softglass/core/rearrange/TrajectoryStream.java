package org.softglass.core.rearrange;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.particles.ParticleStore;

/**
 * A LAMMPS dump read frame by frame (one frame in memory at a time) with the checks that a
 * trajectory analysis needs; each violation is an {@link InputFormatException} with the one-line
 * message {@code FILE: frame K (timestep T): what was found, what was expected}.
 *
 * <ul>
 *   <li><b>Unwrapped positions</b> (unless {@link #requireUnwrapped(boolean)} turns it off): image
 *       flags or unwrapped coordinates are present, so {@code x + ix L} is the true path.</li>
 *   <li><b>Same particles</b>: every frame holds exactly the ids of frame 0 (a missing id, an extra
 *       id or a changed particle count N is an error), each with the type it had in frame 0.</li>
 *   <li><b>Monotonic time</b>: timesteps strictly increase.</li>
 *   <li><b>Uniform spacing</b> (if asked for): every frame is {@link #stepDelta()} timesteps after the
 *       previous one, the spacing of frames 0 and 1. p_hop windows are counted in frames, so a
 *       non-uniform trajectory is refused rather than resampled.</li>
 * </ul>
 * Frame time is {@code timestep × dt} (τ); the dump's optional {@code ITEM: TIME} is not used, so the
 * same dt gives the same times whatever the file holds. Slots are in ascending id order in every
 * frame ({@link TrajectoryReader}), so slot k is the same particle throughout.
 */
public final class TrajectoryStream implements AutoCloseable {
    private final TrajectoryReader reader;
    private final String source;
    private final double dt;
    private final boolean uniform;
    private boolean requireImages = true;
    private long[] ids;
    private int[] types;
    private int index = -1;
    private long firstStep, lastStep, stepDelta;

    private TrajectoryStream(TrajectoryReader reader, String source, double dt, boolean uniform) {
        this.reader = reader;
        this.source = source;
        this.dt = dt;
        this.uniform = uniform;
    }

    /**
     * Opens a dump (plain or gzip).
     *
     * @param dt MD timestep (τ per timestep), finite and &gt; 0
     * @param uniform whether to require uniformly spaced timesteps
     * @throws IllegalArgumentException if dt is not finite and positive
     */
    public static TrajectoryStream open(Path file, double dt, boolean uniform) throws IOException {
        if (!(dt > 0) || !Double.isFinite(dt)) throw new org.softglass.core.util.InvalidParameter("{dt} must be finite and > 0, got " + dt);
        return new TrajectoryStream(TrajectoryReader.open(file), file.getFileName().toString(), dt, uniform);
    }

    /**
     * Whether frames must carry unwrapped positions (image flags {@code ix iy iz} or unwrapped
     * {@code xu yu zu} columns; default true). Displacements (p_hop, D²_min) need them; structure alone
     * does not. Modifies and returns this stream.
     */
    public TrajectoryStream requireUnwrapped(boolean required) {
        this.requireImages = required;
        return this;
    }

    /**
     * Reads and checks the next frame.
     *
     * @return the frame (the caller closes it), or null at the end of the file
     * @throws InputFormatException if the frame breaks one of the rules in the class comment
     */
    public Frame next() throws IOException {
        Frame f = reader.next();
        if (f == null) return null;
        try {
            check(f, index + 1);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
        index++;
        return f;
    }

    private void check(Frame f, int k) {
        ParticleStore p = f.particles();
        int n = p.size();
        long ts = f.timestep();
        if (requireImages && !f.imagesKnown()) {
            throw error(k, ts, "wrapped positions without image flags: expected columns 'ix iy iz' or unwrapped 'xu yu zu', or in GSD "
                    + "particles/image in every frame (HOOMD: hoomd.write.GSD(dynamic=['property', 'momentum'])) "
                    + "(displacements need unwrapped positions)");
        }
        if (k == 0) {
            ids = new long[n];
            types = new int[n];
            for (int i = 0; i < n; i++) { ids[i] = p.id(i); types[i] = p.species(i) + 1; }
            firstStep = lastStep = ts;
            if (n == 0) throw error(k, ts, "no particles, expected at least one");
            return;
        }
        if (ts <= lastStep) {
            throw error(k, ts, "non-monotonic time: timestep " + ts + " after timestep " + lastStep + ", expected increasing timesteps");
        }
        if (k == 1) {
            stepDelta = ts - lastStep;
        } else if (uniform && ts - lastStep != stepDelta) {
            throw error(k, ts, "non-uniform frame spacing: " + (ts - lastStep) + " timesteps since the previous frame, expected "
                    + stepDelta + " (the spacing of frames 0 and 1); p_hop windows need uniformly spaced frames");
        }
        lastStep = ts;
        if (n != ids.length || !sameIds(p)) throw error(k, ts, describeIdMismatch(p));
        for (int i = 0; i < n; i++) {
            if (p.species(i) + 1 != types[i]) {
                throw error(k, ts, "type of id " + ids[i] + " is " + (p.species(i) + 1) + ", expected " + types[i] + " as in frame 0");
            }
        }
    }

    private boolean sameIds(ParticleStore p) {
        for (int i = 0; i < ids.length; i++) if (p.id(i) != ids[i]) return false;
        return true;
    }

    /** Names the first id of frame 0 that is absent and the first id that was not in frame 0 (both lists sorted). */
    private String describeIdMismatch(ParticleStore p) {
        int n = p.size();
        long missing = Long.MIN_VALUE, extra = Long.MIN_VALUE;
        int a = 0, b = 0;
        while ((a < ids.length || b < n) && (missing == Long.MIN_VALUE || extra == Long.MIN_VALUE)) {
            if (b >= n || (a < ids.length && ids[a] < p.id(b))) {
                if (missing == Long.MIN_VALUE) missing = ids[a];
                a++;
            } else if (a >= ids.length || p.id(b) < ids[a]) {
                if (extra == Long.MIN_VALUE) extra = p.id(b);
                b++;
            } else {
                a++;
                b++;
            }
        }
        StringBuilder s = new StringBuilder();
        if (missing != Long.MIN_VALUE) s.append("missing particles: id ").append(missing).append(" of frame 0 is absent");
        if (extra != Long.MIN_VALUE) {
            if (!s.isEmpty()) s.append(", and ");
            s.append("id ").append(extra).append(" was not in frame 0");
        }
        s.append(" (").append(n).append(" particles");
        if (n != ids.length) s.append(": changing N");
        s.append("), expected the ").append(ids.length).append(" particles of frame 0");
        return s.toString();
    }

    /** An error about frame k: {@code FILE: frame k (timestep ts): detail}. */
    public InputFormatException error(int k, long ts, String detail) {
        return new InputFormatException(source, -1, "frame " + k + " (timestep " + ts + "): " + detail);
    }

    /** An error about the whole file: {@code FILE: detail}. */
    public InputFormatException error(String detail) {
        return new InputFormatException(source, -1, detail);
    }

    /** The file name used in messages. */
    public String source() { return source; }
    /** Index (0-based) of the frame last returned by {@link #next()}, −1 before the first. */
    public int frameIndex() { return index; }
    /** Frames returned so far. */
    public int framesRead() { return index + 1; }
    /** Ids of frame 0 in slot (ascending) order; null before the first frame. The array itself. */
    public long[] ids() { return ids; }
    /** LAMMPS types (1-based) of frame 0 in slot order; null before the first frame. The array itself. */
    public int[] types() { return types; }
    /** Particle count N (valid after the first frame). */
    public int size() { return ids == null ? 0 : ids.length; }
    /** MD timestep dt (τ). */
    public double dt() { return dt; }
    /** Timesteps between frames 0 and 1 (valid after the second frame; 0 before). */
    public long stepDelta() { return stepDelta; }
    /** Frame spacing Δ = stepDelta · dt (τ), valid after the second frame. */
    public double frameSpacing() { return stepDelta * dt; }
    /** Timestep of frame 0. */
    public long firstStep() { return firstStep; }
    /** Time of a timestep: {@code timestep · dt} (τ). */
    public double time(long timestep) { return timestep * dt; }

    /**
     * Writes the unwrapped positions {@code x + ix L} (σ) of a frame into {@code xyz} (modified),
     * layout {@code xyz[3 i + a]} for slot i and axis a.
     */
    public static void unwrapped(Frame f, double[] xyz) {
        ParticleStore p = f.particles();
        for (int i = 0, n = p.size(); i < n; i++) {
            for (int a = 0; a < 3; a++) xyz[3 * i + a] = p.unwrapped(i, a, f.box());
        }
    }

    @Override
    public void close() throws IOException { reader.close(); }
}
