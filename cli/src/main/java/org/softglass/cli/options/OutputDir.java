package org.softglass.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --out DIR} option of every command that writes a directory of results: one declaration, one
 * help text. The directory is created if missing; {@link org.softglass.cli.OutputGuard} finds it by its name
 * {@code --out}, locks it for the run and classifies write errors under it as output errors (exit 5).
 */
public final class OutputDir {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    private Path dir;

    /** The output directory as given on the command line (not yet created). */
    public Path dir() { return dir; }
}
