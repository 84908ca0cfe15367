package org.softglass.cli.pipeline;

import org.softglass.cli.slurm.ExecutorOptions;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.RunOptions;
import org.softglass.cli.slurm.Slurm;
import org.softglass.cli.slurm.JobScripts;
import org.softglass.cli.slurm.SlurmExecutor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code pipeline} and {@code study} share: {@code --seed}, {@code --from}, {@code --threads}, {@code --quiet}
 * and where the items run ({@link ExecutorOptions}), and running the stages with their closing lines (a stopped stage:
 * two lines and exit {@link ExitCodes#FAILED}; done: the wall time and the report's path).
 */
final class PipelineRunOptions {
    @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice.")
    long seed;

    @Option(names = "--from", paramLabel = "STAGE", description = "Rerun this stage and all after it.")
    String from;

    @Option(names = "--status", description = "Do not run: print what the run directory (--out) has done so far, stage by stage, "
            + "with the progress of a running MD item; works while the run goes on.")
    boolean status;

    @Mixin
    RunOptions run = new RunOptions();

    @Mixin
    ExecutorOptions executor = new ExecutorOptions();

    /** Whether this invocation writes nothing under {@code --out} itself: one batch item locks its own record instead. */
    boolean itemOnly() { return executor.item != null; }

    /** Whether this invocation takes no lock on {@code --out}: {@code --status}, one batch item, or submitting to slurm. */
    boolean readsOnly() { return status || itemOnly() || executor.slurm(); }

    /**
     * Checks the run directory and these options ({@link #check}); with {@code --status} prints the run's state.
     *
     * @return true when {@code --status} printed the state: nothing is left to do
     * @throws IllegalArgumentException naming the option
     */
    boolean statusOnly(Path dir, PrintWriter out) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IllegalArgumentException("--out: " + dir + " exists and is not a directory");
        check(dir);
        if (!status) return false;
        out.print(PipelineStatus.of(dir));
        out.flush();
        return true;
    }

    int threads() { return run.threads(); }

    boolean quiet() { return run.quiet(); }

    /**
     * Runs every stage from {@code --from} here ({@code --executor local}), or the one item {@code --item}, or submits
     * every item not yet done as a batch job ({@code --executor slurm}).
     *
     * @param what the command's name in messages ({@code pipeline}, {@code study})
     * @param args the command's own arguments that select the run (e.g. {@code pipeline --preset smoke}, or
     *     {@code study /abs/config.yaml}), for the batch jobs' command line
     * @return {@link ExitCodes#OK}, or {@link ExitCodes#FAILED} when a stage stopped (finished ones are kept)
     */
    int execute(String what, Pipeline pipeline, Path dir, List<String> args, PrintWriter err) throws IOException {
        long t0 = System.nanoTime();
        try {
            if (executor.slurm()) {
                String abs = dir.toAbsolutePath().normalize().toString();
                PipelineLocks.checkNoWholeRun(pipeline.out, what + " --executor slurm");
                List<String> cmd = new ArrayList<>(JobScripts.javaCommand());
                cmd.addAll(args);
                if (executor.quenchShards > 0) cmd.addAll(List.of("--quench-shards", Integer.toString(executor.quenchShards)));
                if (executor.softnessShards > 0) cmd.addAll(List.of("--softness-shards", Integer.toString(executor.softnessShards)));
                cmd.addAll(List.of("--out", abs, "--threads", Integer.toString(threads()), "--seed", Long.toString(seed)));
                SlurmExecutor ex = new SlurmExecutor(dir, executor.settings(threads()), cmd);
                List<Pipeline.Planned> plan = pipeline.plan(from);
                var subs = ex.submit(plan, executor.dryRun ? null : Slurm.commands());
                SlurmExecutor.report(err, subs, dir, executor.dryRun);
                return ExitCodes.OK;
            }
            if (executor.item != null) pipeline.runItem(executor.item);
            else pipeline.run(from);
        } catch (PipelineException e) {
            err.println("softglass: " + what + " stopped: " + e.getMessage());
            err.println(executor.item != null ? "softglass: finished stages are kept; rerun the submitting command (--executor slurm) to resubmit"
                    : "softglass: finished stages are kept; rerun the same command to resume");
            err.flush();
            return ExitCodes.FAILED;
        }
        if (!quiet()) {
            if (executor.item != null) err.printf("softglass %s: item %s done in %.1f s%n", what, executor.item, (System.nanoTime() - t0) * 1e-9);
            else err.printf("softglass %s: done in %.1f s; report: %s%n", what, (System.nanoTime() - t0) * 1e-9, dir.resolve("report").resolve("index.html"));
            err.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Checks the executor options, {@code --from} with them, and the run directory for the slurm executor.
     *
     * @throws IllegalArgumentException naming the option
     */
    void check(Path dir) {
        executor.check();
        String abs = dir.toAbsolutePath().normalize().toString();
        if (executor.slurm() && abs.matches(".*[\\s%'\"\\\\].*")) {
            throw new IllegalArgumentException("--out: " + abs + " has a space, %, quote or backslash, which sbatch's --output cannot take; "
                    + "choose another directory for --executor slurm");
        }
        if (executor.item != null && from != null) throw new IllegalArgumentException("--item runs one item as it is due; it cannot be combined with --from");
        if (executor.dryRun && from != null) {
            throw new IllegalArgumentException("--dry-run cannot be combined with --from: the scripts' jobs would find those stages done; submit with "
                    + "--from (without --dry-run), or rerun the stages here");
        }
    }
}
