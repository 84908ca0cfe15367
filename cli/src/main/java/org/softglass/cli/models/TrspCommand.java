package org.softglass.cli.models;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code softglass trsp run|aging|check}: the TRSP lattice model of paper 002. */
@Command(name = "trsp", mixinStandardHelpOptions = true,
        description = {"The time-reversible structuro-plastic (TRSP) lattice model of softness (paper 002).",
                "run: equilibrium dynamics, Q(t), χ4(t), τ_χ, χ4*, S4 and ξ4, block χ4, ⟨S⟩ and C_S(r), detailed balance.",
                "aging: ⟨S(t)⟩ after a quench T_I → T_F.  check: resolve the model and report K, H and window figures."},
        subcommands = {TrspRunCommand.class, TrspAgingCommand.class, TrspCheckCommand.class, CommandLine.HelpCommand.class})
public final class TrspCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(System.out); }
}
