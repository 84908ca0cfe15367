package org.softglass.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.dynamics.RankCorrelation;
import org.softglass.core.dynamics.SpeciesRankCorrelation;
import org.softglass.core.elastic.DenseHessian;
import org.softglass.core.elastic.DipoleStiffness;
import org.softglass.core.elastic.Hessian;
import org.softglass.core.elastic.HessianCg;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass stiffness DUMP... --out DIR}: dipole stiffnesses κ_ij (paper 004, eq A4) of random
 * interacting pairs in every inherent structure of the dumps (one ensemble, parent temperature T_p),
 * the local κ_i and the ensemble mean κ(T_p) with its standard error over structures. Writes
 * {@code DIR/dipoles.csv} ({@code frame,i_id,j_id,kappa,iterations,residual}),
 * {@code DIR/local_kappa.csv} ({@code frame,id,type,kappa_local,dipoles}, particles in at least one
 * dipole), {@code DIR/stiffness.json}, {@code DIR/kappa_distribution.png} (P(κ/⟨κ⟩), log axes) and
 * {@code DIR/manifest.json}. With {@code --mobility FILE} (CSV {@code id,mobility}) also Spearman's
 * C_s between 1/κ_i and the mobility over the particles of the first structure.
 */
@Command(name = "stiffness", mixinStandardHelpOptions = true,
        description = {"Dipole stiffness kappa_ij (paper 004 eq A4) of random interacting pairs in inherent structures.",
                "Writes DIR/dipoles.csv, DIR/local_kappa.csv, DIR/stiffness.json, DIR/kappa_distribution.png, DIR/manifest.json."})
