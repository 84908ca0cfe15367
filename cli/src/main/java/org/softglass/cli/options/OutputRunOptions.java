package org.softglass.cli.options;

import java.nio.file.Path;
import org.softglass.cli.RunOptions;
import org.softglass.study.StudyContext;
import picocli.CommandLine.Mixin;

/**
 * The options of every multi-threaded command that writes a directory of results: {@code --out DIR}
 * ({@link OutputDir}, which {@link org.softglass.cli.OutputGuard} finds by its name and locks) with
 * {@code --threads} and {@code --quiet} ({@link RunOptions}); a picocli mixin of those two mixins, so the options,
 * their defaults and help texts are theirs.
 */
public final class OutputRunOptions {
    @Mixin
    private OutputDir output = new OutputDir();

    @Mixin
    private RunOptions run = new RunOptions();

    /** The output directory as given on the command line (not yet created). */
    public Path dir() { return output.dir(); }

    /** Whether progress output is off ({@code --quiet}). */
    public boolean quiet() { return run.quiet(); }

    /** The thread count: {@code --threads}, or all cores ({@link RunOptions#threads()}). */
    public int threads() { return run.threads(); }

    /** The study context of these options ({@link RunOptions#context()}). */
    public StudyContext context() { return run.context(); }
}
