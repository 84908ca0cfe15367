package org.softglass.cli.models;

import java.util.concurrent.Callable;
import org.softglass.cli.options.OutputDir;
import picocli.CommandLine.Mixin;

/**
 * What every {@code trap} subcommand (equilibrium, relax, fragility, aging) takes: the trap-like model of paper 000 — its
 * parameter file or preset with the overrides ({@link TrapCommand.ModelOptions}) — and the directory its tables, plots,
 * {@code trap_parameters.json} and manifest go to.
 */
abstract class TrapSubcommand implements Callable<Integer> {
    @Mixin TrapCommand.ModelOptions model = new TrapCommand.ModelOptions();

    @Mixin OutputDir output = new OutputDir();
}
