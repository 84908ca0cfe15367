package org.softglass.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * Streaming reader of extended XYZ files (layout in {@link ExtendedXyzWriter}), plain or gzip,
 * multi-frame, one frame held at a time.
 *
 * <p>The comment line is a list of {@code key=value} pairs (values may be double-quoted).
 * {@code Lattice} is required and must be diagonal (orthorhombic, periodic); {@code Origin} gives
 * the lower corner (default 0). {@code Properties} (default {@code species:S:1:pos:R:3}) names the
 * columns as {@code name:type:count} with types {@code S} (string), {@code R} (real), {@code I}
 * (integer), {@code L} (logical T/F). Recognised: {@code pos:R:3} (required, σ), {@code species:S:1}
 * or {@code type:I:1}, {@code id:I:1} (default 1..N in file order), {@code image:I:3},
 * {@code velo:R:3} (σ/τ), {@code forces:R:3} (ε/σ); other numeric properties become extra columns
 * ({@code name} for count 1, {@code name_0, name_1, …} otherwise); other string properties are
 * skipped. {@code Timestep} (or {@code step}) and {@code Time} (τ) are read when present.
 *
 * <p>Species: a numeric token is a LAMMPS type number ({@code 1} → species 0); a name is looked up in
 * {@link #speciesNames()} (initially {@code A, B, …, Z}, or as given), and an unknown name is
 * appended there, so it keeps its index for the rest of the file. Positions are wrapped into the
 * box; image counts come from {@code image} if present, or from the positions themselves if the
 * comment says {@code pos_unwrapped=T}. Particles are sorted by id; duplicates and every other
 * malformation raise an {@link InputFormatException} with file and line.
 */
public final class ExtendedXyzReader implements TrajectoryReader {
    private final TextInput in;
    private final List<String> speciesNames;
    private int[] starts = new int[32], ends = new int[32];

    private ExtendedXyzReader(TextInput in, List<String> speciesNames) {
        this.in = in;
        this.speciesNames = new ArrayList<>(speciesNames);
    }

    /** Opens a file with the default species names {@code A..Z}. */
    public static ExtendedXyzReader open(Path file) throws IOException {
        return open(file, defaultNames());
    }

    /** Opens a file; species name k of {@code speciesNames} is species k. */
    public static ExtendedXyzReader open(Path file, List<String> speciesNames) throws IOException {
        return new ExtendedXyzReader(TextInput.open(file), speciesNames);
    }

    /** Reads from a stream (plain or gzip); {@code sourceName} appears in error messages. */
    public ExtendedXyzReader(InputStream in, String sourceName) throws IOException {
        this(new TextInput(in, sourceName), defaultNames());
    }

    private static List<String> defaultNames() {
        List<String> l = new ArrayList<>();
        for (int k = 0; k < 26; k++) l.add(ExtendedXyzWriter.defaultName(k));
        return l;
    }

    /** The species names so far: index = species. */
    public List<String> speciesNames() { return List.copyOf(speciesNames); }

    /** One property column group. */
    private record Prop(String name, char type, int count, int first) {}

    /** Reads the next frame, or returns null at end of input. The caller closes the frame. */
    public Frame next() throws IOException {
        String countLine = in.readNonBlankLine();
        if (countLine == null) return null;
        int k = TextInput.tokenize(countLine, starts, ends);
        if (k != 1) throw in.error("expected the atom count alone on the line, found " + k + " values");
        long nl = in.parseLong(countLine, starts[0], ends[0], "the atom count");
        if (nl < 0 || nl > Integer.MAX_VALUE - 8) throw in.error("expected an atom count in [0, 2^31), found " + nl);
        int n = (int) nl;
        long nLine = in.lineNo();
        String comment = in.readLine();
        if (comment == null) throw in.error(in.lineNo() + 1, "unexpected end of file, expected the comment line with Lattice=...");
        long commentLine = in.lineNo();
        Map<String, String> kv = parseComment(comment);
        Box box = parseBox(kv);
        List<Prop> props = parseProperties(kv.getOrDefault("Properties", "species:S:1:pos:R:3"));
        long timestep = 0;
        String ts = kv.containsKey("Timestep") ? kv.get("Timestep") : kv.get("step");
        if (ts != null) timestep = in.parseLong(ts, 0, ts.length(), "Timestep");
        double time = kv.containsKey("Time") ? in.parseDouble(kv.get("Time"), 0, kv.get("Time").length(), "Time") : Double.NaN;
        boolean unwrappedPos = "T".equalsIgnoreCase(kv.getOrDefault("pos_unwrapped", "F"));
        return readRows(props, n, nLine, commentLine, box, timestep, time, unwrappedPos);
    }

    /**
     * Checks the count against the file's length and the memory budget
     * ({@link TextInput#checkRowCount}), then reads the rows into a new store.
     */
    private Frame readRows(List<Prop> props, int n, long nLine, long commentLine, Box box,
                           long timestep, double time, boolean unwrappedPos) throws IOException {
        Prop pos = null, species = null, id = null, image = null, velo = null, force = null;
        List<Prop> extraProps = new ArrayList<>();
        int ncol = 0;
        for (Prop p : props) {
            ncol = Math.max(ncol, p.first + p.count);
            switch (p.name) {
                case "pos" -> pos = expect(p, 'R', 3, commentLine);
                case "species" -> species = expect(p, 'S', 1, commentLine);
                case "type" -> species = expect(p, 'I', 1, commentLine);
                case "id" -> id = expect(p, 'I', 1, commentLine);
                case "image" -> image = expect(p, 'I', 3, commentLine);
                case "velo", "vel", "velocities" -> velo = expect(p, 'R', 3, commentLine);
                case "forces", "force" -> force = expect(p, 'R', 3, commentLine);
                default -> { if (p.type != 'S') extraProps.add(p); }
            }
        }
        if (pos == null) throw in.error(commentLine, "missing pos:R:3 in Properties, expected positions");
        int extraCount = 0;
        for (Prop p : extraProps) extraCount += p.count;
        in.checkRowCount(n, ncol, ParticleStore.BYTES_PER_PARTICLE + 8L * extraCount, nLine);
        if (starts.length < ncol + 1) {
            starts = new int[ncol + 1];
            ends = new int[ncol + 1];
        }
        // the count is only bounded, not exact, for gzip and streams: start small and grow as rows arrive
        int cap = in.exactLength ? n : Math.min(n, LammpsDumpReader.FIRST_CAPACITY);
        ParticleStore[] holder = {ParticleStore.allocate(cap)};
        try {
            return readRows(holder, n, commentLine, box, timestep, time, unwrappedPos, pos, species, id, image, velo, force,
                    extraProps, ncol);
        } catch (RuntimeException | IOException e) {
            holder[0].close();
            throw e;
        }
    }

    /**
     * Reads the n rows into {@code holder[0]}, replacing it by a store twice as large (up to n) when
     * it is full. Modifies holder.
     */
    private Frame readRows(ParticleStore[] holder, int n, long commentLine, Box box, long timestep, double time,
                           boolean unwrappedPos, Prop pos, Prop species, Prop id, Prop image, Prop velo, Prop force,
                           List<Prop> extraProps, int ncol) throws IOException {
        ParticleStore store = holder[0];
        int cap = store.size();
        Map<String, double[]> extras = new LinkedHashMap<>();
        for (Prop p : extraProps) {
            for (int c = 0; c < p.count; c++) extras.put(p.count == 1 ? p.name : p.name + "_" + c, new double[cap]);
        }
        for (int i = 0; i < n; i++) {
            if (i == cap) {
                cap = (int) Math.min(n, 2L * cap);
                holder[0] = store = store.grow(cap, i);
                int newCap = cap;
                extras.replaceAll((k, v) -> java.util.Arrays.copyOf(v, newCap));
            }
            String line = in.readLine();
            if (line == null) {
                throw in.error(in.lineNo() + 1, "unexpected end of file: expected " + n + " atom rows after line "
                        + commentLine + ", found " + i);
            }
            int k = TextInput.tokenize(line, starts, ends);
            if (k != ncol) throw in.error("expected " + ncol + " columns (Properties at line " + commentLine + "), found " + k);
            store.setId(i, id == null ? i + 1L : in.parseLong(line, starts[id.first], ends[id.first], "id"));
            if (species != null) store.setSpecies(i, speciesOf(line, species.first));
            for (int a = 0; a < 3; a++) {
                double v = in.parseDouble(line, starts[pos.first + a], ends[pos.first + a], "pos");
                if (!Double.isFinite(v)) throw in.error("expected a finite position, found " + v);
                in.requireNearBox(v, box.lo(a), box.length(a), "position", null);
                store.setPos(i, a, v);
                if (image != null) {
                    long m = in.parseLong(line, starts[image.first + a], ends[image.first + a], "image");
                    if (m != (int) m) throw in.error("image count out of int range: " + m);
                    store.setImage(i, a, (int) m);
                }
            }
            if (velo != null) store.setVelocity(i, real(line, velo, 0), real(line, velo, 1), real(line, velo, 2));
            if (force != null) store.setForce(i, real(line, force, 0), real(line, force, 1), real(line, force, 2));
            for (Prop p : extraProps) {
                for (int c = 0; c < p.count; c++) {
                    int col = p.first + c;
                    double v = p.type == 'L' ? logical(line, col, p.name) : in.parseDouble(line, starts[col], ends[col], p.name);
                    extras.get(p.count == 1 ? p.name : p.name + "_" + c)[i] = v;
                }
            }
        }
        store.wrapInto(box);
        CoordinateKind kind = image == null && unwrappedPos ? CoordinateKind.UNWRAPPED : CoordinateKind.WRAPPED;
        Frame frame = new Frame(timestep, time, box, store, kind, image != null || unwrappedPos, velo != null, force != null);
        extras.forEach(frame::putExtra);
        int[] dup = frame.sortById();
        if (dup != null) {
            throw in.error(commentLine + 1 + dup[1], "duplicate atom id " + store.id(dup[1]) + " (first on line "
                    + (commentLine + 1 + dup[0]) + "), expected unique ids");
        }
        return frame;
    }

    private Prop expect(Prop p, char type, int count, long line) {
        if (p.type != type || p.count != count) {
            throw in.error(line, "property " + p.name + ":" + p.type + ":" + p.count + ", expected " + p.name + ":" + type + ":" + count);
        }
        return p;
    }

    /** A component of a velocity or force property; must be finite. */
    private double real(String line, Prop p, int c) {
        double v = in.parseDouble(line, starts[p.first + c], ends[p.first + c], p.name);
        if (!Double.isFinite(v)) throw in.error("expected a finite number for " + p.name + ", found " + v);
        return v;
    }

    private double logical(String line, int col, String name) {
        String t = line.substring(starts[col], ends[col]);
        if (t.equals("T") || t.equals("True") || t.equals("1")) return 1;
        if (t.equals("F") || t.equals("False") || t.equals("0")) return 0;
        throw in.error("expected T or F for " + name + ", found '" + TextInput.abbreviate(t) + "'");
    }

    private int speciesOf(String line, int col) {
        String t = line.substring(starts[col], ends[col]);
        char c0 = t.charAt(0);
        if (Character.isDigit(c0) || c0 == '-' || c0 == '+') {
            long v = in.parseLong(line, starts[col], ends[col], "species");
            if (v < 1 || v > Integer.MAX_VALUE) throw in.error("expected a positive type number or a species name, found '" + InputFormatException.quote(t) + "'");
            return (int) (v - 1);
        }
        int s = speciesNames.indexOf(t);
        if (s < 0) {
            speciesNames.add(t);
            s = speciesNames.size() - 1;
        }
        return s;
    }

    private Box parseBox(Map<String, String> kv) {
        String lat = kv.get("Lattice");
        if (lat == null) throw in.error("missing Lattice=\"Lx 0 0 0 Ly 0 0 0 Lz\", expected a periodic box");
        double[] m = numbers(lat, 9, "Lattice");
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (r != c && m[3 * r + c] != 0) {
                    throw in.error("non-orthorhombic Lattice is not supported (off-diagonal " + m[3 * r + c] + "), expected a diagonal lattice");
                }
            }
            if (!(m[4 * r] > 0) || !Double.isFinite(m[4 * r])) throw in.error("expected positive Lattice diagonal, found " + m[4 * r]);
        }
        double[] lo = kv.containsKey("Origin") ? numbers(kv.get("Origin"), 3, "Origin") : new double[3];
        for (double o : lo) if (!Double.isFinite(o)) throw in.error("expected a finite Origin, found " + o);
        return new Box(lo, new double[] {m[0], m[4], m[8]});
    }

    private double[] numbers(String s, int count, String what) {
        int[] st = new int[count + 1], en = new int[count + 1];
        int k = TextInput.tokenize(s, st, en);
        if (k != count) throw in.error("expected " + count + " numbers in " + what + ", found " + k);
        double[] r = new double[count];
        for (int i = 0; i < count; i++) r[i] = in.parseDouble(s, st[i], en[i], what);
        return r;
    }

    /**
     * The most columns an atom row may declare: far beyond any real file (positions, velocities,
     * forces and a few per-atom quantities), and small enough that the column bookkeeping, allocated
     * before any row is read, stays a few hundred KiB whatever the header says.
     */
    static final int MAX_COLUMNS = 1 << 16;

    private List<Prop> parseProperties(String spec) {
        String[] parts = spec.split(":");
        if (parts.length % 3 != 0) throw in.error("expected Properties as name:type:count triples, found '" + TextInput.abbreviate(spec) + "'");
        List<Prop> props = new ArrayList<>();
        int col = 0;
        for (int i = 0; i < parts.length; i += 3) {
            String t = parts[i + 1];
            if (t.length() != 1 || "SRIL".indexOf(t.charAt(0)) < 0) {
                throw in.error("unknown property type '" + InputFormatException.quote(t) + "' for " + InputFormatException.quote(parts[i])
                        + ", expected S, R, I or L");
            }
            int count;
            try {
                count = Integer.parseInt(parts[i + 2]);
            } catch (NumberFormatException e) {
                throw in.error("expected a column count for property " + InputFormatException.quote(parts[i]) + ", found '"
                        + InputFormatException.quote(parts[i + 2]) + "'");
            }
            if (count < 1) throw in.error("expected a positive column count for property " + InputFormatException.quote(parts[i]) + ", found " + count);
            if (parts[i].isEmpty() || parts[i].chars().anyMatch(ch -> ch <= ' ' || Character.isWhitespace(ch))) {
                throw in.error("property name '" + InputFormatException.quote(parts[i]) + "', expected a name without spaces");
            }
            if (count > MAX_COLUMNS - col) {
                throw in.error("property " + InputFormatException.quote(parts[i]) + ":" + t + ":" + count + " makes more than " + MAX_COLUMNS
                        + " columns per atom row, expected a few columns");
            }
            props.add(new Prop(parts[i], t.charAt(0), count, col));
            col += count;
        }
        return props;
    }

    /** Parses {@code key=value key="quoted value" flag} pairs. */
    private Map<String, String> parseComment(String s) {
        Map<String, String> kv = new LinkedHashMap<>();
        int i = 0, len = s.length();
        while (i < len) {
            while (i < len && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= len) break;
            int ks = i;
            while (i < len && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) i++;
            String key = s.substring(ks, i);
            while (i < len && s.charAt(i) == ' ') i++;
            if (i < len && s.charAt(i) == '=') {
                i++;
                while (i < len && s.charAt(i) == ' ') i++;
                String value;
                if (i < len && (s.charAt(i) == '"' || s.charAt(i) == '{')) {
                    char close = s.charAt(i) == '"' ? '"' : '}';
                    int end = s.indexOf(close, i + 1);
                    if (end < 0) throw in.error("unterminated quoted value for " + InputFormatException.quote(key) + ", expected a closing " + close);
                    value = s.substring(i + 1, end);
                    i = end + 1;
                } else {
                    int vs = i;
                    while (i < len && !Character.isWhitespace(s.charAt(i))) i++;
                    value = s.substring(vs, i);
                }
                kv.put(key, value);
            } else {
                kv.put(key, "T");
            }
        }
        return kv;
    }

    @Override
    public void close() throws IOException { in.close(); }
}
