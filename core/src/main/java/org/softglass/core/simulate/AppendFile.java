package org.softglass.core.simulate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A streamed output of a long run: written as {@code NAME.part}, truncated back to the length a
 * checkpoint recorded when the run resumes (so the finished file is byte-identical to that of an
 * uninterrupted run), and renamed to {@code NAME} only when the run completes. A reader therefore
 * never sees a half-written final file. An existing {@code NAME.part} that is a symbolic link or not a
 * regular file is refused, never followed: the data behind it belongs to someone else.
 */
final class AppendFile implements AutoCloseable {
    private final Path target, part;
    private final FileChannel channel;
    private final OutputStream stream;

    /**
     * Opens {@code target.part}, truncated to {@code length} bytes (0 for a fresh run).
     *
     * @throws IOException naming the file if an existing {@code .part} is a symbolic link or not a
     *         regular file (the data behind it is not this run's, so it is never followed), or if it
     *         is shorter than {@code length}
     */
    AppendFile(Path target, long length) throws IOException {
        this.target = target;
        this.part = target.resolveSibling(target.getFileName() + ".part");
        BasicFileAttributes attrs = attributes(part);
        if (attrs != null && !attrs.isRegularFile()) {
            throw new FileSystemException(part.toString(), null, "is " + (attrs.isSymbolicLink() ? "a symbolic link" : "not a regular file")
                    + "; refusing to write through it (remove it, or choose another output directory)");
        }
        if (length > 0 && (attrs == null || attrs.size() < length)) {
            throw new IOException(part + ": shorter than the " + length + " bytes the checkpoint recorded; cannot resume");
        }
        // NOFOLLOW_LINKS also closes the window between the check above and the open.
        channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        channel.truncate(length);
        channel.position(length);
        stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
            @Override public void close() throws IOException { flush(); }
        };
    }

    /** The file's attributes, not following a link; null if there is no file. */
    private static BasicFileAttributes attributes(Path f) throws IOException {
        try {
            return Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The stream to write to; closing it only flushes. */
    OutputStream stream() { return stream; }

    /** Flushes and returns the number of bytes written so far. */
    long length() throws IOException {
        stream.flush();
        return channel.position();
    }

    /** Flushes, syncs and renames {@code NAME.part} to {@code NAME}. */
    void complete() throws IOException {
        stream.flush();
        channel.force(true);
        channel.close();
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            stream.flush();
            channel.close();
        }
    }
}
