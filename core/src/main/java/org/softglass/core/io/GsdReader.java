package org.softglass.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.util.MemoryBudget;

/**
 * Reader of HOOMD-blue GSD trajectories ({@code .gsd}, schema {@code hoomd}), written from the GSD
 * file-layer specification (versions 0.3, 1.x and 2.x; no Java library reads GSD). One frame is held at
 * a time; the file is read by random access, so it must be a plain (not gzip-compressed) file.
 *
 * <p><b>File layer</b> (all little-endian). A 256-byte header: {@code uint64 magic = 0x65DF65DF65DF65DF},
 * {@code uint64 index_location}, {@code uint64 index_allocated_entries}, {@code uint64 namelist_location},
 * {@code uint64 namelist_allocated_entries}, {@code uint32 schema_version}, {@code uint32 gsd_version}
 * ({@code major << 16 | minor}), {@code char application[64]}, {@code char schema[64]}, 80 reserved bytes.
 * The index is an array of 32-byte entries {@code uint64 frame, uint64 N, int64 location, uint32 M,
 * uint16 id, uint8 type, uint8 flags}, sorted by frame, ending at the first entry whose location is 0; a
 * chunk is N × M values of {@code type} (1–4 uint8…uint64, 5–8 int8…int64, 9 float32, 10 float64) at
 * byte {@code location}, named by entry {@code id} of the namelist (the NUL-separated names in
 * {@code namelist_allocated_entries × 64} bytes, numbered in order).
 *
 * <p><b>The hoomd schema</b>, read per frame: {@code configuration/step} (uint64, the timestep),
 * {@code configuration/dimensions} (uint8; 2 is refused), {@code configuration/box} (float32
 * {@code [Lx, Ly, Lz, xy, xz, yz]}, σ; a non-zero tilt is refused as triclinic, naming the box),
 * {@code particles/N}, {@code particles/types} (the type names, read for messages), {@code
 * particles/typeid} (uint32 → species), {@code particles/position} (float32 N×3, σ, in the box
 * centred on the origin, {@code [-L/2, L/2)}), {@code particles/image} (int32 N×3) and {@code
 * particles/velocity} (float32 N×3, σ/τ). As the schema says, a chunk absent from a frame takes its
 * value in frame 0, and one absent from frame 0 too takes the schema default (step 0, box 1×1×1,
 * N 0, typeid 0, images 0, velocities 0): HOOMD's writer leaves out exactly those chunks. Images and
 * velocities change every step, though, and HOOMD's default {@code hoomd.write.GSD(dynamic=['property'])}
 * writes them in frame 0 only: a later frame's images ({@link Frame#imagesKnown()}) and velocities
 * ({@link Frame#hasVelocities()}) count as known only when that frame holds the chunk or the file holds it in
 * some frame after 0 (the writer stored it per frame and left it out where it equals frame 0's); else they
 * are unknown, and commands that need unwrapped positions refuse the frame. HOOMD particles carry no ids: particle k (0-based, the tag) gets
 * id k + 1, so ids match a LAMMPS dump of the same system. No time is stored ({@link Frame#time()} is
 * NaN). Other chunks (mass, charge, diameter, orientation, bonds, logged quantities) are ignored.
 *
 * <p>Every malformed input raises an {@link InputFormatException} naming the file and what was
 * expected; sizes are checked against the file's length before anything is allocated from them.
 */
public final class GsdReader implements TrajectoryReader {
    /** The magic number opening every GSD file. */
    public static final long MAGIC = 0x65DF65DF65DF65DFL;
    private static final int HEADER_BYTES = 256, ENTRY_BYTES = 32, NAME_BYTES = 64;
    /** Byte size of GSD types 1..10 (index 0 unused). */
    private static final int[] TYPE_SIZE = {0, 1, 2, 4, 8, 1, 2, 4, 8, 4, 8};

    private final FileChannel channel;
    private final String source;
    private final long fileBytes;
    private final Map<String, Integer> names = new HashMap<>();
    private final List<Entry> index = new ArrayList<>();
    /** Index of the first entry of frame f is frameStart[f]; frameStart[frames] = index.size(). */
    private final int[] frameStart;
    /** Name ids of the chunks some frame after frame 0 holds: written per frame by the file's writer (see {@link #perFrame}). */
    private final java.util.Set<Integer> storedAfterFrame0 = new java.util.HashSet<>();
    private final int frames;
    private int next;

    /** One index entry: the chunk of {@code n} rows × {@code m} columns of {@code type} at byte {@code location}. */
    private record Entry(long frame, long n, long location, int m, int id, int type) {
        /** Byte size, or −1 when it overflows (a corrupt entry). */
        long bytes() {
            try {
                return Math.multiplyExact(Math.multiplyExact(n, Integer.toUnsignedLong(m)), TYPE_SIZE[type]);
            } catch (ArithmeticException ex) {
                return -1;
            }
        }
    }

