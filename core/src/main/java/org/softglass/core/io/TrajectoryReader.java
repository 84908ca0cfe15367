package org.softglass.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A trajectory read one frame at a time, whatever its format: a LAMMPS text dump
 * ({@link LammpsDumpReader}), extended XYZ ({@link ExtendedXyzReader}) or HOOMD GSD ({@link GsdReader}).
 * Every reader returns frames with particles sorted by id, species 0-based, positions wrapped into
 * the box (σ) with image counts (see {@link Frame}).
 *
 * <p><b>Which format.</b> {@link #open(Path)} decides by content first, then by extension
 * ({@link Format#detect}): the GSD magic number is GSD; text (plain or gzip) whose first non-blank
 * line starts with {@code ITEM:} is a LAMMPS dump, and one whose first non-blank line is a single
 * integer (the atom count) is extended XYZ. Text that is neither (an empty file, a truncated one)
 * goes to the reader its extension names ({@code .gsd}; {@code .xyz}, {@code .extxyz}; anything
 * else a dump), whose error then names the line that is wrong. A named pipe (e.g. {@code <(zcat a.xyz.gz)}) is
 * not sniffed, since it can be read only once: its extension decides, and it is a dump when it has none.
 */
public interface TrajectoryReader extends AutoCloseable {
    /**
     * Reads the next frame.
     *
     * @return the frame (the caller owns and closes it), or null at the end of the trajectory
     * @throws InputFormatException if the frame is malformed
     */
    Frame next() throws IOException;

    @Override
    void close() throws IOException;

    /** The trajectory formats softglass reads. */
    enum Format {
        LAMMPS_DUMP("LAMMPS dump"), EXTENDED_XYZ("extended XYZ"), GSD("HOOMD GSD");

        private final String label;

        Format(String label) { this.label = label; }

        /** The format's name in messages and manifests, e.g. {@code "HOOMD GSD"}. */
        public String label() { return label; }

        /**
         * The format of a file, by content then extension (class comment).
         *
         * @throws InputFormatException for a gzip-compressed GSD file (GSD is read by random access)
         */
        public static Format detect(Path file) throws IOException {
            if (Files.exists(file) && !Files.isRegularFile(file)) return byExtension(file);   // a pipe (<(zcat …)) can be read only once
            byte[] head;
            boolean gz;
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
                raw.mark(2);
                gz = raw.read() == 0x1f && raw.read() == 0x8b;
                raw.reset();
                InputStream in = raw;
                if (gz) {
                    try {
                        in = new GZIPInputStream(raw);
                    } catch (IOException e) {
                        return byExtension(file);   // the text reader reports the corrupt gzip header
                    }
                }
                try {
                    head = in.readNBytes(4096);
                } catch (IOException e) {
                    head = new byte[0];
                }
            }
            if (GsdReader.isGsd(head)) {
                if (gz) throw new InputFormatException(file.getFileName().toString(), -1,
                        "a gzip-compressed GSD file, expected it uncompressed (GSD is read by random access): gunzip it first");
                return GSD;
            }
            String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String line : text.split("\n", -1)) {
                String s = line.strip();
                if (s.isEmpty()) continue;
                if (s.startsWith("ITEM:")) return LAMMPS_DUMP;
                if (s.matches("[0-9]+")) return EXTENDED_XYZ;
                break;
            }
            return byExtension(file);
        }

        private static Format byExtension(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
            if (name.endsWith(".gsd")) return GSD;
            if (name.endsWith(".xyz") || name.endsWith(".extxyz")) return EXTENDED_XYZ;
            return LAMMPS_DUMP;
        }
    }

    /** Opens a trajectory in the format {@link Format#detect} finds. */
    static TrajectoryReader open(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new java.nio.file.FileSystemException(file.toString(), null, "Is a directory");
        return switch (Format.detect(file)) {
            case GSD -> GsdReader.open(file);
            case EXTENDED_XYZ -> ExtendedXyzReader.open(file);
            case LAMMPS_DUMP -> LammpsDumpReader.open(file);
        };
    }

    /** Reads the first frame of a trajectory (for single-frame inputs such as a start configuration). */
    static Frame readFirst(Path file) throws IOException {
        try (TrajectoryReader r = open(file)) {
            Frame f = r.next();
            if (f == null) throw new InputFormatException(file.getFileName().toString(), -1, "no frame, expected at least one configuration");
            return f;
        }
    }
}
