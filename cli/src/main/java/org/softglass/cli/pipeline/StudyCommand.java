package org.softglass.cli.pipeline;

import org.softglass.cli.ExitCodes;
import org.softglass.cli.Formats;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass study CONFIG}: the pipeline's analysis — p_hop and events, training, softness, barriers,
 * correlations, trap and TRSP predictions, MD observables and the report — on the user's own
 * trajectories, named per temperature in a YAML or JSON file ({@link StudyConfig}). The configuration
 * and every trajectory are checked first ({@link StudyPlan}); then the stages run as in
 * {@code softglass pipeline}, with the same ledger: a rerun skips what is unchanged, an interrupted run
 * resumes, {@code --from STAGE} reruns from there.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"The whole softness analysis on your own trajectories, named per temperature in a YAML or JSON file.",
                "CONFIG maps temperatures to trajectories (" + Formats.TRAJECTORY + ") and sets the thresholds;",
                "keys and defaults: README, section 'Analyse your own trajectories'. Stages as the pipeline's from phop on:",
                "phop, train, softness, barriers, correlations, trap, trsp, observables, report (DIR/report/index.html, summary.json).",
                "A rerun skips stages whose inputs are unchanged and resumes an interrupted one; --from STAGE reruns from there."})
public final class StudyCommand extends PipelineRunCommand {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "Study configuration (.yaml, .yml or .json).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/study-NAME, NAME the configuration's file name).")
    Path out;

    @Override
    public Path defaultOutput() {
        if (out != null) return out;
        if (config == null) return null;
        return Path.of("runs", "study-" + config.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", ""));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = defaultOutput();
        if (run.statusOnly(dir, cmd.commandLine().getOut())) return ExitCodes.OK;
        int threads = run.threads();
        int shards = run.executor.quenchShards;
        PipelineChecks.checkOptions(dir, run.from, threads, shards);
        StudyPlan plan = StudyPlan.of(config);   // every check before anything is created
        PipelinePreset p = plan.preset();
        boolean quenches = plan.inputs() != null ? plan.inputs().quench() != null : p.inherent();
        if (shards > 0 && !quenches) {
            throw new IllegalArgumentException("--quench-shards splits the quench of the MD a study's 'simulate' block makes with inherent_structures: true, "
                    + "or of the thermal frames a 'quench' block quenches; " + (plan.inputs() != null ? "this study reads trajectories and quenches none"
                    : "this one makes none"));
        }
        PrintWriter err = cmd.commandLine().getErr();
        if (!run.quiet()) {
            err.printf("softglass study: %s, N = %d, %d temperatures (%s), %d threads -> %s%n", p.name(), p.n(), p.temperatures().length,
                    p.inherent() ? "inherent structures" : "thermal frames", threads, dir);
            err.flush();
        }
        Pipeline pipeline = new Pipeline(p, plan.inputs(), dir, threads, run.seed, run.quiet(), err).softnessShards(run.executor.softnessShards);
        if (plan.inputs() == null) pipeline.fromConfig(config);   // a 'simulate' study: its report names the file, not a preset
        pipeline.quenchShards(shards);
        return run.execute("study", pipeline, dir, java.util.List.of("study", config.toAbsolutePath().normalize().toString()), err);
    }
}
