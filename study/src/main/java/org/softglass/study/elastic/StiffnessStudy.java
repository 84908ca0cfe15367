package org.softglass.study.elastic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.dynamics.SpeciesRankCorrelation;
import org.softglass.core.stats.RankCorrelation;
import org.softglass.core.elastic.DenseHessian;
import org.softglass.core.elastic.DipoleStiffness;
import org.softglass.core.elastic.HessianCg;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * Dipole stiffnesses κ_ij (paper 004, eq A4) of random interacting pairs in every inherent structure of one ensemble
 * (parent temperature T_p), the local κ_i and the ensemble mean κ(T_p) with its standard error over structures. Writes
 * {@code DIR/dipoles.csv} ({@code frame,i_id,j_id,kappa,iterations,residual}), {@code DIR/local_kappa.csv}
 * ({@code frame,id,type,kappa_local,dipoles}, particles in at least one dipole), {@code DIR/stiffness.json},
 * {@code DIR/kappa_distribution.png} (P(κ/⟨κ⟩), log axes) and {@code DIR/manifest.json}. With a mobility CSV also
 * Spearman's C_s between 1/κ_i and the mobility, per species averaged over the structures (paper 004) and pooled for the
 * first structure.
 */
public final class StiffnessStudy {
    private StiffnessStudy() {}

    /** The linear solver of K u = f. */
    public enum Solver {
        /** Projected conjugate gradient. */
        CG,
        /** Dense Cholesky with a pinned particle (3N ≤ 12000). */
        CHOLESKY;

        /** {@code cg} or {@code cholesky}, as outputs name it. */
        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * @param dumps             inherent structures, every frame used, in order (structure index 0, 1, … over the files)
     * @param model             the pair potential preset
     * @param dipoles           random interacting pairs per structure (ignored with {@code allPairs})
     * @param allPairs          every interacting pair instead (the local κ field)
     * @param seed              the pair choice's seed (structure k uses seed + k)
     * @param tol               the CG relative residual tolerance, in (0, 1)
     * @param maxIter           the CG iteration limit (0: 10 × 3N)
     * @param fmaxLimit         structures with a force component above this are refused
     * @param parentTemperature T_p (recorded), or null
     * @param mobility          a CSV id,mobility or frame,id,mobility, or null
     */
    public record Request(List<Path> dumps, String model, int dipoles, boolean allPairs, long seed, Solver solver, double tol, int maxIter,
                          double fmaxLimit, Double parentTemperature, Path mobility) {
        public Request {
            dumps = List.copyOf(dumps);
            if (!(tol > 0 && tol < 1)) throw new InvalidParameter("{tol} must be in (0.0, 1.0), got " + tol);
            Checks.atLeast(maxIter, 0, "maxIter");
            Checks.positive(fmaxLimit, "fmaxLimit");
            if (parentTemperature != null) Checks.positive(parentTemperature, "parentTemperature");
            if (!allPairs && dipoles < 1) throw new InvalidParameter("{dipoles} must be >= 1, got " + dipoles);
        }
    }

    /**
     * @param kappaMean    ⟨κ⟩ over structures (the mean of the per-structure means)
     * @param kappaSem     its standard error over structures (NaN for one structure)
     * @param spearman     C_s(1/κ_i, mobility) of the first structure, pooled over species, or null
     * @param perStructure the mean κ of each structure
     */
    public record Result(int structures, int dipoles, double kappaMean, double kappaSem, double kappaMeanAllDipoles, double kappaMedian, Double spearman,
                         double[] perStructure) {}

