package org.softglass.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * Writes LAMMPS text dumps ({@code dump custom} layout, see {@link LammpsDumpReader}) with a chosen
 * column set, one frame after another into one file, optionally gzip-compressed.
 *
 * <p>Known columns: {@code id}, {@code type} (species + 1), {@code x y z} (wrapped, σ),
 * {@code xu yu zu} (unwrapped, {@code x + ix L}), {@code xs ys zs} and {@code xsu ysu zsu} (scaled by
 * the box), {@code ix iy iz} (image counts), {@code vx vy vz} (σ/τ), {@code fx fy fz} (ε/σ). Any
 * other name is taken from the frame's extra columns ({@link Frame#extra(String)}). Real numbers are
 * written with {@link Double#toString(double)}, the shortest decimal that reads back to the same
 * double, so a write/read round trip is exact for stored values. Boxes are written as
 * {@code ITEM: BOX BOUNDS pp pp pp}. Rows are written in slot order.
 *
 * <p>A file target is written atomically ({@link AtomicOutput}): {@link #close()} renames the
 * finished file into place; if a {@code write} call fails or {@link #abort()} is called nothing
 * appears. Note that try-with-resources closes (and so commits) before its {@code catch} runs: if
 * your own code may fail between frames, use {@link #write(Path, List, IOConsumer)}, which commits
 * only when the body returns normally, or call {@link #abort()} inside the try block.
 */
public final class LammpsDumpWriter implements Abortable {
    /** {@code id type x y z}: wrapped positions. */
    public static final List<String> WRAPPED = List.of("id", "type", "x", "y", "z");
    /** {@code id type x y z ix iy iz}: wrapped positions and image flags. */
    public static final List<String> WRAPPED_IMAGES = List.of("id", "type", "x", "y", "z", "ix", "iy", "iz");
    /** {@code id type xu yu zu}: unwrapped positions. */
    public static final List<String> UNWRAPPED = List.of("id", "type", "xu", "yu", "zu");
    /** {@code id type x y z fx fy fz}: wrapped positions and forces. */
    public static final List<String> FORCES = List.of("id", "type", "x", "y", "z", "fx", "fy", "fz");

    private static final Set<String> KNOWN = Set.of("id", "type", "x", "y", "z", "xu", "yu", "zu", "xs", "ys", "zs",
            "xsu", "ysu", "zsu", "ix", "iy", "iz", "vx", "vy", "vz", "fx", "fy", "fz");

    private final TextOutput out;
    private final List<String> columns;
    private final String header;
    private final StringBuilder sb = new StringBuilder(256);
    private long frames;

    private LammpsDumpWriter(TextOutput out, List<String> columns) {
        this.out = out;
        this.columns = columns;
        this.header = "ITEM: ATOMS " + String.join(" ", columns) + "\n";
    }

    /** Opens {@code file} for atomic writing; gzip-compressed if the name ends in {@code .gz}. */
    public static LammpsDumpWriter open(Path file, List<String> columns) throws IOException {
        return open(file, columns, TextOutput.isGzipName(file));
    }

    /** Opens {@code file} for atomic writing, gzip-compressed if {@code gzip}. */
    public static LammpsDumpWriter open(Path file, List<String> columns, boolean gzip) throws IOException {
        List<String> cols = checkColumns(columns);
        return new LammpsDumpWriter(TextOutput.open(file, gzip), cols);
    }

    /** Writes to a caller's stream (not atomic); {@link #close()} closes the stream. */
    public static LammpsDumpWriter of(OutputStream stream, List<String> columns, boolean gzip) throws IOException {
        List<String> cols = checkColumns(columns);
        return new LammpsDumpWriter(TextOutput.of(stream, gzip), cols);
    }

    /**
     * Writes {@code file} atomically with {@code body}: the file appears only if the body returns
     * normally; if it throws, nothing is written and the exception propagates.
     */
    public static void write(Path file, List<String> columns, IOConsumer<LammpsDumpWriter> body) throws IOException {
        Abortable.commitIfNormal(open(file, columns), body);
    }

    private static List<String> checkColumns(List<String> columns) {
        List<String> cols = List.copyOf(columns);
        if (cols.isEmpty()) throw new IllegalArgumentException("need at least one column");
        Set<String> seen = new HashSet<>();
        for (String c : cols) {
            if (c.isBlank() || c.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("bad column name '" + c + "'");
            }
            if (!seen.add(c)) throw new IllegalArgumentException("duplicate column '" + c + "'");
        }
        return cols;
    }

    /** The column names written in each ATOMS header. */
    public List<String> columns() { return columns; }

    /**
     * Flushes buffered text to the underlying stream (not a gzip member boundary): after it the
     * stream's length covers every frame written, which a resumable run records in its checkpoint.
     */
    public void flush() throws IOException { out.writer.flush(); }

    /** Frames written so far. */
    public long framesWritten() { return frames; }

    /** Appends a frame (timestep, box, particles in slot order, extra columns by name). */
    public void write(Frame frame) throws IOException {
        write(frame.timestep(), frame.box(), frame.particles(), frame.extras());
    }

    /**
     * Appends a frame.
     *
     * @param extras per-atom extra columns by name (each of length N), used for non-standard columns
     * @throws IllegalArgumentException if a column is neither known nor in {@code extras}; the output
     *     is then aborted
     */
    public void write(long timestep, Box box, ParticleStore p, Map<String, double[]> extras) throws IOException {
        if (out.isClosed()) throw new IllegalStateException("writer is closed");
        try {
            writeFrame(timestep, box, p, extras);
            frames++;
        } catch (IOException | RuntimeException | Error e) {
            out.abort();
            throw e;
        }
    }

    private void writeFrame(long timestep, Box box, ParticleStore p, Map<String, double[]> extras) throws IOException {
        int n = p.size(), nc = columns.size();
        double[][] extraCols = new double[nc][];
        for (int k = 0; k < nc; k++) {
            String c = columns.get(k);
            if (KNOWN.contains(c)) continue;
            double[] v = extras.get(c);
            if (v == null) throw new IllegalArgumentException("no values for column '" + c + "': not a known column and not an extra column of the frame");
            if (v.length != n) throw new IllegalArgumentException("extra column '" + c + "' has " + v.length + " values, expected " + n);
            extraCols[k] = v;
        }
        Writer w = out.writer;
        w.write("ITEM: TIMESTEP\n" + timestep + "\nITEM: NUMBER OF ATOMS\n" + n + "\nITEM: BOX BOUNDS pp pp pp\n");
        for (int a = 0; a < 3; a++) w.write(box.lo(a) + " " + box.hi(a) + "\n");
        w.write(header);
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            for (int k = 0; k < nc; k++) {
                if (k > 0) sb.append(' ');
                if (extraCols[k] != null) sb.append(extraCols[k][i]);
                else appendKnown(columns.get(k), box, p, i);
            }
            sb.append('\n');
            w.append(sb);
        }
    }

    private void appendKnown(String c, Box box, ParticleStore p, int i) {
        switch (c) {
            case "id" -> sb.append(p.id(i));
            case "type" -> sb.append(p.species(i) + 1);
            case "x" -> sb.append(p.pos(i, 0));
            case "y" -> sb.append(p.pos(i, 1));
            case "z" -> sb.append(p.pos(i, 2));
            case "xu" -> sb.append(p.unwrapped(i, 0, box));
            case "yu" -> sb.append(p.unwrapped(i, 1, box));
            case "zu" -> sb.append(p.unwrapped(i, 2, box));
            case "xs" -> sb.append((p.pos(i, 0) - box.lo(0)) / box.lx());
            case "ys" -> sb.append((p.pos(i, 1) - box.lo(1)) / box.ly());
            case "zs" -> sb.append((p.pos(i, 2) - box.lo(2)) / box.lz());
            case "xsu" -> sb.append((p.unwrapped(i, 0, box) - box.lo(0)) / box.lx());
            case "ysu" -> sb.append((p.unwrapped(i, 1, box) - box.lo(1)) / box.ly());
            case "zsu" -> sb.append((p.unwrapped(i, 2, box) - box.lo(2)) / box.lz());
            case "ix" -> sb.append(p.image(i, 0));
            case "iy" -> sb.append(p.image(i, 1));
            case "iz" -> sb.append(p.image(i, 2));
            case "vx" -> sb.append(p.vel(i, 0));
            case "vy" -> sb.append(p.vel(i, 1));
            case "vz" -> sb.append(p.vel(i, 2));
            case "fx" -> sb.append(p.force(i, 0));
            case "fy" -> sb.append(p.force(i, 1));
            case "fz" -> sb.append(p.force(i, 2));
            default -> throw new IllegalStateException("unhandled column " + c);
        }
    }

    /** Discards everything written: no file appears. Idempotent. */
    public void abort() { out.abort(); }

    /** Finishes the file and renames it into place (unless aborted). */
    @Override
    public void close() throws IOException { out.close(); }
}
