package org.softglass.cli.options;

import org.softglass.cli.Progress;
import org.softglass.cli.Version;
import org.softglass.study.StudyContext;
import picocli.CommandLine.Option;

/**
 * The run options of the single-threaded commands (trap relax, aging, fragility, mesoelastic-pool): {@code --quiet} only, and their
 * study context on one thread. The multi-threaded commands take {@link org.softglass.cli.RunOptions} instead.
 */
public final class SerialRunOptions {
    @Option(names = "--quiet", description = "No progress output.")
    private boolean quiet;

    /** Whether progress output is off ({@code --quiet}). */
    public boolean quiet() { return quiet; }

    /** One thread, this softglass's version, progress bars unless {@code --quiet}. */
    public StudyContext context() { return new StudyContext(1, Version.get(), Progress.sink(quiet)); }
}
