package org.softglass.cli.md;

import org.softglass.cli.options.OutputRunOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.OptionNames;
import org.softglass.cli.options.AgingQuenchOptions;
import org.softglass.cli.options.EquilibrationOption;
import org.softglass.cli.options.MdSystemOptions;
import org.softglass.cli.options.MeltOptions;
import org.softglass.cli.options.ThermostatOptions;
import org.softglass.study.aging.MdAgingStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass md-aging}: MD aging of the softness after an instantaneous quench T_I → T_F, beside the
 * trap master equation and the TRSP model ({@link MdAgingStudy}: R replicas quenched from T_I to each T_F,
 * ⟨S⟩(t_w) of the A particles as mean ± standard error over replicas; the model curves' times divided by the
 * matching factors of the pipeline's {@code summary.json} or given explicitly, else "unmatched").
 *
 * <p>Outputs in --out: aging.csv ({@value MdAgingStudy#CSV_HEADER}; t_w in τ), aging.json ({@value MdAgingStudy#SCHEMA}), aging.png,
 * manifest.json, and replicas/rNNN/ with the MD runs (resumable). Prints one summary line per T_F on stderr
 * unless --quiet.
 */
@Command(name = "md-aging", mixinStandardHelpOptions = true,
        description = {"MD aging after a quench T_I -> T_F: <S>(t_w) of A particles over replicas, beside the trap and TRSP models.",
                "<S>(t_w) is the mean +- SE over independent replicas; the models' times are matched by the pipeline's factors.",
                "Writes aging.csv, aging.json, aging.png, manifest.json and replicas/ (resumable) in --out."})
public final class MdAgingCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "Softness model (softglass train), e.g. RUN/train/model/model.json.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Path modelFile;
    @Option(names = "--params", paramLabel = "FILE", description = "Model-parameter JSON for the trap and TRSP curves and the equilibrium <S>(T_F): the file the pipeline's TRSP ran with,"
            + " RUN/trsp/model-parameters-trsp.json (C_S and kicks made usable on the lattice), else RUN/correlations/model-parameters.json. Required unless --no-models.")
    Path params;
    @Option(names = "--no-models", description = "MD only: no trap or TRSP curve.")
    boolean noModels;
    @Option(names = "--summary", paramLabel = "summary.json", description = "Pipeline summary whose time_matching factors map model times to MD times (else factors 1: unmatched).")
    Path summary;
    @Option(names = "--trap-factor", paramLabel = "F", description = "Trap matching factor f (overrides --summary).")
    Double trapFactor;
    @Option(names = "--trsp-factor", paramLabel = "F", description = "TRSP matching factor f (overrides --summary).")
    Double trspFactor;
    @Mixin
    AgingQuenchOptions quench = new AgingQuenchOptions();
    @Mixin
    MdSystemOptions system = new MdSystemOptions();
    @Option(names = "--replicas", defaultValue = "4", paramLabel = "R", description = "Independent quenches, seeds seed+r.")
    int replicas;
    @Mixin
    EquilibrationOption equilibrate = new EquilibrationOption(4000);
    @Mixin
    MeltOptions melt = new MeltOptions();
    @Option(names = "--initial", paramLabel = "DUMP", description = "Start every replica from the last frame of this dump (then --equilibrate steps at T_I with the replica's own velocities;"
            + " replicas are independent only if that is several tau_alpha(T_I)).")
    Path initial;
    @Mixin
    ThermostatOptions thermostat = new ThermostatOptions();
    @Option(names = "--tw-min", defaultValue = "0.1", description = "First non-zero waiting time in tau.")
    double twMin;
    @Option(names = "--tw-max", defaultValue = "100", description = "Last waiting time in tau.")
    double twMax;
    @Option(names = "--per-decade", defaultValue = "5", description = "Waiting times per decade.")
    int perDecade;
    @Option(names = "--positions", paramLabel = "inherent|thermal", description = "Positions of the softness: default from --summary (settings.inherent_structures), else inherent.")
    String positions;
    @Option(names = "--trap-bins", defaultValue = "2000", description = "S bins of the trap master equation.")
    int trapBins;
    @Option(names = "--trsp-L", defaultValue = "16", description = "TRSP lattice side (default: ${DEFAULT-VALUE}, the demo preset's).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int trspL;
    @Option(names = "--trsp-m", defaultValue = "4", description = "TRSP cluster size, 1 or 4.")
    int trspM;
    @Option(names = "--trsp-tol", defaultValue = "1e-2", description = "TRSP kick window tolerance.")
    double trspTol;
    @Option(names = "--trsp-trajectories", defaultValue = "8", description = "TRSP trajectories per T_F.")
    int trspTrajectories;
    @Option(names = "--seed", defaultValue = "1", description = "Base seed.")
    long seed;
    @Mixin
    OutputRunOptions run = new OutputRunOptions();
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() throws Exception {
        Boolean inherent = positions == null ? null : switch (positions) {
            case "inherent" -> true;
            case "thermal" -> false;
            default -> throw new IllegalArgumentException("--positions must be inherent or thermal, got '" + positions + "'");
        };
        MdAgingStudy.Request req = new MdAgingStudy.Request(modelFile,
                new MdAgingStudy.Quench(quench.initial(), quench.finals(), system.n(), system.density(), replicas, equilibrate.steps(), melt.steps(),
                        melt.temperature(), initial, thermostat.dt(), thermostat.tdamp(), twMin, twMax, perDecade, inherent),
                new MdAgingStudy.Curves(params, noModels, trapBins, trspL, trspM, trspTol, trspTrajectories),
                new MdAgingStudy.Matching(summary, trapFactor, trspFactor), seed, OptionNames::of);
        MdAgingStudy.Result r = MdAgingStudy.run(req, run.dir(), run.context());
        if (!run.quiet()) {
            java.io.PrintWriter err = cmd.commandLine().getErr();
            for (String line : r.summaries()) err.println("softglass: md-aging " + line);
            err.flush();
        }
        return ExitCodes.OK;
    }
}
