package org.softglass.study.elastic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.softglass.core.elastic.DenseHessian;
import org.softglass.core.elastic.Hessian;
import org.softglass.core.elastic.HessianModes;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.Frame;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * The sparse Hessian of one inherent structure ({@link Hessian}: 3×3 blocks of every interacting pair, refused when
 * the frame is not at a minimum or has rattlers), optionally with every eigenvalue (dense LAPACK dsyevr, 3N ≤
 * {@value DenseHessian#MAX_ORDER}). Writes {@code DIR/hessian_blocks.npy} (float64, rows i, j, then the 6 independent
 * entries of block ij), {@code DIR/hessian.json}, {@code DIR/eigenvalues.csv} (with modes) and {@code DIR/manifest.json}.
 * For a model with a three-body term (Stillinger–Weber) also {@code DIR/hessian_triplet_blocks.npy} (float64, rows l, m,
 * then the 9 entries of the general block B_lm = ∂²U₃/∂r_l∂r_m row-major): the full matrix is
 * {@code M_ii = Σ_j K_ij, M_ij = −K_ij} from the pair blocks plus every B_lm.
 */
public final class HessianStudy {
    private HessianStudy() {}

    /**
     * @param frame     the frame index in the file (0-based)
     * @param fmaxLimit a frame whose largest force component exceeds this is refused
     * @param modes     also every eigenvalue
     */
    public record Request(Path dump, String model, int frame, double fmaxLimit, boolean modes) {
        public Request {
            Checks.atLeast(frame, 0, "frame");
        }
    }

    /** @param lowestNonzeroEigenvalue the fourth eigenvalue (three are translations), NaN without modes */
    public record Result(int particles, long pairs, long memoryBytes, double assemblySeconds, double fmax, double lowestNonzeroEigenvalue) {}

    /** Assembles the Hessian of {@code req} and writes {@code outDir}. */
    public static Result run(Request req, Path outDir, StudyContext ctx) throws IOException {
        PairPotential pot = Models.byName(req.model());
        Path dump = req.dump();
        int frame = req.frame();
        Result res;
        Frame f = ElasticSupport.readFrame(dump, frame);
        try (f) {
            long t0 = System.nanoTime();
            try (Hessian h = ElasticSupport.checkedHessian(dump, frame, f, pot, req.fmaxLimit(), ctx.threads())) {
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
                Path tripletNpy = null;
                if (h.tripletBlockCount() > 0) {
                    tripletNpy = outDir.resolve("hessian_triplet_blocks.npy");
                    try (NpyWriter w = NpyWriter.open(tripletNpy, NpyDType.FLOAT64, h.tripletBlockCount(), 11)) {
                        double[] row = new double[11];
                        for (int l = 0; l < h.size(); l++) {
                            double[] b = h.tripletRowBlocks(l);
                            for (int k = 0; k < b.length / 10; k++) {
                                row[0] = l;
                                System.arraycopy(b, 10 * k, row, 1, 10);
                                w.writeRow(row);
                            }
                        }
                    }
                }
                double[] ev = null;
                if (req.modes()) {
                    if (h.dimension() > DenseHessian.MAX_ORDER) {
                        throw new InvalidParameter("{modes} needs 3N <= " + DenseHessian.MAX_ORDER + ", got " + h.dimension());
                    }
                    HessianModes hm = HessianModes.of(h);
                    ev = hm.eigenvalues();
                    StringBuilder sb = new StringBuilder("mode,eigenvalue\n");
                    for (int k = 0; k < ev.length; k++) sb.append(k).append(',').append(ev[k]).append('\n');
                    CsvRows.writeText(outDir.resolve("eigenvalues.csv"), sb);
                }
                Map<String, Object> js = JsonFile.map("particles", h.size(), "dimension", h.dimension(), "interacting_pairs", h.pairs(),
                        "stored_blocks", h.entries(), "memory_bytes", h.memoryBytes(), "assembly_seconds", seconds, "energy", h.energy(),
                        "fmax", h.maxForce(), "fnorm", h.forceNorm());
                if (tripletNpy != null) js.put("triplet_blocks", h.tripletBlockCount());
                if (ev != null) {
                    js.put("lowest_nonzero_eigenvalue", ev[3]);
                    js.put("largest_eigenvalue", ev[ev.length - 1]);
                }
                JsonFile.write(json, js);
                Manifest m = new Manifest(ctx.version(), "hessian").param("model", pot.name()).param("potential", pot.description())
                        .param("frame", frame).param("fmax_limit", req.fmaxLimit()).param("modes", req.modes()).param("threads", ctx.threads())
                        .input(dump).output(npy).output(json)
                        .result("stored_blocks", h.entries()).result("memory_bytes", h.memoryBytes()).result("fmax", h.maxForce());
                if (tripletNpy != null) m.output(tripletNpy).result("triplet_blocks", h.tripletBlockCount());
                if (ev != null) m.output(outDir.resolve("eigenvalues.csv")).result("lowest_nonzero_eigenvalue", ev[3]);
                m.write(outDir.resolve("manifest.json"));
                res = new Result(h.size(), h.pairs(), h.memoryBytes(), seconds, h.maxForce(), ev == null ? Double.NaN : ev[3]);
            }
        }
        return res;
    }
}
