package org.softglass.cli;

import org.softglass.core.parallel.Parallel;
import picocli.CommandLine.Option;

/** Options every long-running command shares ({@code --threads}, {@code --quiet}); a picocli mixin. */
final class RunOptions {
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores); for a given N, results are reproducible.")
    Integer threads;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    /** The thread count: --threads, or all cores; refuses values below 1. */
    int threads() {
        int nt = threads == null ? Parallel.availableCores() : threads;
        if (nt < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + nt);
        return nt;
    }

    boolean quiet() { return quiet; }

    /** The study context of these options: {@link #threads()}, this softglass's version, progress bars unless {@code --quiet}. */
    org.softglass.study.StudyContext context() {
        return new org.softglass.study.StudyContext(threads(), Version.get(), Progress.sink(quiet));
    }
}
