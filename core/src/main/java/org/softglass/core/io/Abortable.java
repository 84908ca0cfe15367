package org.softglass.core.io;

import java.io.Closeable;
import java.io.IOException;

/** An output that either commits on {@link #close()} or is discarded by {@link #abort()}. */
public interface Abortable extends Closeable {
    /** Discards the output; never throws. */
    void abort();

    /**
     * Runs {@code body} on {@code out}, then commits (closes) it; if the body throws, the output is
     * aborted and the exception propagates, so a file appears only if the body returned normally.
     */
    static <W extends Abortable> void commitIfNormal(W out, IOConsumer<W> body) throws IOException {
        try {
            body.accept(out);
        } catch (IOException | RuntimeException | Error e) {
            out.abort();
            throw e;
        }
        out.close();
    }
}
