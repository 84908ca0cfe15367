package org.softglass.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code pipeline} and {@code study} share: {@code --seed}, {@code --from}, {@code --threads} and
 * {@code --quiet}, and running the stages with their closing lines (a stopped stage: two lines and exit
 * {@link ExitCodes#FAILED}; done: the wall time and the report's path).
 */
final class PipelineRunOptions {
    @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from", paramLabel = "STAGE", description = "Rerun this stage and all after it.")
    String from;

    @Mixin
    RunOptions run = new RunOptions();

    int threads() { return run.threads(); }

    boolean quiet() { return run.quiet(); }

    /**
     * Runs every stage from {@code --from}.
     *
     * @param what the command's name in messages ({@code pipeline}, {@code study})
     * @return {@link ExitCodes#OK}, or {@link ExitCodes#FAILED} when a stage stopped (finished ones are kept)
     */
    int execute(String what, Pipeline pipeline, Path dir, PrintWriter err) throws IOException {
        long t0 = System.nanoTime();
        try {
            pipeline.run(from);
        } catch (Pipeline.PipelineException e) {
            err.println("softglass: " + what + " stopped: " + e.getMessage());
            err.println("softglass: finished stages are kept; rerun the same command to resume");
            err.flush();
            return ExitCodes.FAILED;
        }
        if (!quiet()) {
            err.printf("softglass %s: done in %.1f s; report: %s%n", what, (System.nanoTime() - t0) * 1e-9, dir.resolve("report").resolve("index.html"));
            err.flush();
        }
        return ExitCodes.OK;
    }
}
