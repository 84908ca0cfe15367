package org.softglass.cli.md;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.options.FrameBlock;
import org.softglass.cli.options.PairModelOption;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.Formats;
import org.softglass.cli.OptionChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.core.minimize.Algorithm;
import org.softglass.study.quench.QuenchStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code softglass quench DUMP --out DIR}: the inherent structure of every frame of a trajectory ({@link QuenchStudy}).
 * A frame that does not converge is written with {@code converged=false}; the command then ends with exit code
 * {@link ExitCodes#FAILED} and a one-line warning.
 */
@Command(name = "quench", mixinStandardHelpOptions = true,
        description = {"Minimise the potential energy of every frame of a trajectory to its inherent structure.",
                "Writes DIR/is.dump (id type x y z ix iy iz c_peatom), DIR/is_energy.csv "
                        + "(frame,timestep,u_is_per_atom,fnorm,fmax,iterations,force_evals,converged) and DIR/manifest.json.",
                "Tolerances as LAMMPS 'minimize etol ftol maxiter maxeval': ftol bounds the 2-norm of the 3N force vector, "
                        + "etol the relative energy change per iteration; limits apply to each stage of cg+fire."})
public final class QuenchCommand implements Callable<Integer> {
    static final List<String> COLUMNS = QuenchStudy.COLUMNS;
    static final String CSV_HEADER = QuenchStudy.CSV_HEADER;

    @Parameters(index = "0", paramLabel = "DUMP", description = "Trajectory, any number of frames: " + Formats.TRAJECTORY + ".")
    Path dump;

    @Mixin
    PairModelOption pairModel = new PairModelOption();

    @Option(names = "--min", defaultValue = "cg+fire", paramLabel = "ALG",
            description = "Minimiser: fire, cg, cg+fire (CG, then FIRE from where it stopped), lbfgs or lbfgs+fire "
                    + "(L-BFGS, then FIRE if needed; fewer force evaluations than CG).")
    String min;

    @Option(names = "--lbfgs-memory", defaultValue = "8", paramLabel = "M",
            description = "Number of (s, y) pairs L-BFGS keeps, 1..100 (lbfgs, lbfgs+fire only; default: ${DEFAULT-VALUE}).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int lbfgsMemory;

    @Option(names = "--ftol", defaultValue = "1e-10", description = "Force tolerance on |F|_2 of the 3N force vector (default: ${DEFAULT-VALUE}; 0 = off).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    double ftol;

    @Option(names = "--etol", defaultValue = "0", description = "Relative energy-change tolerance (default: ${DEFAULT-VALUE} = off).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    double etol;

    @Option(names = "--max-iter", defaultValue = "100000", paramLabel = "N", description = "Iteration limit per stage.")
    int maxIter;

    @Option(names = "--max-eval", defaultValue = "1000000", paramLabel = "N", description = "Force-evaluation limit per stage.")
    long maxEval;

    @Mixin
    FrameBlock frames = new FrameBlock();

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Algorithm algorithm = OptionChecks.minimiser(min, "--min");
        QuenchStudy.Request req = new QuenchStudy.Request(dump, pairModel.name(), algorithm, lbfgsMemory, ftol, etol, maxIter, maxEval,
                frames.range());
        QuenchStudy.Result r = QuenchStudy.run(req, run.dir(), run.context());
        if (r.warning() != null) {
            spec.commandLine().getErr().println("softglass: " + r.warning());
            spec.commandLine().getErr().flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
