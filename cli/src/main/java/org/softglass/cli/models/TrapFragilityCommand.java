package org.softglass.cli.models;

import org.softglass.cli.options.SerialRunOptions;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.OptionChecks;
import java.nio.file.Path;
import org.softglass.study.trap.TrapFragilityStudy;
import org.softglass.study.trap.TrapStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass trap fragility}: eq 22 for the model's relaxation time (τ_Q, τ_½ or τ_χ at each temperature of
 * {@code --t-range} below {@code --fit-max-t}) and, with {@code --md FILE}, for an MD τ(T) table ({@link TrapFragilityStudy},
 * which writes fragility.csv, fragility.json with m (natural log) and m_decimal (Angell's log10), fragility.png and
 * fragility.manifest.json).
 */
@Command(name = "fragility", mixinStandardHelpOptions = true,
        description = {"Fragility index m = d ln tau / d(T_g/T) at T_g (eq 22) of the trap-like model and/or an MD tau(T) table.",
                "T_g is where a parabolic-law fit of ln tau vs 1/T reaches tau_g; for the trap-like model's tau and/or an MD tau(T) table (CSV: T,tau with optional header)."})
final class TrapFragilityCommand extends TrapSubcommand {
    @Mixin TrapTemperatures temperatures = new TrapTemperatures();

    @Option(names = "--tau", defaultValue = "Q", description = "Model relaxation time: Q (Q = 1/e), half (Q = 1/2) or chi (chi4 peak); default: ${DEFAULT-VALUE}.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    String tau;

    @Option(names = "--fit-max-t", description = "Fit only model temperatures below this (default: T0, above which the model is Arrhenius).")
    Double fitMaxT;

    @Option(names = "--md", paramLabel = "FILE", description = "MD relaxation-time table (CSV, columns T and tau...).")
    Path md;

    @Option(names = "--no-model", description = "Only the MD table.")
    boolean noModel;

    @Option(names = "--tau-g", defaultValue = "1e7", description = "tau at T_g, in the time unit of the data.")
    double tauG;

    @Option(names = "--tg", description = "Also report m at this fixed T_g (000 uses T_g = 0.40 for KA); 'm_at_fixed_tg' in fragility.json.")
    Double tgFixed;

    @Mixin SerialRunOptions run = new SerialRunOptions();

    @Override
    public Integer call() throws Exception {
        if (fitMaxT != null) OptionChecks.positive(fitMaxT, "--fit-max-t");   // checked with --no-model too, as before the study
        TrapStudy.Model m = model.studyModel();
        TrapFragilityStudy.ModelSide side = noModel ? null
                : new TrapFragilityStudy.ModelSide(m, temperatures.list("0.40:0.85:19"), tau, fitMaxT);
        TrapFragilityStudy.run(new TrapFragilityStudy.Request(side, md, tauG, tgFixed), output.dir(),
                run.context());
        return ExitCodes.OK;
    }
}
