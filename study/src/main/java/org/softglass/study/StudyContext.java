package org.softglass.study;

import org.softglass.core.util.InvalidParameter;

/**
 * What every study call shares besides its own request: the worker thread count (results are reproducible for a given
 * count), the softglass version recorded in each manifest, and where progress goes. A study never prints; warnings
 * and fallbacks are values of its result.
 *
 * @param threads  worker threads, ≥ 1
 * @param version  the version string written into manifests ({@code "0.1.0"}, or {@code "unknown"})
 * @param progress progress of long loops ({@link Progress#NONE}: none)
 */
public record StudyContext(int threads, String version, Progress progress) {
    public StudyContext {
        if (threads < 1) throw new InvalidParameter("{threads} must be >= 1, got " + threads);
        if (version == null) version = "unknown";
        if (progress == null) progress = Progress.NONE;
    }

    /** A context with {@code threads} workers and no progress output. */
    public static StudyContext of(int threads, String version) { return new StudyContext(threads, version, Progress.NONE); }

    /** Where a study reports how far a long loop is: one {@link Meter} per loop. */
    @FunctionalInterface
    public interface Progress {
        /** No progress output. */
        Progress NONE = (task, total, unit) -> Meter.NONE;

        /**
         * A meter for one loop.
         *
         * @param task  what runs ({@code "phop"})
         * @param total the number of units, −1 when unknown
         * @param unit  what is counted ({@code "frames"})
         */
        Meter start(String task, long total, String unit);
    }

    /** One loop's progress: {@link #stepTo} with the units done so far; closed when the loop ends. */
    public interface Meter extends AutoCloseable {
        Meter NONE = new Meter() {
            @Override public void stepTo(long done) {}
            @Override public void close() {}
        };

        /** {@code done} units are complete. */
        void stepTo(long done);

        @Override
        void close();
    }
}
