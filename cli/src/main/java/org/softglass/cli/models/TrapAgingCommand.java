package org.softglass.cli.models;

import org.softglass.cli.options.SerialRunOptions;
import org.softglass.cli.options.AgingQuenchOptions;
import org.softglass.cli.ExitCodes;
import org.softglass.study.trap.TrapAgingStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass trap aging}: ⟨S(t_w)⟩ after a quench T_I → T_F from the master equation (eq 5), optionally with M
 * simulated sites ({@link TrapAgingStudy}, which writes aging.csv, aging_density.csv, aging_mean_s.png,
 * trap_parameters.json and aging.manifest.json).
 */
@Command(name = "aging", mixinStandardHelpOptions = true,
        description = {"Aging of <S> after a quench from equilibrium at T_I to T_F (the master equation, eq 5).",
                "On a fine S grid, integrated exactly per bin with a linear-in-time rearrangement flux (2nd order, log-spaced steps)."})
final class TrapAgingCommand extends TrapSubcommand {
    static final String CSV_HEADER = TrapAgingStudy.CSV_HEADER;

    @Mixin AgingQuenchOptions quench = new AgingQuenchOptions();

    @Option(names = "--bins", defaultValue = "2000", description = "S bins.")
    int bins;

    @Option(names = "--tw-min", defaultValue = "1", description = "First waiting time.")
    double twMin;

    @Option(names = "--tw-max", defaultValue = "1e10", description = "Last waiting time.")
    double twMax;

    @Option(names = "--outputs-per-decade", defaultValue = "10", description = "Output times per decade.")
    int perDecade;

    @Option(names = "--steps-per-output", defaultValue = "20", description = "Time steps between outputs (default: ${DEFAULT-VALUE}; error in <S> ~1e-6 at 200 steps/decade).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int perOutput;

    @Mixin TrapSites sites = new TrapSites();

    @Mixin SerialRunOptions run = new SerialRunOptions();

    @Override
    public Integer call() throws Exception {
        TrapAgingStudy.run(new TrapAgingStudy.Request(model.studyModel(), quench.initial(), quench.finals(), bins, twMin, twMax, perDecade, perOutput,
                sites.count(), sites.seed()),
                output.dir(), run.context());
        return ExitCodes.OK;
    }
}
