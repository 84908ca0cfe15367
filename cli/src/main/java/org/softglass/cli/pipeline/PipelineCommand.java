package org.softglass.cli.pipeline;

import org.softglass.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code softglass pipeline}: the whole softness study end to end on a built-in system (see
 * {@link Pipeline} for the stages and {@link PipelinePreset} for the presets), ending in
 * {@code DIR/report/index.html} and {@code DIR/report/summary.json}.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"The whole softness study end to end, from MD of KA at several temperatures to a report with the papers' numbers.",
                "simulate -> p_hop and events -> softness (SVM) -> P(R|S,T) and barrier fits -> C_S(r), dS -> the parameter file -> trap-model and TRSP predictions -> MD Q(t), chi4(t),",
                "<S>(T) -> report (DIR/report/index.html, summary.json).",
                "Stages: simulate, phop, train, softness, barriers, correlations, trap, trsp, observables, report.",
                "A rerun skips stages whose inputs are unchanged and resumes an interrupted one; --from STAGE reruns from there."})
public final class PipelineCommand extends PipelineRunCommand {
    @Option(names = "--preset", defaultValue = "demo",
            description = "demo (N = 1000, T = 0.90..0.61, inherent structures, under 10 min on 2 cores), paper-lite (N = 1000, T = 0.90..0.50, "
                    + "10 tau_alpha at every T, about 3 h), paper-ka (N = 10 000, T = 0.70..0.42, days) "
                    + "or smoke (N = 500, about a minute; for tests).")
    String preset;

    @Option(names = "--estimate", description = "Do not run: measure the MD, quench, descriptor and TRSP rates on this machine (30 s at N = 1000) "
            + "and print the preset's projected wall time per stage and in total.")
    boolean estimate;

    @Option(names = "--nodes", paramLabel = "K", description = "With --estimate: also project the wall time with --executor slurm on K nodes "
            + "(and 1, 2, 4, 8), each job one item on --threads cores.")
    Integer nodes;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/pipeline-PRESET).")
    Path out;

    @Override
    public boolean readsOnly() { return estimate || super.readsOnly(); }   // no lock on --out, also while a run holds it

    @Override
    public Path defaultOutput() {
        return out != null ? out : Path.of("runs", "pipeline-" + PipelinePreset.byName(preset).name());
    }

    @Override
    public Integer call() throws Exception {
        PipelinePreset p = PipelinePreset.byName(preset);
        Path dir = out != null ? out : Path.of("runs", "pipeline-" + p.name());
        if (run.statusOnly(dir, cmd.commandLine().getOut())) return ExitCodes.OK;
        int threads = run.threads();
        if (nodes != null && (!estimate || nodes < 1)) throw new IllegalArgumentException("--nodes needs --estimate and must be >= 1, got " + nodes);
        if (nodes == null) nodes = 8;
        if (estimate) {
            java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("softglass-estimate");
            PipelineRates r = PipelineRates.measure(p, threads, scratch);
            PrintWriter o = cmd.commandLine().getOut();
            o.print(PipelineEstimate.table(p, r, PipelineEstimate.project(p, r)));
            o.print(PipelineEstimate.clusterTable(p, r, nodes));
            o.flush();
            return ExitCodes.OK;
        }
        PipelineChecks.checkOptions(dir, run.from, threads, run.executor.quenchShards);   // before anything is created
        if (run.executor.quenchShards > 0 && !p.inherent()) {
            throw new IllegalArgumentException("--quench-shards: preset " + p.name() + " makes no inherent structures");
        }
        PrintWriter err = cmd.commandLine().getErr();
        if (!run.quiet()) {
            err.printf("softglass pipeline: preset %s, N = %d, %d temperatures, %d threads -> %s%n", p.name(), p.n(), p.temperatures().length,
                    threads, dir);
            err.flush();
        }
        return run.execute("pipeline", new Pipeline(p, dir, threads, run.seed, run.quiet(), err).quenchShards(run.executor.quenchShards)
                .softnessShards(run.executor.softnessShards), dir,
                java.util.List.of("pipeline", "--preset", p.name()), err);
    }
}
