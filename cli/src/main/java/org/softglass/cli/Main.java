package org.softglass.cli;

import org.softglass.cli.softness.BarriersCommand;
import org.softglass.cli.softness.CorrelationsCommand;
import org.softglass.cli.structure.D2minCommand;
import org.softglass.cli.structure.DescriptorsCommand;
import org.softglass.cli.structure.DescriptorsMergeCommand;
import org.softglass.cli.md.EnergyCommand;
import org.softglass.cli.structure.EventsCommand;
import org.softglass.cli.md.ExportCommand;
import org.softglass.cli.softness.FluidityCommand;
import org.softglass.cli.softness.FluidityFiguresCommand;
import org.softglass.cli.dynamics.FsCommand;
import org.softglass.cli.elastic.HessianCommand;
import org.softglass.cli.md.MdAgingCommand;
import org.softglass.cli.elastic.MesoelasticCommand;
import org.softglass.cli.elastic.MesoelasticPoolCommand;
import org.softglass.cli.elastic.MesoelasticStudyCommand;
import org.softglass.cli.dynamics.OverlapCommand;
import org.softglass.cli.dynamics.PersistenceCommand;
import org.softglass.cli.structure.PhopCommand;
import org.softglass.cli.pipeline.PipelineCommand;
import org.softglass.cli.md.QuenchCommand;
import org.softglass.cli.md.QuenchMergeCommand;
import org.softglass.cli.elastic.ShearModulusCommand;
import org.softglass.cli.md.SimulateCommand;
import org.softglass.cli.softness.SoftnessCommand;
import org.softglass.cli.softness.SoftnessMergeCommand;
import org.softglass.cli.elastic.StiffnessCommand;
import org.softglass.cli.pipeline.StudyCommand;
import org.softglass.cli.softness.TrainCommand;
import org.softglass.cli.softness.TrainsetCommand;
import org.softglass.cli.models.TrapCommand;
import org.softglass.cli.models.TrspCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code softglass} command line: subcommands, one-line errors and named exit codes
 * (see {@link ExitCodes}), output locations locked while a command runs ({@link OutputGuard});
 * {@code --stacktrace} prints the full trace of an error.
 */
@Command(name = "softglass",
        mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        header = "softglass: softness-based glass physics, from particle trajectories to lattice models.",
        subcommands = {InfoCommand.class, EnergyCommand.class, SimulateCommand.class, QuenchCommand.class,
                DescriptorsCommand.class, PhopCommand.class, EventsCommand.class, PersistenceCommand.class, OverlapCommand.class, TrainsetCommand.class, D2minCommand.class,
                TrainCommand.class, SoftnessCommand.class, BarriersCommand.class, FluidityCommand.class, FluidityFiguresCommand.class, CorrelationsCommand.class,
                TrapCommand.class, TrspCommand.class, MdAgingCommand.class, ValidateCommand.class,
                HessianCommand.class, StiffnessCommand.class, ShearModulusCommand.class, FsCommand.class, MesoelasticCommand.class, MesoelasticStudyCommand.class, MesoelasticPoolCommand.class,
                PipelineCommand.class, StudyCommand.class, ExportCommand.class, QuenchMergeCommand.class, DescriptorsMergeCommand.class, SoftnessMergeCommand.class,
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
        cl.setExecutionStrategy(Main::executeLocked);
        cl.setCaseInsensitiveEnumValuesAllowed(true);   // enum options (--solver, --mode) take any case, as the string options did
        showDefaultValues(cl);
        return cl;
    }

    /**
     * Every command's help shows each option's default ("Default: …" after its description), picocli's
     * {@code showDefaultValues}, so no description has to repeat it; an option whose description explains its
     * default in words (e.g. 0 meaning "off"), and every required option (whose primitive field would show a
     * meaningless 0), hide the bare value with {@code showDefaultValue = NEVER}.
     */
    private static void showDefaultValues(CommandLine cl) {
        cl.getCommandSpec().usageMessage().showDefaultValues(true);
        for (CommandLine sub : cl.getSubcommands().values()) showDefaultValues(sub);
    }

    /**
     * Runs the parsed command, after refusing a non-finite value in any of its floating-point options
     * ({@link OptionChecks#finiteOptions}), holding the locks of its output locations ({@link OutputGuard}); any
     * failure, errors such as {@link OutOfMemoryError} included, becomes one line and an exit code
     * ({@link Errors}).
     */
    private static int executeLocked(CommandLine.ParseResult pr) {
        CommandLine cl = OutputGuard.deepest(pr).commandSpec().commandLine();
        if (CommandLine.printHelpIfRequested(pr)) return ExitCodes.OK;
        java.util.List<org.softglass.core.io.OutputLock> locks;
        try {
            OptionChecks.finiteOptions(OutputGuard.deepest(pr).commandSpec());
            locks = OutputGuard.lockAll(pr, cl.getErr());
        } catch (java.io.IOException | RuntimeException e) {
            return Errors.handle(e, cl, pr);
        }
        try {
            return new CommandLine.RunLast().execute(pr);
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (CommandLine.ExecutionException e) {
            return Errors.handle(e.getCause() != null ? e.getCause() : e, e.getCommandLine(), pr);
        } catch (RuntimeException | Error e) {
            return Errors.handle(e, cl, pr);
        } finally {
            OutputGuard.releaseAll(locks);
        }
    }

    public static void main(String[] args) {
        int rc = commandLine().execute(args);
        System.out.flush();
        System.exit(rc);
    }
}
