package org.softglass.core.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that it either appears complete or not at all.
 *
 * <p>Bytes go to a temporary file {@code .NAME.RANDOM.tmp} in the target's directory (same file
 * system, so the final rename is atomic). {@link #commit()} flushes, forces the data to disk and
 * renames the temporary file onto the target (replacing an existing file); {@link #abort()} deletes
 * the temporary file. {@link #close()} commits unless {@link #abort()} was called, so a writer built
 * on this class calls {@code abort()} whenever one of its own operations fails. Beware that
 * try-with-resources runs {@code close()} before its {@code catch} clause, so a caller whose own code
 * may fail between writes must call {@code abort()} inside the try block, or use
 * {@link #write(Path, IOBody)}, which commits only when the body returns normally.
 *
 * <p>An open temporary file is {@linkplain TempFiles tracked}, so a JVM shut down by SIGTERM or
 * Ctrl-C deletes it; it is untracked once renamed or deleted.
 *
 * <p>Not thread-safe.
 */
public final class AtomicOutput implements Closeable {
    /** A block of code writing to a stream. */
    @FunctionalInterface
    public interface IOBody {
        /** Writes the content to {@code out}; throwing discards the output. */
        void write(OutputStream out) throws IOException;
    }

    private final Path target, temp;
    private final FileChannel channel;
    private final BufferedOutputStream buffered;
    private final OutputStream stream;
    private boolean done;

    private AtomicOutput(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        // The stream handed out never closes the file: only commit/abort do.
        this.stream = new FilterOutputStream(buffered) {
            @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
            @Override public void close() throws IOException { out.flush(); }
        };
    }

    /**
     * Opens a temporary file next to {@code target}. The target's directory must exist.
     *
     * @throws IOException if the temporary file cannot be created
     */
    public static AtomicOutput open(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        String name = abs.getFileName().toString();
        if (!Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(abs.toString(), null, "cannot write: its directory " + dir + " does not exist");
        }
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            Path temp = dir.resolve("." + name + "." + suffix + ".tmp");
            TempFiles.track(temp);   // before it exists: a shutdown in between only finds nothing to delete
            try {
                FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new AtomicOutput(abs, temp, ch);
            } catch (FileAlreadyExistsException e) {
                TempFiles.untrack(temp);
                if (attempt > 100) throw e;
            } catch (IOException | RuntimeException e) {
                TempFiles.untrack(temp);
                throw e;
            }
        }
    }

    /**
     * Writes {@code target} atomically with {@code body}: the file appears only if the body returns
     * normally; if it throws, the temporary file is deleted and the exception propagates.
     */
    public static void write(Path target, IOBody body) throws IOException {
        AtomicOutput out = open(target);
        try {
            body.write(out.stream());
        } catch (IOException | RuntimeException | Error e) {
            out.abort();
            throw e;
        }
        out.commit();
    }

    /** The (buffered) stream to write to; closing it only flushes. */
    public OutputStream stream() { return stream; }

    /** The final file name (absolute). */
    public Path target() { return target; }

    /** The temporary file being written. */
    public Path tempFile() { return temp; }

    /** Whether {@link #commit()} or {@link #abort()} has completed. */
    public boolean isDone() { return done; }

    /**
     * Flushes, syncs and renames the temporary file onto the target. Does nothing if already
     * committed or aborted. If any step fails the temporary file is deleted and the target untouched.
     */
    public void commit() throws IOException {
        if (done) return;
        done = true;
        try {
            buffered.flush();
            channel.force(true);
            channel.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            TempFiles.untrack(temp);   // only after the rename: until then the hook may delete it
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            Files.deleteIfExists(temp);
            TempFiles.untrack(temp);
            throw e;
        }
    }

    /** Discards everything written: closes and deletes the temporary file. Idempotent; never throws. */
    public void abort() {
        if (done) return;
        done = true;
        closeQuietly();
        try {
            Files.deleteIfExists(temp);
            TempFiles.untrack(temp);
        } catch (IOException ignored) {
            // best effort: still tracked, so the shutdown hook tries again
        }
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    /** Commits unless already aborted (see the class comment). */
    @Override
    public void close() throws IOException { commit(); }
}
