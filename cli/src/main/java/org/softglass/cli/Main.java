package org.softglass.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code softglass} command line: subcommands, one-line errors and named exit codes
 * (see {@link ExitCodes}); {@code --stacktrace} prints the full trace of an error.
 */
@Command(name = "softglass",
        mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        header = "softglass: softness-based glass physics, from particle trajectories to lattice models.",
        subcommands = {InfoCommand.class, EnergyCommand.class, SimulateCommand.class, QuenchCommand.class,
                DescriptorsCommand.class, PhopCommand.class, EventsCommand.class, PersistenceCommand.class, TrainsetCommand.class, D2minCommand.class,
                TrainCommand.class, SoftnessCommand.class, BarriersCommand.class, FluidityCommand.class, CorrelationsCommand.class,
                TrapCommand.class, TrspCommand.class, ValidateCommand.class,
                HessianCommand.class, StiffnessCommand.class, ShearModulusCommand.class, FsCommand.class, MesoelasticCommand.class,
                PipelineCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Option(names = "--stacktrace", description = "Print the full stack trace of an error.", scope = CommandLine.ScopeType.INHERIT)
    boolean stacktrace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the configured command line (used by tests too). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new Errors());
        cl.setParameterExceptionHandler(new Errors.Usage());
        return cl;
    }

    public static void main(String[] args) {
        int rc = commandLine().execute(args);
        System.out.flush();
        System.exit(rc);
    }
}