    private GsdReader(FileChannel channel, String source) throws IOException {
        this.channel = channel;
        this.source = source;
        this.fileBytes = channel.size();
        ByteBuffer h = read(0, HEADER_BYTES, "the 256-byte header");
        long magic = h.getLong(0);
        if (magic != MAGIC) throw error("not a GSD file (magic number " + Long.toHexString(magic) + "), expected 65df65df65df65df");
        long indexLocation = h.getLong(8), indexEntries = h.getLong(16);
        long namelistLocation = h.getLong(24), namelistEntries = h.getLong(32);
        int version = h.getInt(44);
        int major = version >>> 16, minor = version & 0xffff;
        if (!(version == 3 || major == 1 || major == 2)) {
            throw error("GSD file-layer version " + major + "." + minor + ", expected 0.3, 1.x or 2.x");
        }
        String schema = cString(h, 112, 64);
        if (!schema.equals("hoomd")) throw error("GSD schema '" + InputFormatException.quote(schema) + "', expected 'hoomd' (a HOOMD-blue trajectory)");
        readNames(namelistLocation, namelistEntries);
        readIndex(indexLocation, indexEntries);
        long last = index.isEmpty() ? -1 : index.getLast().frame;
        if (last >= Integer.MAX_VALUE) throw error("frame number " + last + " in the index, expected fewer than 2^31 frames");
        frames = (int) (last + 1);
        frameStart = new int[frames + 1];
        int e = 0;
        for (int f = 0; f <= frames; f++) {
            while (e < index.size() && index.get(e).frame < f) e++;
            frameStart[f] = e;
        }
        for (int k = frames > 1 ? frameStart[1] : index.size(); k < index.size(); k++) storedAfterFrame0.add(index.get(k).id);
    }

