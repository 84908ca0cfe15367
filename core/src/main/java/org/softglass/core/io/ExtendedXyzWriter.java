package org.softglass.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * Writes extended XYZ files (as read by ASE, OVITO, QUIP), one frame after another, optionally
 * gzip-compressed. Each frame is
 * <pre>
 * N
 * Lattice="Lx 0 0 0 Ly 0 0 0 Lz" Origin="xlo ylo zlo" Properties=species:S:1:id:I:1:pos:R:3 Timestep=200 Time=1.0 pbc="T T T"
 * A 1 3.8804 1.73914 2.56853
 * ...
 * </pre>
 * Lengths in σ, time in τ ({@code Time} only when the frame's time is known). Species are written as
 * names ({@code A, B, …} by default, or {@link #speciesNames(String...)}), or as LAMMPS type numbers
 * {@code 1, 2, …} with {@link #numericSpecies()}. Optional properties, chosen before the first frame:
 * {@code image:I:3} ({@link #images(boolean)}), {@code velo:R:3} (σ/τ), {@code forces:R:3} (ε/σ),
 * and named extra columns {@code name:R:1}. With {@link #unwrapped(boolean)} the positions written are
 * {@code x + ix L} and the comment carries {@code pos_unwrapped=T}. Reals use
 * {@link Double#toString(double)} (exact round trip). Rows are in slot order.
 *
 * <p>A file target is written atomically, as for {@link LammpsDumpWriter}; the same caveat about
 * try-with-resources applies, and {@link #write(Path, IOConsumer)} is the exception-safe form.
 */
public final class ExtendedXyzWriter implements Abortable {
    private final TextOutput out;
    private final StringBuilder sb = new StringBuilder(256);
    private List<String> names = List.of();
    private boolean numeric, ids = true, unwrapped, images, velocities, forces;
    private List<String> extras = List.of();
    private long frames;

    private ExtendedXyzWriter(TextOutput out) {
        this.out = out;
    }

    /** Opens {@code file} for atomic writing; gzip-compressed if the name ends in {@code .gz}. */
    public static ExtendedXyzWriter open(Path file) throws IOException {
        return new ExtendedXyzWriter(TextOutput.open(file, TextOutput.isGzipName(file)));
    }

    /** Writes to a caller's stream (not atomic); {@link #close()} closes it. */
    public static ExtendedXyzWriter of(OutputStream stream, boolean gzip) throws IOException {
        return new ExtendedXyzWriter(TextOutput.of(stream, gzip));
    }

    /**
     * Writes {@code file} atomically with {@code body} (which may configure the layout, then write
     * frames): the file appears only if the body returns normally.
     */
    public static void write(Path file, IOConsumer<ExtendedXyzWriter> body) throws IOException {
        Abortable.commitIfNormal(open(file), body);
    }

    /** Species names by index (species k → {@code names[k]}); missing ones default to letters. */
    public ExtendedXyzWriter speciesNames(String... names) {
        configurable();
        for (String n : names) {
            if (n.isBlank() || n.chars().anyMatch(Character::isWhitespace)) throw new IllegalArgumentException("bad species name '" + n + "'");
        }
        this.names = List.of(names);
        this.numeric = false;
        return this;
    }

    /** Writes species as LAMMPS type numbers {@code species + 1}. */
    public ExtendedXyzWriter numericSpecies() { configurable(); numeric = true; return this; }
    /** Whether to write the {@code id:I:1} property (default true). */
    public ExtendedXyzWriter ids(boolean on) { configurable(); ids = on; return this; }
    /** Whether positions are written unwrapped (default false: wrapped). */
    public ExtendedXyzWriter unwrapped(boolean on) { configurable(); unwrapped = on; return this; }
    /** Whether to write image counts {@code image:I:3} (default false). */
    public ExtendedXyzWriter images(boolean on) { configurable(); images = on; return this; }
    /** Whether to write velocities {@code velo:R:3} (default false). */
    public ExtendedXyzWriter velocities(boolean on) { configurable(); velocities = on; return this; }
    /** Whether to write forces {@code forces:R:3} (default false). */
    public ExtendedXyzWriter forces(boolean on) { configurable(); forces = on; return this; }
    /** Extra columns to write, each {@code name:R:1}, taken from the frame by name. */
    public ExtendedXyzWriter extras(String... columns) { configurable(); extras = List.of(columns); return this; }

    private void configurable() {
        if (frames > 0) throw new IllegalStateException("layout must be chosen before the first frame");
    }

    /** Default name of species k: A..Z, then S26, S27, …. */
    static String defaultName(int k) {
        return k < 26 ? String.valueOf((char) ('A' + k)) : "S" + k;
    }

    private String speciesToken(int s) {
        if (numeric) return Integer.toString(s + 1);
        return s < names.size() ? names.get(s) : defaultName(s);
    }

    /** Appends a frame. */
    public void write(Frame frame) throws IOException {
        write(frame.timestep(), frame.time(), frame.box(), frame.particles(), frame.extras());
    }

    /**
     * Appends a frame.
     *
     * @param time simulation time in τ, or NaN to omit {@code Time=}
     * @param extraColumns per-atom columns by name, for the names chosen with {@link #extras(String...)}
     */
    public void write(long timestep, double time, Box box, ParticleStore p, Map<String, double[]> extraColumns) throws IOException {
        if (out.isClosed()) throw new IllegalStateException("writer is closed");
        try {
            writeFrame(timestep, time, box, p, extraColumns);
            frames++;
        } catch (IOException | RuntimeException | Error e) {
            out.abort();
            throw e;
        }
    }

    private void writeFrame(long timestep, double time, Box box, ParticleStore p, Map<String, double[]> extraColumns) throws IOException {
        int n = p.size();
        List<double[]> ex = new ArrayList<>();
        for (String e : extras) {
            double[] v = extraColumns.get(e);
            if (v == null) throw new IllegalArgumentException("frame has no extra column '" + e + "'");
            if (v.length != n) throw new IllegalArgumentException("extra column '" + e + "' has " + v.length + " values, expected " + n);
            ex.add(v);
        }
        StringBuilder props = new StringBuilder("species:S:1");
        if (ids) props.append(":id:I:1");
        props.append(":pos:R:3");
        if (images) props.append(":image:I:3");
        if (velocities) props.append(":velo:R:3");
        if (forces) props.append(":forces:R:3");
        for (String e : extras) props.append(':').append(e).append(":R:1");
        Writer w = out.writer;
        w.write(n + "\n");
        w.write("Lattice=\"" + box.lx() + " 0 0 0 " + box.ly() + " 0 0 0 " + box.lz() + "\" Origin=\""
                + box.lo(0) + " " + box.lo(1) + " " + box.lo(2) + "\" Properties=" + props + " Timestep=" + timestep
                + (Double.isNaN(time) ? "" : " Time=" + time) + (unwrapped ? " pos_unwrapped=T" : "") + " pbc=\"T T T\"\n");
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            sb.append(speciesToken(p.species(i)));
            if (ids) sb.append(' ').append(p.id(i));
            for (int a = 0; a < 3; a++) sb.append(' ').append(unwrapped ? p.unwrapped(i, a, box) : p.pos(i, a));
            if (images) for (int a = 0; a < 3; a++) sb.append(' ').append(p.image(i, a));
            if (velocities) for (int a = 0; a < 3; a++) sb.append(' ').append(p.vel(i, a));
            if (forces) for (int a = 0; a < 3; a++) sb.append(' ').append(p.force(i, a));
            for (double[] v : ex) sb.append(' ').append(v[i]);
            sb.append('\n');
            w.append(sb);
        }
    }

    /** Frames written so far. */
    public long framesWritten() { return frames; }

    /** Discards everything written: no file appears. Idempotent. */
    public void abort() { out.abort(); }

    /** Finishes the file and renames it into place (unless aborted). */
    @Override
    public void close() throws IOException { out.close(); }
}
