package org.softglass.cli;

import org.softglass.core.parallel.Parallel;
import picocli.CommandLine.Option;

/** Options every long-running command shares ({@code --threads}, {@code --quiet}); a picocli mixin. */
public final class RunOptions {
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores); for a given N, results are reproducible.")
    public Integer threads;

    @Option(names = "--quiet", description = "No progress output.")
    public boolean quiet;

    /** The thread count: --threads, or all cores; refuses values below 1. */
    public int threads() {
        int nt = threads == null ? Parallel.availableCores() : threads;
        if (nt < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + nt);
        return nt;
    }

    public boolean quiet() { return quiet; }

    /** The study context of these options: {@link #threads()}, this softglass's version, progress bars unless {@code --quiet}. */
    public org.softglass.study.StudyContext context() {
        return new org.softglass.study.StudyContext(threads(), Version.get(), Progress.sink(quiet));
    }
}