    /** Opens a GSD file. @throws InputFormatException if it is not a readable hoomd-schema GSD file */
    public static GsdReader open(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new java.nio.file.FileSystemException(file.toString(), null, "Is a directory");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new GsdReader(ch, file.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Whether the first 8 bytes are the GSD magic number (little-endian). */
    public static boolean isGsd(byte[] head) {
        return head.length >= 8 && ByteBuffer.wrap(head, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong() == MAGIC;
    }

    /** Number of frames in the file. */
    public int frames() { return frames; }

    @Override
    public Frame next() throws IOException {
        if (next >= frames) return null;
        Frame f = frame(next);
        next++;
        return f;
    }

    /** Reads frame {@code f} (0-based). The caller closes it. */
    public Frame frame(int f) throws IOException {
        if (f < 0 || f >= frames) throw new IndexOutOfBoundsException("frame " + f + " of " + frames);
        String where = "frame " + f;
        long step = integer(f, "configuration/step", 0, where);
        long dims = integer(f, "configuration/dimensions", 3, where);
        if (dims != 3) throw error(where + ": configuration/dimensions is " + dims + ", expected a 3-dimensional system");
        double[] b = reals(f, "configuration/box", 6, where);
        if (b == null) b = new double[] {1, 1, 1, 0, 0, 0};
        if (b[3] != 0 || b[4] != 0 || b[5] != 0) {
            throw error(where + ": triclinic box [Lx Ly Lz xy xz yz] = [" + b[0] + " " + b[1] + " " + b[2] + " " + b[3] + " " + b[4]
                    + " " + b[5] + "], expected an orthorhombic box (tilts xy = xz = yz = 0)");
        }
        for (int a = 0; a < 3; a++) {
            if (!(b[a] > 0) || !Double.isFinite(b[a])) throw error(where + ": box length " + "xyz".charAt(a) + " = " + b[a] + ", expected a finite length > 0");
        }
        Box box = new Box(new double[] {-b[0] / 2, -b[1] / 2, -b[2] / 2}, new double[] {b[0], b[1], b[2]});
        long nl = integer(f, "particles/N", 0, where);
        if (nl < 0 || nl > Integer.MAX_VALUE - 8) throw error(where + ": particles/N = " + nl + ", expected a count in [0, 2^31)");
        int n = (int) nl;
        Entry pos = rows(f, "particles/position", n, 3, where, true, true);
        Entry typeid = rows(f, "particles/typeid", n, 1, where, false, false);
        Entry image = rows(f, "particles/image", n, 3, where, false, false);
        Entry velo = rows(f, "particles/velocity", n, 3, where, false, true);
        boolean imagesKnown = perFrame(f, "particles/image"), velocitiesKnown = velo != null && perFrame(f, "particles/velocity");
        if (!MemoryBudget.fits(MemoryBudget.times(n, ParticleStore.BYTES_PER_PARTICLE))) {
            throw error(where + ": " + n + " particles do not fit the memory budget");
        }
        int types = typeCount(f);
        ParticleStore store = ParticleStore.allocate(n);
        try {
            ByteBuffer p = n == 0 ? null : chunk(pos);
            ByteBuffer t = typeid == null ? null : chunk(typeid);
            ByteBuffer im = image == null || !imagesKnown ? null : chunk(image);
            ByteBuffer v = velocitiesKnown ? chunk(velo) : null;
            for (int i = 0; i < n; i++) {
                store.setId(i, i + 1L);
                long s = t == null ? 0 : integerValue(t, typeid.type, i);
                if (s < 0 || s >= types) {
                    throw error(where + ": particles/typeid of particle " + i + " is " + s + ", expected one of the " + types + " particles/types");
                }
                store.setSpecies(i, (int) s);
                for (int a = 0; a < 3; a++) {
                    double x = value(p, pos.type, 3 * i + a);
                    if (!Double.isFinite(x) || Math.abs(x) > b[a]) {
                        throw error(where + ": particles/position of particle " + i + " is " + x + " along " + "xyz".charAt(a)
                                + ", expected a finite position near the box [" + (-b[a] / 2) + ", " + (b[a] / 2) + ")");
                    }
                    store.setPos(i, a, x);
                    long m = im == null ? 0 : integerValue(im, image.type, 3 * i + a);
                    if (m != (int) m) throw error(where + ": particles/image of particle " + i + " is " + m + ", out of int range");
                    store.setImage(i, a, (int) m);
                }
                if (v != null) store.setVelocity(i, value(v, velo.type, 3 * i), value(v, velo.type, 3 * i + 1), value(v, velo.type, 3 * i + 2));
            }
            store.wrapInto(box);
            return new Frame(step, Double.NaN, box, store, CoordinateKind.WRAPPED, imagesKnown, velocitiesKnown, false);
        } catch (RuntimeException | IOException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // ---- the file layer ----

    private void readNames(long location, long entries) throws IOException {
        if (entries < 0 || entries > fileBytes / NAME_BYTES || entries > (Integer.MAX_VALUE - 8) / NAME_BYTES) {
            throw error("namelist of " + Long.toUnsignedString(entries) + " entries, longer than the file (or over 2 GiB)");
        }
        ByteBuffer nb = read(location, (int) (entries * NAME_BYTES), "the namelist");
        int id = 0, start = 0;
        for (int i = 0; i <= nb.limit(); i++) {
            if (i == nb.limit() || nb.get(i) == 0) {
                if (i > start) {
                    byte[] s = new byte[i - start];
                    nb.get(start, s);
                    names.putIfAbsent(new String(s, StandardCharsets.UTF_8), id++);
                }
                start = i + 1;
            }
        }
    }

    private void readIndex(long location, long entries) throws IOException {
        if (entries < 0 || entries > fileBytes / ENTRY_BYTES || entries > (Integer.MAX_VALUE - 8) / ENTRY_BYTES) {
            throw error("index of " + Long.toUnsignedString(entries) + " entries, longer than the file (or over 2 GiB)");
        }
        ByteBuffer ib = read(location, (int) (entries * ENTRY_BYTES), "the index");
        for (int i = 0; i < entries; i++) {
            int o = i * ENTRY_BYTES;
            long loc = ib.getLong(o + 16);
            if (loc == 0) break;
            Entry e = new Entry(ib.getLong(o), ib.getLong(o + 8), loc, ib.getInt(o + 24), Short.toUnsignedInt(ib.getShort(o + 28)),
                    Byte.toUnsignedInt(ib.get(o + 30)));
            int flags = Byte.toUnsignedInt(ib.get(o + 31));
            String bad = e.type < 1 || e.type > 10 ? "type " + e.type + " (expected 1..10)"
                    : e.m <= 0 ? "M = " + Integer.toUnsignedString(e.m) + " (expected 1 .. 2^31 - 1)"
                    : e.n < 0 || e.n > fileBytes ? "N = " + Long.toUnsignedString(e.n)
                    : e.id >= names.size() ? "name id " + e.id + " (the namelist has " + names.size() + ")"
                    : flags != 0 ? "flags " + flags + " (expected 0)"
                    : e.frame < 0 || e.frame >= entries || (!index.isEmpty() && e.frame < index.getLast().frame)
                            ? "frame " + Long.toUnsignedString(e.frame) + " out of order or beyond the index's " + entries + " entries"
                    : loc < 0 || e.bytes() < 0 || e.bytes() > fileBytes - loc ? "chunk at byte " + loc + " of " + e.bytes() + " bytes past the end of the file ("
                            + fileBytes + " bytes: truncated?)"
                    : null;
            if (bad != null) throw error("corrupt index entry " + i + ": " + bad);
            index.add(e);
        }
    }

    /**
     * Whether frame f's value of a per-frame quantity (images, velocities) is known: frame 0 always (an absent
     * chunk is the default there), a frame holding the chunk, or one without it in a file whose writer stored the
     * chunk in some later frame (so it leaves the chunk out only where it equals frame 0's). HOOMD's default
     * {@code hoomd.write.GSD(dynamic=['property'])} writes images and velocities in frame 0 only: in its later frames
     * they are unknown, not frame 0's.
     */
    private boolean perFrame(int f, String name) {
        if (f == 0) return true;
        Integer id = names.get(name);
        return id != null && storedAfterFrame0.contains(id);
    }

    /** The entry of chunk {@code name} in frame f, else in frame 0, else null. */
    private Entry find(int f, String name) {
        Integer id = names.get(name);
        if (id == null) return null;
        for (int frame : f == 0 ? new int[] {0} : new int[] {f, 0}) {
            for (int e = frameStart[frame]; e < frameStart[frame + 1]; e++) {
                if (index.get(e).id == id) return index.get(e);
            }
        }
        return null;
    }

    private long integer(int f, String name, long dflt, String where) throws IOException {
        Entry e = find(f, name);
        if (e == null) return dflt;
        if (e.type > 8 || e.n * e.m != 1) throw error(where + ": " + name + " is " + describe(e) + ", expected one integer");
        return integerValue(chunk(e), e.type, 0);
    }

    private double[] reals(int f, String name, int count, String where) throws IOException {
        Entry e = find(f, name);
        if (e == null) return null;
        if (e.n * e.m != count) throw error(where + ": " + name + " is " + describe(e) + ", expected " + count + " values");
        ByteBuffer c = chunk(e);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) out[i] = value(c, e.type, i);
        return out;
    }

    private Entry rows(int f, String name, int n, int m, String where, boolean required, boolean real) {
        Entry e = find(f, name);
        if (e == null) {
            if (required && n > 0) throw error(where + ": no " + name + " chunk (in this frame or frame 0), expected the positions of " + n + " particles");
            return null;
        }
        if (e.n != n || e.m != m || (e.type >= 9) != real) {
            throw error(where + ": " + name + " is " + describe(e) + ", expected " + n + " × " + m + (real ? " reals" : " integers")
                    + " (particles/N = " + n + ")");
        }
        return e;
    }

    /** Number of particle types: rows of {@code particles/types} (default 1, the single type 'A'). */
    private int typeCount(int f) {
        Entry e = find(f, "particles/types");
        return e == null ? 1 : (int) Math.min(e.n, Integer.MAX_VALUE);
    }

    private static String describe(Entry e) {
        String[] t = {"", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64", "float32", "float64"};
        return e.n + " × " + e.m + " " + t[e.type];
    }

    private ByteBuffer chunk(Entry e) throws IOException {
        long bytes = e.bytes();
        if (bytes > Integer.MAX_VALUE - 8) throw error("chunk of " + bytes + " bytes at byte " + e.location + ", expected under 2 GiB per chunk");
        return read(e.location, (int) bytes, "a chunk at byte " + e.location);
    }

    /** Value k of a chunk of {@code type}, as a double for reals and as a long (cast) for integers. */
    private static double value(ByteBuffer b, int type, int k) {
        return switch (type) {
            case 9 -> b.getFloat(4 * k);
            case 10 -> b.getDouble(8 * k);
            default -> integerValue(b, type, k);
        };
    }

    private static long integerValue(ByteBuffer b, int type, int k) {
        return switch (type) {
            case 1 -> Byte.toUnsignedLong(b.get(k));
            case 2 -> Short.toUnsignedLong(b.getShort(2 * k));
            case 3 -> Integer.toUnsignedLong(b.getInt(4 * k));
            case 4, 8 -> b.getLong(8 * k);
            case 5 -> b.get(k);
            case 6 -> b.getShort(2 * k);
            case 7 -> b.getInt(4 * k);
            case 9 -> (long) b.getFloat(4 * k);
            default -> (long) b.getDouble(8 * k);
        };
    }

    /** Reads {@code bytes} bytes at {@code location}, refusing a range past the end of the file. */
    private ByteBuffer read(long location, int bytes, String what) throws IOException {
        if (location < 0 || bytes < 0 || location > fileBytes - bytes) {
            throw error(what + " (" + bytes + " bytes at byte " + location + ") lies past the end of the file (" + fileBytes
                    + " bytes): truncated or not a GSD file");
        }
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int r = channel.read(b, location + b.position());
            if (r < 0) throw error(what + ": unexpected end of file");
        }
        return b.flip();
    }

    private static String cString(ByteBuffer b, int offset, int max) {
        int end = offset;
        while (end < offset + max && b.get(end) != 0) end++;
        byte[] s = new byte[end - offset];
        b.get(offset, s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private InputFormatException error(String detail) {
        return new InputFormatException(source, -1, detail);
    }
}
