package org.softglass.study.mesoelastic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.softglass.core.elastic.DipoleStiffness;
import org.softglass.core.elastic.Hessian;
import org.softglass.core.elastic.HessianCg;
import org.softglass.core.elastic.ShearModulus;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.Frame;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.stats.Descriptive;
import org.softglass.study.StudyContext;
import org.softglass.study.elastic.ElasticSupport;

/**
 * κ and G of one ensemble of inherent structures (parent temperature T_p), both from one Hessian per structure, the
 * structures in parallel: the dipole stiffnesses κ_ij of paper 004 eq A4 ({@link DipoleStiffness#solveCg}: batches of
 * {@value DipoleStiffness#BATCH} right-hand sides in one blocked CG) of random interacting pairs, or of every pair, and
 * the athermal shear modulus G of eq A1 ({@link ShearModulus}, with the scalar Hessian product so that G has the same
 * bits run to run). Each worker of the context's team takes whole
 * structures with a one-thread Hessian, so a structure's numbers do not depend on the thread count; the pairs of
 * structure k are drawn with seed + k, as {@code StiffnessStudy} does, so {@code softglass stiffness is.dump --seed S}
 * gives the same κ_ij. Structures that are not at a minimum or have rattlers are refused
 * ({@link ElasticSupport#checkedHessian}).
 *
 * <p>Writes {@code DIR/dipoles.csv} ({@code frame,i_id,j_id,kappa,iterations,residual}, as {@code stiffness}) and
 * {@code DIR/structures.csv} ({@code frame,dipoles,kappa_mean,G,born,non_affine,G_iterations}). Memory: batches of 4
 * frames per worker, one Hessian per worker (≈ 2 × 9 × 8 B per interacting pair) and every κ_ij.
 */
final class EnsembleElasticity {
    private EnsembleElasticity() {}

    /**
     * @param dipoles   random interacting pairs per structure (all pairs when fewer); ignored with {@code allPairs}
     * @param allPairs  every interacting pair instead
     * @param seed      the pair choice of structure k uses seed + k
     * @param tol       the CG relative residual tolerance of κ and of G's non-affine term
     * @param fmaxLimit structures with a force component above this are refused (ε/σ)
     */
    record Settings(int dipoles, boolean allPairs, long seed, double tol, double fmaxLimit) {}

    /**
     * The ensemble's numbers.
     *
     * @param structures   inherent structures
     * @param dipoles      κ_ij computed in all
     * @param kappaMean    ⟨κ⟩: the mean of the per-structure means (ε/σ²)
     * @param kappaSem     its standard error over structures (NaN for one)
     * @param kappaMedian  the median of every κ_ij (ε/σ²)
     * @param gMean        ⟨G⟩ over structures (ε/σ³)
     * @param gSem         its standard error over structures (NaN for one)
     * @param kappaPerStructure the mean κ_ij of each structure, in order
     * @param gPerStructure G of each structure, in order
     */
    record Result(int structures, int dipoles, double kappaMean, double kappaSem, double kappaMedian, double gMean, double gSem,
                  double[] kappaPerStructure, double[] gPerStructure) {}

    /** One structure's κ_ij and G. */
    private record Structure(long[] iIds, long[] jIds, DipoleStiffness.Dipole[] dipoles, ShearModulus g) {}

    /** κ and G of every frame of {@code isDump}, written into {@code outDir} (which must exist). */
    static Result run(Path isDump, PairPotential pot, Settings s, Path outDir, StudyContext ctx) throws IOException {
        int nt = ctx.threads(), batch = 4 * nt;
        List<Structure> out = new ArrayList<>();
        try (TrajectoryReader r = TrajectoryReader.open(isDump); Parallel team = new Parallel(nt);
             StudyContext.Meter meter = ctx.progress().start("kappa and G", -1, "structures")) {
            List<Frame> frames = new ArrayList<>(batch);
            boolean more = true;
            while (more) {   // batches of 4 structures per worker: memory for a batch of frames, not the whole ensemble
                frames.clear();
                for (Frame f; frames.size() < batch && (f = r.next()) != null; ) frames.add(f);
                more = frames.size() == batch;
                if (frames.isEmpty()) break;
                int first = out.size();
                Structure[] done = new Structure[frames.size()];
                try {
                    team.forChunks(frames.size(), 1, (w, c, from, to) -> done[from] = structure(isDump, first + from, frames.get(from), pot, s));
                } finally {
                    for (Frame f : frames) f.close();
                }
                out.addAll(List.of(done));
                meter.stepTo(out.size());
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException(isDump + ": no frames found");
        StringBuilder dcsv = new StringBuilder("frame,i_id,j_id,kappa,iterations,residual\n");
        StringBuilder scsv = new StringBuilder("frame,dipoles,kappa_mean,G,born,non_affine,G_iterations\n");
        double[] km = new double[out.size()], gs = new double[out.size()];
        List<Double> all = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            Structure st = out.get(k);
            for (int q = 0; q < st.dipoles().length; q++) {
                DipoleStiffness.Dipole d = st.dipoles()[q];
                dcsv.append(k).append(',').append(st.iIds()[q]).append(',').append(st.jIds()[q]).append(',').append(d.kappa()).append(',')
                        .append(d.iterations()).append(',').append(d.residual()).append('\n');
                all.add(d.kappa());
            }
            km[k] = DipoleStiffness.mean(st.dipoles());
            gs[k] = st.g().modulus();
            scsv.append(k).append(',').append(st.dipoles().length).append(',').append(km[k]).append(',').append(gs[k]).append(',')
                    .append(st.g().born()).append(',').append(st.g().nonAffine()).append(',').append(st.g().iterations()).append('\n');
        }
        CsvRows.writeText(outDir.resolve("dipoles.csv"), dcsv);
        CsvRows.writeText(outDir.resolve("structures.csv"), scsv);
        double[] kap = all.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(out.size(), kap.length, Descriptive.mean(km), Descriptive.standardError(km), Descriptive.median(kap),
                Descriptive.mean(gs), Descriptive.standardError(gs), km, gs);
    }

    /** κ_ij and G of structure {@code k} with a one-thread Hessian. */
    private static Structure structure(Path dump, int k, Frame f, PairPotential pot, Settings s) {
        try (Hessian h = ElasticSupport.checkedHessian(dump, k, f, pot, s.fmaxLimit(), 1)) {
            int[][] pairs = s.allPairs() ? DipoleStiffness.allPairs(h) : DipoleStiffness.randomPairs(h, (int) Math.min(s.dipoles(), h.pairs()), s.seed() + k);
            int maxIter = HessianCg.defaultMaxIterations(h.dimension());
            DipoleStiffness.Dipole[] d = DipoleStiffness.solveCg(h, pairs, s.tol(), maxIter);
            long[] ii = new long[d.length], jj = new long[d.length];
            for (int q = 0; q < d.length; q++) {
                ii[q] = f.particles().id(d[q].i());
                jj[q] = f.particles().id(d[q].j());
            }
            // the scalar product: G the same to the last bit in a cold and a warm JVM (ShearModulus#compute with an operator)
            return new Structure(ii, jj, d, ShearModulus.compute(h, s.tol(), maxIter, h::multiplyScalar));
        }
    }
}