final class StiffnessCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DUMP", description = "Inherent structures, all frames used: " + Formats.TRAJECTORY + ".")
    List<Path> dumps;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path outDir;

    @Option(names = "--model", defaultValue = "ka", description = "Pair potential preset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = EnergyCommand.ModelNames.class)
    String model;

    @Option(names = "--dipoles", defaultValue = "100", paramLabel = "N", description = "Random interacting pairs per structure (default: ${DEFAULT-VALUE}).")
    int dipoles;

    @Option(names = "--all-pairs", description = "Every interacting pair instead of random ones (local kappa field).")
    boolean allPairs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the pair choice (structure k uses seed + k; default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--solver", defaultValue = "cg", description = "cg (projected conjugate gradient) or cholesky (dense, pinned particle; 3N <= 12000).")
    String solver;

    @Option(names = "--tol", defaultValue = "1e-10", description = "CG relative residual tolerance (default: ${DEFAULT-VALUE}).")
    double tol;

    @Option(names = "--max-iter", defaultValue = "0", paramLabel = "N", description = "CG iteration limit (default 0: 10 x 3N).")
    int maxIter;

    @Option(names = "--fmax-limit", defaultValue = "1e-6", paramLabel = "F", description = "Refuse structures with a force component above F (default: ${DEFAULT-VALUE}).")
    double fmaxLimit;

    @Option(names = "--parent-temperature", paramLabel = "T", description = "Parent temperature T_p of the ensemble (recorded in the summary).")
    Double parentTemperature;

    @Option(names = "--mobility", paramLabel = "FILE", description = "CSV id,mobility (the first structure's particles) or frame,id,mobility (any structures): Spearman "
            + "C_s(1/kappa_i, mobility) per species averaged over the structures (paper 004), and pooled for the first.")
    Path mobility;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        OptionChecks.inOpenRange(tol, 0, 1, "--tol");
        OptionChecks.atLeast(maxIter, 0, "--max-iter");
        OptionChecks.positive(fmaxLimit, "--fmax-limit");
        if (parentTemperature != null) OptionChecks.positive(parentTemperature, "--parent-temperature");
        PairPotential pot = Models.byName(model);
        if (!solver.equals("cg") && !solver.equals("cholesky")) throw new IllegalArgumentException("--solver must be cg or cholesky, got '" + solver + "'");
        if (!allPairs && dipoles < 1) throw new IllegalArgumentException("--dipoles must be >= 1, got " + dipoles);
        for (Path d : dumps) if (!Files.isReadable(d)) throw new java.nio.file.NoSuchFileException(d.toString());
        Map<Integer, Map<Long, Double>> mob = mobility == null ? null : readMobility(mobility);
        SpeciesRankCorrelation bySpecies = new SpeciesRankCorrelation();
        StringBuilder dcsv = new StringBuilder("frame,i_id,j_id,kappa,iterations,residual\n");
        StringBuilder lcsv = new StringBuilder("frame,id,type,kappa_local,dipoles\n");
        List<Double> frameMeans = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        Double cs = null;
        int frameIndex = 0, totalIter = 0, maxIterSeen = 0;
        long solveNanos = 0;
        int nt = run.threads();
        try (Progress progress = Progress.frames("stiffness", run.quiet())) {
            for (Path dump : dumps) {
                try (TrajectoryReader reader = TrajectoryReader.open(dump)) {
                    int k = 0;
                    for (Frame next; (next = reader.next()) != null; k++, frameIndex++) {
                        try (Frame f = next; Hessian h = ElasticSupport.checkedHessian(dump, k, f, pot, fmaxLimit, nt)) {
                            int[][] pairs = allPairs ? DipoleStiffness.allPairs(h)
                                    : DipoleStiffness.randomPairs(h, Math.min(dipoles, h.pairs()), seed + frameIndex);
                            DipoleStiffness.Dipole[] res;
                            long s0 = System.nanoTime();
                            if (solver.equals("cholesky")) {
                                try (DenseHessian dh = DenseHessian.factor(h)) {
                                    res = DipoleStiffness.solveDense(h, dh, pairs);
                                }
                            } else {
                                res = DipoleStiffness.solveCg(h, pairs, tol, maxIter > 0 ? maxIter : HessianCg.defaultMaxIterations(h.dimension()));
                            }
                            solveNanos += System.nanoTime() - s0;
                            for (DipoleStiffness.Dipole d : res) {
                                dcsv.append(frameIndex).append(',').append(f.particles().id(d.i())).append(',').append(f.particles().id(d.j()))
                                        .append(',').append(d.kappa()).append(',').append(d.iterations()).append(',').append(d.residual()).append('\n');
                                all.add(d.kappa());
                                totalIter += d.iterations();
                                maxIterSeen = Math.max(maxIterSeen, d.iterations());
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
                            if (mob != null && frameIndex == 0 && mob.containsKey(0)) cs = spearman(f, local, mob.get(0));
                            if (mob != null && mob.containsKey(frameIndex)) addSpecies(bySpecies, f, local, mob.get(frameIndex));
                        }
                        progress.step();
                    }
                }
            }
        }
        if (frameMeans.isEmpty()) throw new IllegalArgumentException("no frames found in " + dumps);
        if (mob != null) {
            int structures = frameMeans.size();
            for (int k : mob.keySet()) {
                if (k >= structures) {
                    throw new InputFormatException(mobility.toString(), -1, "has mobilities of structure " + k + ", expected structures 0.."
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
        Csv.writeText(dpath, dcsv);
        Csv.writeText(lpath, lcsv);
        double[] rel = Arrays.stream(kap).map(x -> x / kmean).toArray();
        double[][] hist = ElasticSupport.logHistogram(rel, Math.max(5, Math.min(40, (int) Math.sqrt(rel.length))));
        Plot.xy("P(kappa/<kappa>)" + (parentTemperature != null ? ", T_p = " + parentTemperature : ""), "kappa/<kappa>", "P")
                .logX().logY().points("dipoles (" + kap.length + ")", hist[0], hist[1]).save(ppath);
        StringBuilder js = new StringBuilder("{\n");
        js.append("  \"parent_temperature\": ").append(parentTemperature == null ? "null" : parentTemperature.toString()).append(",\n");
        js.append("  \"structures\": ").append(fm.length).append(",\n");
        js.append("  \"dipoles\": ").append(kap.length).append(",\n");
        js.append("  \"kappa_mean\": ").append(ms[0]).append(",\n");
        js.append("  \"kappa_mean_sem\": ").append(Double.isNaN(ms[1]) ? "null" : Double.toString(ms[1])).append(",\n");
        js.append("  \"kappa_mean_all_dipoles\": ").append(kmean).append(",\n");
        js.append("  \"kappa_median\": ").append(median).append(",\n");
        js.append("  \"kappa_per_structure\": ").append(Arrays.toString(fm)).append(",\n");
        js.append("  \"solver\": \"").append(solver).append("\",\n");
        js.append("  \"cg_iterations_mean\": ").append(kap.length == 0 ? 0 : (double) totalIter / kap.length).append(",\n");
        js.append("  \"cg_iterations_max\": ").append(maxIterSeen).append(",\n");
        js.append("  \"solve_seconds\": ").append(solveNanos * 1e-9).append(",\n");
        js.append("  \"spearman_inverse_kappa_mobility\": ").append(cs == null ? "null" : cs.toString()).append(",\n");
        js.append("  \"spearman_by_species\": ").append(speciesJson(bySpecies)).append("\n}\n");
        Csv.writeText(jpath, js);
        Manifest m = new Manifest(Version.get(), "stiffness").param("model", pot.name()).param("potential", pot.description())
                .param("dipoles_per_structure", allPairs ? "all" : Integer.toString(dipoles)).param("seed", seed).param("solver", solver)
                .param("tol", tol).param("max_iter", maxIter).param("fmax_limit", fmaxLimit).param("threads", nt)
                .param("parent_temperature", parentTemperature);
        for (Path d : dumps) m.input(d);
        if (mobility != null) m.input(mobility);
        m.output(dpath).output(lpath).output(jpath).output(ppath).result("structures", fm.length).result("dipoles", kap.length)
                .result("kappa_mean", ms[0]).result("kappa_mean_sem", ms[1]).result("spearman_inverse_kappa_mobility", cs)
                .write(outDir.resolve("manifest.json"));
        if (!run.quiet()) {
            System.out.printf("stiffness: %d structures, %d dipoles, kappa = %.6g%s%n", fm.length, kap.length, ms[0],
                    Double.isFinite(ms[0 + 1]) ? String.format(" +- %.2g (s.e. over structures)", ms[1]) : " (one structure: no error over structures)");
        }
        return ExitCodes.OK;
    }

    /**
     * {@code {"A": {"mean", "sem", "structures"}, "B": ...}} of C_s(1/κ_i, mobility) per species over the structures
     * with mobilities (paper 004's estimate); {@code {}} without --mobility. Non-finite values are null.
     */
    private static String speciesJson(SpeciesRankCorrelation acc) throws IOException {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        acc.results().forEach((sp, r) -> m.put(String.valueOf((char) ('A' + sp)), Csv.map("mean", fin(r.mean()), "sem", fin(r.sem()),
                "structures", r.structures())));
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m);
    }

    private static Double fin(double v) { return Double.isFinite(v) ? v : null; }

    /** C_s between 1/κ_i and the mobility, over particles that have a local κ and a mobility (all species pooled). */
    private Double spearman(Frame f, double[] local, Map<Long, Double> mob) {
        List<double[]> v = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            Double m = mob.get(f.particles().id(i));
            if (m != null && Double.isFinite(local[i])) v.add(new double[] {1.0 / local[i], m});
        }
        if (v.size() < 3) throw new IllegalArgumentException(mobility + ": fewer than 3 particles have both a local kappa and a mobility");
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
    static Map<Integer, Map<Long, Double>> readMobility(Path file) throws IOException {
        List<String> lines = Csv.readLines(file);
        boolean framed = !lines.isEmpty() && lines.get(0).strip().replace(" ", "").equals("frame,id,mobility");
        String want = framed ? "frame,id,mobility" : "id,mobility";
        Map<Integer, Map<Long, Double>> m = new HashMap<>();
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty()) continue;
            String[] p = line.split(",");
            try {
                if (p.length != (framed ? 3 : 2)) throw new NumberFormatException();
                int frame = framed ? Integer.parseInt(p[0].strip()) : 0;
                if (frame < 0) throw new NumberFormatException();
                m.computeIfAbsent(frame, x -> new HashMap<>()).put(Long.parseLong(p[framed ? 1 : 0].strip()), Double.parseDouble(p[framed ? 2 : 1].strip()));
            } catch (NumberFormatException e) {
                throw new InputFormatException(file.toString(), k + 1, "found '" + InputFormatException.quote(line) + "', expected '" + want + "'");
            }
        }
        if (m.isEmpty()) throw new InputFormatException(file.toString(), 1, "no data rows, expected a header and lines '" + want + "'");
        return m;
    }
}
