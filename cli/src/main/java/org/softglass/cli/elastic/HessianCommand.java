package org.softglass.cli.elastic;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.options.FmaxLimitOption;
import org.softglass.cli.options.PairModelOption;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.Formats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.study.elastic.HessianStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass hessian DUMP --out DIR}: the sparse Hessian of one inherent structure (paper 004,
 * Appendix A). Refuses a frame that is not at a minimum or has rattlers. Writes
 * {@code DIR/hessian_blocks.npy} (float64, entries × 8: i, j (slots), K_xx K_xy K_xz K_yy K_yz K_zz of
 * the pair block K_ij = ∂²u/∂r_i∂r_i, each interacting pair in both directions; M_ij = −K_ij and
 * M_ii = Σ_j K_ij), {@code DIR/hessian.json} (sizes, memory, assembly time, forces, energy) and with
 * {@code --modes} {@code DIR/eigenvalues.csv} (all 3N eigenvalues, LAPACK dsyevr; 3N ≤ 12000), plus
 * {@code DIR/manifest.json}.
 */
@Command(name = "hessian", mixinStandardHelpOptions = true,
        description = {"Assemble the sparse Hessian of an inherent structure (one frame of a trajectory).",
                "Writes DIR/hessian_blocks.npy (entries x 8: i j Kxx Kxy Kxz Kyy Kyz Kzz), DIR/hessian.json, "
                        + "with --modes DIR/eigenvalues.csv, and DIR/manifest.json."})
public final class HessianCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DUMP", description = "Inherent structures: " + Formats.TRAJECTORY + ".")
    Path dump;

    @Mixin
    PairModelOption pairModel = new PairModelOption();

    @Option(names = "--frame", defaultValue = "0", paramLabel = "K", description = "Frame index in the file.")
    int frame;

    @Mixin
    FmaxLimitOption fmaxLimit = new FmaxLimitOption();

    @Option(names = "--modes", description = "Also compute all eigenvalues (dense LAPACK dsyevr; 3N <= 12000).")
    boolean modes;

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws IOException {
        HessianStudy.Result r = HessianStudy.run(new HessianStudy.Request(dump, pairModel.name(), frame, fmaxLimit.limit(), modes), run.dir(), run.context());
        if (!run.quiet()) {
            System.out.printf("hessian: N=%d, %d interacting pairs, %.1f MB, assembled in %.3f s, fmax %.3g%n",
                    r.particles(), r.pairs(), r.memoryBytes() / 1e6, r.assemblySeconds(), r.fmax());
        }
        return ExitCodes.OK;
    }
}
