package org.softglass.cli.elastic;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.options.DipoleOptions;
import org.softglass.cli.options.InherentEnsemble;
import org.softglass.cli.options.SolverToleranceOption;
import org.softglass.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.study.elastic.StiffnessStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass stiffness DUMP... --out DIR}: dipole stiffnesses κ_ij (paper 004, eq A4) of random interacting pairs in
 * every inherent structure of the dumps, the local κ_i and the ensemble mean κ(T_p) ({@link StiffnessStudy}).
 */
@Command(name = "stiffness", mixinStandardHelpOptions = true,
        description = {"Dipole stiffness kappa_ij (paper 004 eq A4) of random interacting pairs in inherent structures.",
                "Writes DIR/dipoles.csv, DIR/local_kappa.csv, DIR/stiffness.json, DIR/kappa_distribution.png, DIR/manifest.json."})
public final class StiffnessCommand implements Callable<Integer> {
    @Mixin
    InherentEnsemble ensemble = new InherentEnsemble();

    @Mixin
    DipoleOptions dipoles = new DipoleOptions();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the pair choice (structure k uses seed + k; default: ${DEFAULT-VALUE}).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    long seed;

    @Option(names = "--solver", defaultValue = "cg", description = "cg (projected conjugate gradient) or cholesky (dense, pinned particle; 3N <= 12000).")
    String solver;

    @Mixin
    SolverToleranceOption tol = new SolverToleranceOption();

    @Option(names = "--max-iter", defaultValue = "0", paramLabel = "N", description = "CG iteration limit (default 0: 10 x 3N).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int maxIter;

    @Option(names = "--mobility", paramLabel = "FILE", description = "CSV id,mobility (the first structure's particles) or frame,id,mobility (any structures): Spearman "
            + "C_s(1/kappa_i, mobility) per species averaged over the structures (paper 004), and pooled for the first.")
    Path mobility;

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws IOException {
        StiffnessStudy.Solver sv = switch (solver) {
            case "cg" -> StiffnessStudy.Solver.CG;
            case "cholesky" -> StiffnessStudy.Solver.CHOLESKY;
            default -> throw new IllegalArgumentException("--solver must be cg or cholesky, got '" + solver + "'");
        };
        StiffnessStudy.Result r = StiffnessStudy.run(new StiffnessStudy.Request(ensemble.dumps(), ensemble.model(), dipoles.count(), dipoles.allPairs(), seed, sv,
                tol.tol(), maxIter, ensemble.fmaxLimit(), ensemble.parentTemperature(), mobility), run.dir(), run.context());
        if (!run.quiet()) {
            System.out.printf("stiffness: %d structures, %d dipoles, kappa = %.6g%s%n", r.structures(), r.dipoles(), r.kappaMean(),
                    Double.isFinite(r.kappaSem()) ? String.format(" +- %.2g (s.e. over structures)", r.kappaSem()) : " (one structure: no error over structures)");
        }
        return ExitCodes.OK;
    }

    /** The mobility CSV ({@link StiffnessStudy#readMobility}). */
    public static Map<Integer, Map<Long, Double>> readMobility(Path file) throws IOException { return StiffnessStudy.readMobility(file); }
}
