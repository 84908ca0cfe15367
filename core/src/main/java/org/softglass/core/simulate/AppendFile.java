package org.softglass.core.simulate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A streamed output of a long run: written as {@code NAME.part}, truncated back to the length a
 * checkpoint recorded when the run resumes (so the finished file is byte-identical to that of an
 * uninterrupted run), and renamed to {@code NAME} only when the run completes. A reader therefore
 * never sees a half-written final file.
 */
final class AppendFile implements AutoCloseable {
    private final Path target, part;
    private final FileChannel channel;
    private final OutputStream stream;

    /** Opens {@code target.part}, truncated to {@code length} bytes (0 for a fresh run). */
    AppendFile(Path target, long length) throws IOException {
        this.target = target;
        this.part = target.resolveSibling(target.getFileName() + ".part");
        if (length > 0 && (!Files.exists(part) || Files.size(part) < length)) {
            throw new IOException(part + ": shorter than the " + length + " bytes the checkpoint recorded; cannot resume");
        }
        channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(length);
        channel.position(length);
        stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
            @Override public void close() throws IOException { flush(); }
        };
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
