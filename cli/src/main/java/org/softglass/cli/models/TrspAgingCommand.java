package org.softglass.cli.models;

import org.softglass.cli.ExitCodes;
import org.softglass.cli.OptionChecks;
import java.util.List;
import org.softglass.study.trsp.TrspAgingStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass trsp aging}: quench from the equilibrium of T_I and evolve at each T_F ({@code 002} §VII C;
 * {@link TrspAgingStudy}, which writes DIR/aging.csv, DIR/aging.png and DIR/manifest.json). The temperatures are
 * checked here, where their options are spelled {@code --T-initial} and {@code --T-final}.
 */
@Command(name = "aging", mixinStandardHelpOptions = true, description = "Aging after a quench T_I → T_F: ⟨S(t)⟩; CSV + PNG + manifest.")
final class TrspAgingCommand extends TrspStudyCommand {
    @Option(names = "--T-initial", required = true, paramLabel = "T_I", description = "Temperature of the initial equilibrium.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    double tInitial;

    @Option(names = "--T-final", required = true, split = ",", paramLabel = "T_F[,T_F...]", description = "Temperatures after the quench.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    List<Double> tFinal;

    @Override
    public Integer call() throws Exception {
        OptionChecks.positive(tInitial, "--T-initial");
        for (double t : tFinal) OptionChecks.positive(t, "--T-final");
        TrspAgingStudy.run(new TrspAgingStudy.Request(model.setup(), tInitial, tFinal, sampling.trajectories(), sampling.events(), sampling.seed()), run.dir(), run.context());
        return ExitCodes.OK;
    }
}