    /** Solves the dipoles of {@code req} and writes {@code outDir}. */
    public static Result run(Request req, Path outDir, StudyContext ctx) throws IOException {
        for (Path d : req.dumps()) if (!Files.isReadable(d)) throw new java.nio.file.NoSuchFileException(d.toString());
        Map<Integer, Map<Long, Double>> mob = req.mobility() == null ? null : readMobility(req.mobility());
        PairPotential pot = Models.byName(req.model());
        Double parentTemperature = req.parentTemperature();
        SpeciesRankCorrelation bySpecies = new SpeciesRankCorrelation();
        StringBuilder dcsv = new StringBuilder("frame,i_id,j_id,kappa,iterations,residual\n");
        StringBuilder lcsv = new StringBuilder("frame,id,type,kappa_local,dipoles\n");
        List<Double> frameMeans = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        Double[] cs = {null};
        long[] tally = new long[3];   // CG iterations in all, the most in one solve, solve time (ns)
        int nt = ctx.threads();
        try (StudyContext.Meter progress = ctx.progress().start("stiffness", -1, "frames")) {
            ElasticSupport.forEachStructure(req.dumps(), pot, req.fmaxLimit(), nt, progress, (frameIndex, f, h) -> {
                int[][] pairs = req.allPairs() ? DipoleStiffness.allPairs(h)
                        : DipoleStiffness.randomPairs(h, Math.min(req.dipoles(), h.pairs()), req.seed() + frameIndex);
                DipoleStiffness.Dipole[] res;
                long s0 = System.nanoTime();
                if (req.solver() == Solver.CHOLESKY) {
                    try (DenseHessian dh = DenseHessian.factor(h)) {
                        res = DipoleStiffness.solveDense(h, dh, pairs);
                    }
                } else {
                    res = DipoleStiffness.solveCg(h, pairs, req.tol(), req.maxIter() > 0 ? req.maxIter() : HessianCg.defaultMaxIterations(h.dimension()));
                }
                tally[2] += System.nanoTime() - s0;
                for (DipoleStiffness.Dipole d : res) {
                    dcsv.append(frameIndex).append(',').append(f.particles().id(d.i())).append(',').append(f.particles().id(d.j()))
                            .append(',').append(d.kappa()).append(',').append(d.iterations()).append(',').append(d.residual()).append('\n');
                    all.add(d.kappa());
                    tally[0] += d.iterations();
                    tally[1] = Math.max(tally[1], d.iterations());
                }
                double[] local = DipoleStiffness.localKappa(h.size(), res);
                int[] count = new int[h.size()];
                for (DipoleStiffness.Dipole d : res) { count[d.i()]++; count[d.j()]++; }
                for (int i = 0; i < h.size(); i++) {
                    if (count[i] == 0) continue;
                    lcsv.append(frameIndex).append(',').append(f.particles().id(i)).append(',').append(f.particles().species(i) + 1)
                            .append(',').append(local[i]).append(',').append(count[i]).append('\n');
                }
                frameMeans.add(DipoleStiffness.mean(res));
                if (mob != null && frameIndex == 0 && mob.containsKey(0)) cs[0] = spearman(req.mobility(), f, local, mob.get(0));
                if (mob != null && mob.containsKey(frameIndex)) addSpecies(bySpecies, f, local, mob.get(frameIndex));
            });
        }
        long totalIter = tally[0], maxIterSeen = tally[1], solveNanos = tally[2];
        if (frameMeans.isEmpty()) throw new IllegalArgumentException("no frames found in " + req.dumps());
        if (mob != null) {
            int structures = frameMeans.size();
            for (int k : mob.keySet()) {
                if (k >= structures) {
                    throw new InputFormatException(req.mobility().toString(), -1, "has mobilities of structure " + k + ", expected structures 0.."
                            + (structures - 1) + " (0-based over the DUMPs in order)");
                }
            }
        }
        double[] fm = frameMeans.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ms = ElasticSupport.meanSem(fm);
        double[] kap = all.stream().mapToDouble(Double::doubleValue).toArray();
        double kmean = Arrays.stream(kap).average().orElse(Double.NaN);
        double median = org.softglass.core.stats.Descriptive.median(kap);   // mean of the middle two for an even count
        ElasticSupport.makeDir(outDir);
        Path dpath = outDir.resolve("dipoles.csv"), lpath = outDir.resolve("local_kappa.csv"), jpath = outDir.resolve("stiffness.json"),
                ppath = outDir.resolve("kappa_distribution.png");
        CsvRows.writeText(dpath, dcsv);
        CsvRows.writeText(lpath, lcsv);
        double[] rel = Arrays.stream(kap).map(x -> x / kmean).toArray();
        double[][] hist = ElasticSupport.logHistogram(rel, Math.max(5, Math.min(40, (int) Math.sqrt(rel.length))));
        Plot.xy("P(kappa/<kappa>)" + (parentTemperature != null ? ", T_p = " + parentTemperature : ""), "kappa/<kappa>", "P")
                .logX().logY().points("dipoles (" + kap.length + ")", hist[0], hist[1]).save(ppath);
        Map<String, Object> js = JsonFile.map("parent_temperature", parentTemperature, "structures", fm.length, "dipoles", kap.length,
                "kappa_mean", ms[0], "kappa_mean_sem", JsonFile.finite(ms[1]), "kappa_mean_all_dipoles", kmean, "kappa_median", median,
                "kappa_per_structure", fm, "solver", req.solver().label(), "cg_iterations_mean", kap.length == 0 ? 0.0 : (double) totalIter / kap.length,
                "cg_iterations_max", maxIterSeen, "solve_seconds", solveNanos * 1e-9, "spearman_inverse_kappa_mobility", cs[0],
                "spearman_by_species", species(bySpecies));
        JsonFile.write(jpath, js);
        Manifest m = new Manifest(ctx.version(), "stiffness").param("model", pot.name()).param("potential", pot.description())
                .param("dipoles_per_structure", req.allPairs() ? "all" : Integer.toString(req.dipoles())).param("seed", req.seed()).param("solver", req.solver().label())
                .param("tol", req.tol()).param("max_iter", req.maxIter()).param("fmax_limit", req.fmaxLimit()).param("threads", nt)
                .param("parent_temperature", parentTemperature);
        for (Path d : req.dumps()) m.input(d);
        if (req.mobility() != null) m.input(req.mobility());
        m.output(dpath).output(lpath).output(jpath).output(ppath).result("structures", fm.length).result("dipoles", kap.length)
                .result("kappa_mean", ms[0]).result("kappa_mean_sem", ms[1]).result("spearman_inverse_kappa_mobility", cs[0])
                .write(outDir.resolve("manifest.json"));
        return new Result(fm.length, kap.length, ms[0], ms[1], kmean, median, cs[0], fm);
    }

