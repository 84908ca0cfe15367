package org.softglass.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.elastic.DenseHessian;
import org.softglass.core.elastic.Hessian;
import org.softglass.core.elastic.HessianModes;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.Frame;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;
import org.softglass.study.elastic.ElasticSupport;
import picocli.CommandLine.Command;
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
final class HessianCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DUMP", description = "Inherent structures: " + Formats.TRAJECTORY + ".")
    Path dump;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path outDir;

    @Option(names = "--model", defaultValue = "ka", description = "Pair potential preset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = EnergyCommand.ModelNames.class)
    String model;

    @Option(names = "--frame", defaultValue = "0", paramLabel = "K", description = "Frame index in the file (default: ${DEFAULT-VALUE}).")
    int frame;

    @Option(names = "--fmax-limit", defaultValue = "1e-6", paramLabel = "F",
            description = "Refuse a frame whose largest force component exceeds F (not at a minimum; default: ${DEFAULT-VALUE}).")
    double fmaxLimit;

    @Option(names = "--modes", description = "Also compute all eigenvalues (dense LAPACK dsyevr; 3N <= 12000).")
    boolean modes;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        if (frame < 0) throw new IllegalArgumentException("--frame must be >= 0, got " + frame);
        PairPotential pot = Models.byName(model);
        Frame f = ElasticSupport.readFrame(dump, frame);
        try (f) {
            long t0 = System.nanoTime();
            try (Hessian h = ElasticSupport.checkedHessian(dump, frame, f, pot, fmaxLimit, run.threads())) {
                double seconds = (System.nanoTime() - t0) * 1e-9;
                ElasticSupport.makeDir(outDir);
                Path npy = outDir.resolve("hessian_blocks.npy"), json = outDir.resolve("hessian.json");
                try (NpyWriter w = NpyWriter.open(npy, NpyDType.FLOAT64, h.entries(), 8)) {
                    double[] row = new double[8];
                    for (int i = 0; i < h.size(); i++) {
                        int[] nb = h.neighbors(i);
                        double[] b = h.rowBlocks(i);
                        for (int k = 0; k < nb.length; k++) {
                            row[0] = i;
                            row[1] = nb[k];
                            System.arraycopy(b, 6 * k, row, 2, 6);
                            w.writeRow(row);
                        }
                    }
                }
                double[] ev = null;
                if (modes) {
                    if (h.dimension() > DenseHessian.MAX_ORDER) {
                        throw new IllegalArgumentException("--modes needs 3N <= " + DenseHessian.MAX_ORDER + ", got " + h.dimension());
                    }
                    HessianModes hm = HessianModes.of(h);
                    ev = hm.eigenvalues();
                    StringBuilder sb = new StringBuilder("mode,eigenvalue\n");
                    for (int k = 0; k < ev.length; k++) sb.append(k).append(',').append(ev[k]).append('\n');
                    Csv.writeText(outDir.resolve("eigenvalues.csv"), sb);
                }
                StringBuilder js = new StringBuilder("{\n");
                js.append("  \"particles\": ").append(h.size()).append(",\n");
                js.append("  \"dimension\": ").append(h.dimension()).append(",\n");
                js.append("  \"interacting_pairs\": ").append(h.pairs()).append(",\n");
                js.append("  \"stored_blocks\": ").append(h.entries()).append(",\n");
                js.append("  \"memory_bytes\": ").append(h.memoryBytes()).append(",\n");
                js.append("  \"assembly_seconds\": ").append(seconds).append(",\n");
                js.append("  \"energy\": ").append(h.energy()).append(",\n");
                js.append("  \"fmax\": ").append(h.maxForce()).append(",\n");
                js.append("  \"fnorm\": ").append(h.forceNorm());
                if (ev != null) js.append(",\n  \"lowest_nonzero_eigenvalue\": ").append(ev[3]).append(",\n  \"largest_eigenvalue\": ").append(ev[ev.length - 1]);
                js.append("\n}\n");
                Csv.writeText(json, js);
                Manifest m = new Manifest(Version.get(), "hessian").param("model", pot.name()).param("potential", pot.description())
                        .param("frame", frame).param("fmax_limit", fmaxLimit).param("modes", modes).param("threads", run.threads())
                        .input(dump).output(npy).output(json)
                        .result("stored_blocks", h.entries()).result("memory_bytes", h.memoryBytes()).result("fmax", h.maxForce());
                if (ev != null) m.output(outDir.resolve("eigenvalues.csv")).result("lowest_nonzero_eigenvalue", ev[3]);
                m.write(outDir.resolve("manifest.json"));
                if (!run.quiet()) {
                    System.out.printf("hessian: N=%d, %d interacting pairs, %.1f MB, assembled in %.3f s, fmax %.3g%n",
                            h.size(), h.pairs(), h.memoryBytes() / 1e6, seconds, h.maxForce());
                }
            }
        }
        return ExitCodes.OK;
    }
}
