package org.softglass.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * Streaming reader of LAMMPS text dumps ({@code dump custom} / {@code dump atom}), plain or gzip
 * (detected from the magic bytes, so the extension does not matter). One frame is held at a time.
 *
 * <p>Each frame is
 * <pre>
 * [ITEM: UNITS / one line]          optional
 * [ITEM: TIME / time in τ]          optional
 * ITEM: TIMESTEP
 * 39800
 * ITEM: NUMBER OF ATOMS
 * 1000
 * ITEM: BOX BOUNDS pp pp pp
 * xlo xhi
 * ylo yhi
 * zlo zhi
 * ITEM: ATOMS id type x y z ...
 * N rows, one per atom, columns as named in the ATOMS header, in any order
 * </pre>
 * Only orthorhombic fully periodic boxes ({@code pp pp pp}) are supported; triclinic boxes
 * ({@code xy xz yz}) and other boundary styles are rejected with a clear error. Lengths are in σ.
 *
 * <p>Columns: {@code id} is required; {@code type} (LAMMPS types 1, 2, … become species 0, 1, …)
 * defaults to species 0 when absent. One complete coordinate triplet is required; the first
 * present of {@code x y z}, {@code xs ys zs}, {@code xu yu zu}, {@code xsu ysu zsu} is used (see
 * {@link CoordinateKind}). For wrapped or scaled coordinates the image counts come from
 * {@code ix iy iz} if present, else are derived from unwrapped columns if present
 * ({@code ix = rint((xu - x)/L)}), else are 0 ({@link Frame#imagesKnown()} false). Positions are then
 * wrapped into the box (LAMMPS lets atoms stray slightly outside between re-neighbourings) with
 * image counts adjusted so unwrapped positions are unchanged. {@code vx vy vz} and {@code fx fy fz}
 * go into the store when all three are present. Every other column, including unused coordinate
 * columns, is kept as a named extra column ({@link Frame#extra(String)}). All values must be numeric.
 *
 * <p>Particles are sorted by id within each frame; a duplicate id is an error. Every malformed
 * input raises an {@link InputFormatException} whose message names the file and line.
 */
public final class LammpsDumpReader implements TrajectoryReader, Iterable<Frame> {
    private static final String[][] COORDS = {
        {"x", "y", "z"}, {"xs", "ys", "zs"}, {"xu", "yu", "zu"}, {"xsu", "ysu", "zsu"}};
    private static final CoordinateKind[] KINDS = {
        CoordinateKind.WRAPPED, CoordinateKind.SCALED, CoordinateKind.UNWRAPPED, CoordinateKind.SCALED_UNWRAPPED};

    /** Slots first allocated for a frame whose count could not be checked exactly (gzip, a stream). */
    static final int FIRST_CAPACITY = 1 << 16;

    private final TextInput in;
    private long framesRead;
    private int[] starts = new int[16], ends = new int[16];
    /** Scratch of {@link #readRow}: box origin and lengths (σ), the row's position. */
    private final double[] lo = new double[3], len = new double[3], p = new double[3];

    /** Reads from a stream (plain or gzip); {@code sourceName} appears in error messages. */
    public LammpsDumpReader(InputStream in, String sourceName) throws IOException {
        this.in = new TextInput(in, sourceName);
    }

    private LammpsDumpReader(TextInput in) {
        this.in = in;
    }

    /** Opens a dump file, plain or gzip. */
    public static LammpsDumpReader open(Path file) throws IOException {
        return new LammpsDumpReader(TextInput.open(file));
    }

    /** Reads the first frame of a file (for single-frame dumps such as a forces frame). */
    public static Frame readFirst(Path file) throws IOException {
        try (LammpsDumpReader r = open(file)) {
            Frame f = r.next();
            if (f == null) throw new InputFormatException(r.in.source, 1, "expected 'ITEM: TIMESTEP', found end of file");
            return f;
        }
    }

    /** Number of frames returned so far. */
    public long framesRead() { return framesRead; }

    /**
     * Reads the next frame.
     *
     * @return the frame (the caller owns and closes it), or null at end of input
     * @throws InputFormatException if the frame is malformed
     * @throws IOException on a read error
     */
    public Frame next() throws IOException {
        String line = in.readNonBlankLine();
        if (line == null) return null;
        double time = Double.NaN;
        while (true) {
            String item = line.strip();
            if (item.equals("ITEM: UNITS")) {
                requireLine("the units after 'ITEM: UNITS'");
            } else if (item.equals("ITEM: TIME")) {
                String t = requireLine("the time after 'ITEM: TIME'");
                time = parseSingleDouble(t, "the time");
            } else {
                break;
            }
            line = requireLine("'ITEM: TIMESTEP'");
        }
        expectItem(line, "ITEM: TIMESTEP");
        long timestep = parseSingleLong(requireLine("the timestep after 'ITEM: TIMESTEP'"), "the timestep");
        expectItem(requireLine("'ITEM: NUMBER OF ATOMS'"), "ITEM: NUMBER OF ATOMS");
        long nl = parseSingleLong(requireLine("the atom count after 'ITEM: NUMBER OF ATOMS'"), "the atom count");
        if (nl < 0 || nl > Integer.MAX_VALUE - 8) throw in.error("expected an atom count in [0, 2^31), found " + nl);
        int n = (int) nl;
        long nLine = in.lineNo();
        Box box = readBox();
        String header = requireLine("'ITEM: ATOMS ...'");
        if (!header.startsWith("ITEM: ATOMS")) {
            throw in.error("expected 'ITEM: ATOMS <columns>', found '" + TextInput.abbreviate(header) + "'");
        }
        long headerLine = in.lineNo();
        // split as the rows are tokenised (TextInput.tokenize: every char <= ' ' separates)
        Columns c = planColumns(header.substring("ITEM: ATOMS".length()).trim().split("[\\x00-\\x20]+"), headerLine);
        in.checkRowCount(n, c.names.length, ParticleStore.BYTES_PER_PARTICLE + 8L * c.extraCols.length, nLine);
        Frame frame = readRows(c, n, nLine, headerLine, timestep, time, box);
        framesRead++;
        return frame;
    }

    /**
     * Reads the N atom rows into a new store. The count was checked against the text's length; when
     * that length is only a bound (gzip, a stream) the store starts at {@link #FIRST_CAPACITY} slots
     * and doubles as rows arrive, so a false count costs no more memory than the rows present.
     */
    private Frame readRows(Columns c, int n, long nLine, long headerLine,
                           long timestep, double time, Box box) throws IOException {
        int nc = c.names.length;
        if (starts.length < nc + 1) {
            starts = new int[nc + 1];
            ends = new int[nc + 1];
        }
        for (int a = 0; a < 3; a++) {
            lo[a] = box.lo(a);
            len[a] = box.length(a);
        }
        int cap = in.exactLength ? n : Math.min(n, FIRST_CAPACITY);
        ParticleStore store = ParticleStore.allocate(cap);
        try {
            double[][] extra = new double[c.extraCols.length][cap];
            for (int i = 0; i < n; i++) {
                if (i == cap) {
                    cap = (int) Math.min(n, 2L * cap);
                    store = store.grow(cap, i);
                    for (int e = 0; e < extra.length; e++) extra[e] = java.util.Arrays.copyOf(extra[e], cap);
                }
                readRow(store, extra, c, i, n, nLine);
            }
            return finishFrame(store, extra, c, n, nLine, headerLine, timestep, time, box);
        } catch (RuntimeException | IOException e) {
            store.close();
            throw e;
        }
    }

    /** Reads atom row i into slot i of the store and the extras. Modifies both. */
    private void readRow(ParticleStore store, double[][] extra, Columns c, int i, int n, long nLine)
            throws IOException {
        int nc = c.names.length;
        String line = in.readLine();
        if (line == null) {
            throw in.error(in.lineNo() + 1, "unexpected end of file: expected " + n
                    + " atom rows (NUMBER OF ATOMS at line " + nLine + "), found " + i);
        }
        int k = TextInput.tokenize(line, starts, ends);
        if (k != nc) {
            if (line.startsWith("ITEM:")) {
                throw in.error("expected " + n + " atom rows (NUMBER OF ATOMS at line " + nLine + "), found "
                        + i + " before '" + TextInput.abbreviate(line) + "'");
            }
            throw in.error("expected " + nc + " columns (" + String.join(" ", c.names) + "), found " + k);
        }
        store.setId(i, in.parseLong(line, starts[c.id], ends[c.id], "column 'id'"));
        if (c.type >= 0) {
            long t = in.parseLong(line, starts[c.type], ends[c.type], "column 'type'");
            if (t < 1 || t > Integer.MAX_VALUE) {
                throw in.error("expected a positive integer atom type in column 'type', found " + t);
            }
            store.setSpecies(i, (int) (t - 1));
        }
        for (int a = 0; a < 3; a++) {
            int col = c.pos[a];
            double v = in.parseDouble(line, starts[col], ends[col], "column '" + c.names[col] + "'");
            if (!Double.isFinite(v)) throw in.error("expected a finite coordinate in column '" + c.names[col] + "', found " + v);
            p[a] = c.scaled ? lo[a] + v * len[a] : v;
            in.requireNearBox(p[a], lo[a], len[a], "coordinate", c.names[col]);
        }
        store.setPosition(i, p[0], p[1], p[2]);
        for (int a = 0; a < 3; a++) {
            int image = 0;
            if (c.img != null) {
                long m = in.parseLong(line, starts[c.img[a]], ends[c.img[a]], "column '" + c.names[c.img[a]] + "'");
                if (m < Integer.MIN_VALUE || m > Integer.MAX_VALUE) throw in.error("image flag out of int range: " + m);
                image = (int) m;
            } else if (c.derive != null) {
                int col = c.derive[a];
                double u = in.parseDouble(line, starts[col], ends[col], "column '" + c.names[col] + "'");
                if (!Double.isFinite(u)) throw in.error("expected a finite coordinate in column '" + c.names[col] + "', found " + u);
                if (c.deriveScaled) u = lo[a] + u * len[a];
                in.requireNearBox(u, lo[a], len[a], "coordinate", c.names[col]);
                image = (int) Math.rint((u - p[a]) / len[a]);
            }
            store.setImage(i, a, image);
        }
        if (c.vel != null) {
            store.setVelocity(i, finiteNum(line, c, c.vel[0]), finiteNum(line, c, c.vel[1]), finiteNum(line, c, c.vel[2]));
        }
        if (c.force != null) {
            store.setForce(i, finiteNum(line, c, c.force[0]), finiteNum(line, c, c.force[1]), finiteNum(line, c, c.force[2]));
        }
        for (int e = 0; e < extra.length; e++) extra[e][i] = num(line, c, c.extraCols[e]);
    }

    /** Checks what follows the rows, wraps, builds the frame and sorts it by id. */
    private Frame finishFrame(ParticleStore store, double[][] extra, Columns c, int n, long nLine, long headerLine,
                              long timestep, double time, Box box) throws IOException {
        String after = in.readNonBlankLine();
        if (after != null) {
            if (!after.startsWith("ITEM:")) {
                throw in.error("expected 'ITEM: TIMESTEP' or end of file after " + n
                        + " atom rows (NUMBER OF ATOMS at line " + nLine + "), found another row");
            }
            in.unread(after);
        }
        store.wrapInto(box);
        Frame frame = new Frame(timestep, time, box, store, c.kind, c.img != null || c.derive != null || c.unwrapped,
                c.vel != null, c.force != null);
        for (int e = 0; e < extra.length; e++) frame.putExtra(c.names[c.extraCols[e]], extra[e]);
        int[] dup = frame.sortById();
        if (dup != null) {
            throw in.error(headerLine + 1 + dup[1], "duplicate atom id " + store.id(dup[1])
                    + " (first on line " + (headerLine + 1 + dup[0]) + "), expected unique ids");
        }
        return frame;
    }

    /** A number that must be finite (velocities, forces). */
    private double finiteNum(String line, Columns c, int col) {
        double v = num(line, c, col);
        if (!Double.isFinite(v)) throw in.error("expected a finite number in column '" + c.names[col] + "', found " + v);
        return v;
    }

    private double num(String line, Columns c, int col) {
        return in.parseDouble(line, starts[col], ends[col], "column '" + c.names[col] + "'");
    }

    /** Column roles, decided once per ATOMS header. */
    private static final class Columns {
        String[] names;
        int id = -1, type = -1;
        int[] pos, img, derive, vel, force, extraCols;
        boolean scaled, deriveScaled, unwrapped;
        CoordinateKind kind;
    }

    private Columns planColumns(String[] names, long line) {
        Columns c = new Columns();
        c.names = names;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i].isEmpty()) continue;
            Integer prev = index.put(names[i], i);
            if (prev != null) throw in.error(line, "duplicate column '" + names[i] + "' in ATOMS header, expected unique names");
        }
        Integer id = index.get("id");
        if (id == null) throw in.error(line, "missing column 'id' in '" + header(names) + "', expected an id column");
        c.id = id;
        c.type = index.getOrDefault("type", -1);
        int chosen = -1;
        for (int k = 0; k < COORDS.length && chosen < 0; k++) {
            if (triplet(index, COORDS[k]) != null) chosen = k;
        }
        if (chosen < 0) {
            throw in.error(line, "missing coordinate columns in '" + header(names)
                    + "', expected one of 'x y z', 'xs ys zs', 'xu yu zu', 'xsu ysu zsu'");
        }
        c.kind = KINDS[chosen];
        c.pos = triplet(index, COORDS[chosen]);
        c.scaled = chosen == 1 || chosen == 3;
        c.unwrapped = chosen >= 2;
        if (!c.unwrapped) {
            c.img = triplet(index, new String[] {"ix", "iy", "iz"});
            if (c.img == null) {
                int[] u = triplet(index, COORDS[2]);
                c.derive = u != null ? u : triplet(index, COORDS[3]);
                c.deriveScaled = u == null;
            }
        }
        c.vel = triplet(index, new String[] {"vx", "vy", "vz"});
        c.force = triplet(index, new String[] {"fx", "fy", "fz"});
        boolean[] used = new boolean[names.length];
        used[c.id] = true;
        if (c.type >= 0) used[c.type] = true;
        for (int[] t : new int[][] {c.pos, c.vel, c.force, triplet(index, new String[] {"ix", "iy", "iz"})}) {
            if (t != null) for (int v : t) used[v] = true;
        }
        List<Integer> extra = new ArrayList<>();
        for (int i = 0; i < names.length; i++) if (!used[i]) extra.add(i);
        c.extraCols = extra.stream().mapToInt(Integer::intValue).toArray();
        return c;
    }

    private static int[] triplet(Map<String, Integer> index, String[] names) {
        Integer a = index.get(names[0]), b = index.get(names[1]), d = index.get(names[2]);
        return a != null && b != null && d != null ? new int[] {a, b, d} : null;
    }

    private static String header(String[] names) {
        return TextInput.abbreviate("ITEM: ATOMS " + String.join(" ", names));
    }

    private Box readBox() throws IOException {
        String line = requireLine("'ITEM: BOX BOUNDS pp pp pp'");
        if (!line.startsWith("ITEM: BOX BOUNDS")) {
            throw in.error("expected 'ITEM: BOX BOUNDS pp pp pp', found '" + TextInput.abbreviate(line) + "'");
        }
        String[] flags = line.substring("ITEM: BOX BOUNDS".length()).strip().split("\\s+");
        for (String f : flags) {
            if (f.equals("xy") || f.equals("xz") || f.equals("yz") || f.equals("abc") || f.equals("origin")) {
                throw in.error("triclinic box ('" + TextInput.abbreviate(line) + "') is not supported, expected an orthorhombic 'pp pp pp' box");
            }
        }
        if (!(flags.length == 1 && flags[0].isEmpty())) {
            if (flags.length != 3) throw in.error("expected 3 boundary flags 'pp pp pp', found '" + TextInput.abbreviate(line) + "'");
            for (String f : flags) {
                if (!f.equals("pp")) {
                    throw in.error("non-periodic boundary '" + InputFormatException.quote(f) + "' is not supported, expected 'pp pp pp'");
                }
            }
        }
        double[] b = new double[6];
        for (int a = 0; a < 3; a++) {
            String l = requireLine("the " + Box.axisName(a) + " bounds 'lo hi'");
            int k = TextInput.tokenize(l, starts, ends);
            if (k != 2) {
                throw in.error(k == 3 ? "expected 2 box bounds 'lo hi', found 3 values (triclinic tilt factors are not supported)"
                        : "expected 2 box bounds '" + Box.axisName(a) + "lo " + Box.axisName(a) + "hi', found " + k + " values");
            }
            b[2 * a] = in.parseDouble(l, starts[0], ends[0], Box.axisName(a) + "lo");
            b[2 * a + 1] = in.parseDouble(l, starts[1], ends[1], Box.axisName(a) + "hi");
            if (!(b[2 * a + 1] > b[2 * a]) || !Double.isFinite(b[2 * a]) || !Double.isFinite(b[2 * a + 1])
                    || !Double.isFinite(b[2 * a + 1] - b[2 * a])) {
                throw in.error("expected finite box bounds with lo < hi, found " + b[2 * a] + " " + b[2 * a + 1]);
            }
        }
        return Box.fromBounds(b[0], b[1], b[2], b[3], b[4], b[5]);
    }

    private String requireLine(String expected) throws IOException {
        String line = in.readLine();
        if (line == null) throw in.error(in.lineNo() + 1, "unexpected end of file, expected " + expected);
        return line;
    }

    private void expectItem(String line, String item) {
        if (!line.strip().equals(item)) {
            throw in.error("expected '" + item + "', found '" + TextInput.abbreviate(line) + "'");
        }
    }

    /** Parses a line holding exactly one integer. */
    private long parseSingleLong(String line, String what) {
        int k = TextInput.tokenize(line, starts, ends);
        if (k != 1) throw in.error("expected one value for " + what + ", found " + k + " values");
        return in.parseLong(line, starts[0], ends[0], what);
    }

    /** Parses a line holding exactly one number. */
    private double parseSingleDouble(String line, String what) {
        int k = TextInput.tokenize(line, starts, ends);
        if (k != 1) throw in.error("expected one value for " + what + ", found " + k + " values");
        return in.parseDouble(line, starts[0], ends[0], what);
    }

    /**
     * A single-use iterator over the remaining frames. {@link IOException}s are rethrown as
     * {@link UncheckedIOException}; the caller closes each frame.
     */
    @Override
    public Iterator<Frame> iterator() {
        return new Iterator<>() {
            private Frame nextFrame;
            private boolean fetched;

            @Override public boolean hasNext() {
                if (!fetched) {
                    try {
                        nextFrame = LammpsDumpReader.this.next();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    fetched = true;
                }
                return nextFrame != null;
            }

            @Override public Frame next() {
                if (!hasNext()) throw new NoSuchElementException();
                fetched = false;
                return nextFrame;
            }
        };
    }

    @Override
    public void close() throws IOException { in.close(); }
}
