package org.softglass.cli.models;

import org.softglass.cli.ExitCodes;
import org.softglass.study.trsp.TrspStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code softglass trsp run}: equilibrium TRSP dynamics at each temperature, independent trajectories from N(μ(T), K) in
 * parallel ({@link TrspStudy}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Equilibrium TRSP runs: Q, χ4, τ_χ, χ4*, S4/ξ4, block χ4, ⟨S⟩, C_S(r), detailed-balance counts; CSV + PNG + manifest.")
final class TrspRunCommand extends TrspStudyCommand {
    @Mixin TrspTemperatures temperatures = new TrspTemperatures();

    /** Lags per curve ({@link TrspStudy}). */
    static final int LAGS = 40;

    @Override
    public Integer call() throws Exception {
        TrspStudy.run(new TrspStudy.Request(model.parameters(), model.params, model.preset, model.side, model.clusterSize, model.facilitation, model.tol,
                temperatures.list(), sampling.trajectories(), sampling.events(), sampling.seed()), run.dir(), run.context());
        return ExitCodes.OK;
    }
}
