package org.softglass.core.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Text output shared by the text writers: an atomic file ({@link AtomicOutput}) or a caller's
 * stream, optionally gzip-compressed, with abort-on-failure bookkeeping.
 */
final class TextOutput implements Closeable {
    final Writer writer;
    private final AtomicOutput atomic;
    private final OutputStream base;
    private boolean closed;

    private TextOutput(AtomicOutput atomic, OutputStream base, boolean gzip) throws IOException {
        this.atomic = atomic;
        this.base = base;
        OutputStream s = gzip ? new GZIPOutputStream(base, 1 << 16) : base;
        this.writer = new BufferedWriter(new OutputStreamWriter(s, StandardCharsets.ISO_8859_1), 1 << 16);
    }

    /** An atomic file; gzip-compressed if {@code gzip}. */
    static TextOutput open(Path file, boolean gzip) throws IOException {
        AtomicOutput a = AtomicOutput.open(file);
        try {
            return new TextOutput(a, a.stream(), gzip);
        } catch (IOException | RuntimeException e) {
            a.abort();
            throw e;
        }
    }

    /** A caller's stream (closed by {@link #close()}); not atomic. */
    static TextOutput of(OutputStream out, boolean gzip) throws IOException {
        return new TextOutput(null, out, gzip);
    }

    /** Whether a file name asks for gzip ({@code .gz}). */
    static boolean isGzipName(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    /** Discards the output (atomic files leave nothing behind). Never throws. */
    void abort() {
        if (closed) return;
        closed = true;
        if (atomic != null) {
            atomic.abort();
        } else {
            try {
                base.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    boolean isClosed() { return closed; }

    /** Finishes compression and commits (atomic file) or closes the stream. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            writer.close(); // finishes gzip; closes a caller's stream, only flushes an atomic one
            if (atomic != null) atomic.commit();
        } catch (IOException | RuntimeException e) {
            if (atomic != null) atomic.abort();
            throw e;
        }
    }
}