    /**
     * {@code {"A": {"mean", "sem", "structures"}, "B": ...}} of C_s(1/κ_i, mobility) per species over the structures
     * with mobilities (paper 004's estimate); {@code {}} without --mobility. Non-finite values are null.
     */
    private static Map<String, Object> species(SpeciesRankCorrelation acc) {
        Map<String, Object> m = new LinkedHashMap<>();
        acc.results().forEach((sp, r) -> m.put(String.valueOf((char) ('A' + sp)), JsonFile.map("mean", JsonFile.finite(r.mean()), "sem", JsonFile.finite(r.sem()),
                "structures", r.structures())));
        return m;
    }

    /** C_s between 1/κ_i and the mobility, over particles that have a local κ and a mobility (all species pooled). */
    private static Double spearman(Path mobility, Frame f, double[] local, Map<Long, Double> mob) {
        List<double[]> v = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            Double m = mob.get(f.particles().id(i));
            if (m != null && Double.isFinite(local[i])) v.add(new double[] {1.0 / local[i], m});
        }
        if (v.size() < 3) throw new org.softglass.core.util.Refusal(mobility + ": fewer than 3 particles have both a local kappa and a mobility");
        return RankCorrelation.spearman(v.stream().mapToDouble(a -> a[0]).toArray(), v.stream().mapToDouble(a -> a[1]).toArray());
    }

    /** Adds one structure to the per-species C_s(1/κ_i, mobility): species, 1/κ_i and mobility by slot (NaN where absent). */
    private static void addSpecies(SpeciesRankCorrelation acc, Frame f, double[] local, Map<Long, Double> mob) {
        int n = f.size();
        int[] sp = new int[n];
        double[] inv = new double[n], mb = new double[n];
        for (int i = 0; i < n; i++) {
            sp[i] = f.particles().species(i);
            inv[i] = 1.0 / local[i];
            mb[i] = mob.getOrDefault(f.particles().id(i), Double.NaN);
        }
        acc.add(sp, inv, mb);
    }

    /**
     * Reads the mobility CSV: header {@code id,mobility} (the first structure's particles) or {@code frame,id,mobility}
     * (structure index over the DUMPs in order, so every structure can have its own); errors name file and line.
     *
     * @return structure index → (id → mobility)
     */
    public static Map<Integer, Map<Long, Double>> readMobility(Path file) throws IOException {
        CsvRows.Table t = CsvRows.readTable(file);
        boolean framed = String.join(",", t.header()).replace(" ", "").equals("frame,id,mobility");
        String want = framed ? "frame,id,mobility" : "id,mobility";
        Map<Integer, Map<Long, Double>> m = new HashMap<>();
        for (int k = 0; k < t.rows().size(); k++) {
            String[] p = t.rows().get(k);
            try {
                if (p.length != (framed ? 3 : 2)) throw new NumberFormatException();
                int frame = framed ? Integer.parseInt(p[0]) : 0;
                if (frame < 0) throw new NumberFormatException();
                m.computeIfAbsent(frame, x -> new HashMap<>()).put(Long.parseLong(p[framed ? 1 : 0]), Double.parseDouble(p[framed ? 2 : 1]));
            } catch (NumberFormatException e) {
                throw t.error(k, "found '" + InputFormatException.quote(String.join(",", p)) + "', expected '" + want + "'");
            }
        }
        if (m.isEmpty()) throw new InputFormatException(file.toString(), 1, "no data rows, expected a header and lines '" + want + "'");
        return m;
    }
}
