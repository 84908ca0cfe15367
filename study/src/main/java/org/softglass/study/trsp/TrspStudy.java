package org.softglass.study.trsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.Manifest;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.plot.Plot;
import org.softglass.core.trsp.OverlapRecorder;
import org.softglass.core.trsp.OverlapStats;
import org.softglass.core.trsp.SoftnessRecorder;
import org.softglass.core.trsp.TrspAnalysis;
import org.softglass.core.trsp.TrspDynamics;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspSchedules;
import org.softglass.core.trsp.WindowedKick;
import org.softglass.core.util.InvalidParameter;
import org.softglass.core.util.MemoryBudget;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * Equilibrium TRSP dynamics (paper 002) at each temperature: independent trajectories from N(μ(T), K) in parallel. Each
 * trajectory lasts t_end = events / R0 (R0 the total rate of its first state); lags are {@value #LAGS} log-spaced times
 * from 0.02/k̄ to t_end/3 (k̄ the mean per-site rate), time origins every t_end/30. The ensemble gives Q(t), χ4(t), τ_χ,
 * χ4*, S4(q) at τ_χ with its Ornstein–Zernike ξ4, the block χ4, ⟨S⟩, C_S(r) and the detailed-balance counts of App. F1.
 *
 * <p>Writes into DIR (each file atomically): overlap.csv (T,t,Q,chi4), block_chi4.csv (T,ell,t,chi4), s4.csv
 * (T,t,q,S4 at the lag of τ_χ), summary.csv (T,tau_chi,chi4_star,xi4,S4_0,mean_S,target_mean_S,events,events_per_second),
 * correlation.csv (T,r,C_S,target), detailed_balance.csv (T,A,B,n_AB,n_BA with A, B bin centres of S of a rearranging
 * site before/after), plots q.png, chi4.png, tau_chi.png, chi4_star.png, xi4.png, detailed_balance.png, and manifest.json.
 */
public final class TrspStudy {
    /**
     * Memory per lattice site of one running trajectory (bytes), an upper estimate: the softness (8 B), rates and cluster
     * members of the rearranging shapes in {@code TrspDynamics} (~100 B).
     */
    public static final long BYTES_PER_SITE = 128;
    /** Memory kept per finished trajectory (bytes): 200 snapshot times of overlap and softness records. */
    public static final long BYTES_PER_TRAJECTORY = 4096;
    static final int LAGS = 40, BINS = 8;
    static final double BIN_LO = -4, BIN_HI = 2;

    private TrspStudy() {}

    /**
     * @param params       the model parameters (meanS, cS, sigmaDelta, rhoDelta and the barriers)
     * @param file         the file they were read from (recorded), or null
     * @param preset       the preset's name when {@code file} is null
     * @param side         the lattice side L
     * @param clusterSize  the rearranging cluster size m, 1 or 4
     * @param facilitation the facilitation factor c: K_Δ → c K_Δ
     * @param tol          the kick window truncation tolerance (0: the full dense update)
     * @param trajectories independent trajectories per temperature, ≥ 2 (χ4 is a variance)
     * @param events       rearrangements per trajectory, approximately, ≥ 1000
     * @param seed         the base seed; trajectory k uses seed + k
     */
    public record Request(ModelParameters params, Path file, String preset, int side, int clusterSize, double facilitation, double tol,
                          List<Double> temperatures, int trajectories, long events, long seed) {
        public Request {
            temperatures = List.copyOf(temperatures);
            for (double t : temperatures) Checks.positive(t, "T");
            Checks.atLeast(trajectories, 2, "trajectories");
            Checks.atLeast(events, 1000, "events");
            if (tol < 0 || tol >= 1) throw new InvalidParameter("{tol} must be in [0, 1), got " + tol);
            checkLattice(side, clusterSize, facilitation);
        }

        /** The pipeline's run: the file's parameters, m = 4, no facilitation, tolerance 1e-2. */
        public static Request of(Path file, int side, List<Double> temperatures, int trajectories, long events, long seed) throws IOException {
            return new Request(ModelParameters.read(file), file, null, side, 4, 1, 1e-2, temperatures, trajectories, events, seed);
        }
    }

    /**
     * Refuses a lattice side outside [2, 1290], a cluster size other than 1 or 4, and a facilitation factor that is not
     * finite and &gt; 0 (every TRSP run and aging run checks these).
     */
    public static void checkLattice(int side, int clusterSize, double facilitation) {
        if (side < 2 || side > 1290) throw new InvalidParameter("{L} must be in [2, 1290], got " + side);
        if (clusterSize != 1 && clusterSize != 4) throw new InvalidParameter("{m} must be 1 or 4, got " + clusterSize);
        Checks.positive(facilitation, "facilitation");
    }

    /**
     * Refuses a lattice and trajectory count whose memory cannot fit, before anything is allocated: one lattice per
     * worker thread ({@link #BYTES_PER_SITE} a site) plus the kept records of every trajectory ({@link #BYTES_PER_TRAJECTORY}).
     */
    public static void checkMemory(int side, int trajectories, int threads) {
        long sites = (long) side * side * side;
        MemoryBudget.require(MemoryBudget.times(sites * Math.min(threads, Math.max(1, trajectories)), BYTES_PER_SITE),
                "{L} " + side + " (" + sites + " sites per trajectory, " + threads + " threads)");
        MemoryBudget.require(MemoryBudget.times(trajectories, BYTES_PER_TRAJECTORY), "{trajectories} " + trajectories);
    }

    /** One temperature's figures, as summary.csv holds them. */
    public record Summary(double t, double tauChi, double chi4Star, double xi4, double s40, double meanS, double targetMeanS, long events,
                          double eventsPerSecond) {}

    /** Runs the ensembles of {@code req} and writes {@code outDir}. */
    public static List<Summary> run(Request req, Path outDir, StudyContext ctx) throws IOException {
        checkMemory(req.side(), req.trajectories(), ctx.threads());
        ModelParameters p = req.params();
        List<Double> ts = req.temperatures();
        int trajectories = req.trajectories();
        long events = req.events(), seed = req.seed();
        Files.createDirectories(outDir);
        List<Summary> summaries = new ArrayList<>();
        StringBuilder overlap = new StringBuilder("T,t,Q,chi4\n"), block = new StringBuilder("T,ell,t,chi4\n"),
                s4csv = new StringBuilder("T,t,q,S4\n"), summary = new StringBuilder("T,tau_chi,chi4_star,xi4,S4_0,mean_S,target_mean_S,events,events_per_second\n"),
                corr = new StringBuilder("T,r,C_S,target\n"), db = new StringBuilder("T,A,B,n_AB,n_BA\n");
        Plot qPlot = Plot.xy("Q(t)", "t", "Q").logX(), chiPlot = Plot.xy("χ4(t)", "t", "χ4").logX(),
                dbPlot = Plot.xy("Detailed balance (App. F1)", "P(A|R)P(A→B)", "P(A|R)P(A→B) / P(B|R)P(B→A)").logX();
        double[] tauChi = new double[ts.size()], chiStar = new double[ts.size()], xi4 = new double[ts.size()], tArr = new double[ts.size()];
        long totalEvents = 0;
        double totalSeconds = 0;
        try (StudyContext.Meter bar = ctx.progress().start("trsp run", (long) ts.size() * trajectories, "trajectories")) {
            java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();   // trajectories end on worker threads
            for (int ti = 0; ti < ts.size(); ti++) {
                double t = ts.get(ti);
                tArr[ti] = t;
                TrspModel m = TrspModel.of(p, t, req.side(), req.clusterSize(), req.facilitation());
                List<WindowedKick> kicks = TrspEnsemble.kicks(m, req.tol());
                int n = m.lattice().sites();
                double[] s0 = new double[n];
                m.covariance().sample(m.mu(), new SplittableRandom(seed), s0);
                double r0 = new TrspDynamics(m, kicks, s0, seed).totalRate();
                double tEnd = events / r0, kBar = r0 * m.clusterSize() / n;
                double[] lags = org.softglass.core.util.Grids.logSpaced(Math.min(0.02 / kBar, tEnd / 300), tEnd / 3, LAGS);
                int[] blocks = blockSides(m.lattice().side());
                int nq = Math.min(6, m.lattice().side() / 2);
                var runs = TrspEnsemble.run(m, kicks, m.mu(), trajectories, seed, tEnd, TrspSchedules.uniform(0, tEnd, 200),
                        new TrspEnsemble.Recorders() {
                            public OverlapRecorder overlap() { return new OverlapRecorder(m.lattice(), lags, tEnd / 30, nq, blocks, 0); }
                            public SoftnessRecorder softness() { return new SoftnessRecorder(m.lattice(), 3, BIN_LO, BIN_HI, BINS); }
                        }, ctx.threads(), k -> bar.stepTo(done.incrementAndGet()));
                OverlapStats all = new OverlapStats(n, lags, nq, blocks);
                long[][] trans = new long[BINS][BINS];
                double meanS = 0;
                double[] second = null;
                long ev = 0;
                double sec = 0;
                for (var r : runs) {
                    all.merge(r.overlap().stats());
                    long[][] tr = r.softness().transitions();
                    for (int a = 0; a < BINS; a++) for (int b = 0; b < BINS; b++) trans[a][b] += tr[a][b];
                    meanS += r.softness().meanS() / runs.size();
                    double[] sm = r.softness().secondMoment();
                    if (second == null) second = new double[sm.length];
                    for (int k = 0; k < sm.length; k++) second[k] += sm[k] / runs.size();
                    ev += r.events();
                    sec += r.seconds();
                }
                totalEvents += ev;
                totalSeconds += sec;
                double[] q = all.meanQ(), chi = all.chi4();
                for (int li = 0; li < lags.length; li++) overlap.append(fmt(t, lags[li], q[li], chi[li]));
                for (int b = 0; b < blocks.length; b++) {
                    double[] bc = all.blockChi4(b);
                    for (int li = 0; li < lags.length; li++) block.append(fmt(t, blocks[b], lags[li], bc[li]));
                }
                double[] peak = TrspAnalysis.peak(lags, chi);
                int pk = (int) peak[2];
                double[] s4 = all.s4(pk), qs = new double[nq + 1];
                for (int k = 1; k <= nq; k++) {
                    qs[k] = 2 * Math.PI * k / m.lattice().side();
                    s4csv.append(fmt(t, lags[pk], qs[k], s4[k]));
                }
                double[] oz = TrspAnalysis.ornsteinZernike(qs, s4);
                tauChi[ti] = peak[0];
                chiStar[ti] = peak[1];
                xi4[ti] = oz[1];
                summary.append(fmt(t, peak[0], peak[1], oz[1], oz[0], meanS, m.mu(), ev, ev / sec));
                summaries.add(new Summary(t, peak[0], peak[1], oz[1], oz[0], meanS, m.mu(), ev, ev / sec));
                SoftnessRecorder first = runs.getFirst().softness();
                double[] rr = first.distances();
                for (int k = 0; k < rr.length; k++) corr.append(fmt(t, rr[k], second[k] - meanS * meanS, m.cS().at(rr[k])));
                long tot = 0;
                for (long[] row : trans) for (long v : row) tot += v;
                List<Double> dx = new ArrayList<>(), dy = new ArrayList<>();
                for (int a = 0; a < BINS; a++)
                    for (int b = 0; b < BINS; b++) {
                        if (a < b) db.append(fmt(t, first.binCentre(a), first.binCentre(b), trans[a][b], trans[b][a]));
                        if (a != b && trans[a][b] > 0 && trans[b][a] > 0) {
                            dx.add((double) trans[a][b] / tot);
                            dy.add((double) trans[a][b] / trans[b][a]);
                        }
                    }
                String label = String.format(Locale.ROOT, "T=%.3g", t);
                qPlot.line(label, lags, q);
                chiPlot.line(label, lags, chi);
                dbPlot.points(label, dx.stream().mapToDouble(Double::doubleValue).toArray(), dy.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        List<Path> outs = new ArrayList<>();
        for (var e : List.of(new Object[]{"overlap.csv", overlap}, new Object[]{"block_chi4.csv", block}, new Object[]{"s4.csv", s4csv},
                new Object[]{"summary.csv", summary}, new Object[]{"correlation.csv", corr}, new Object[]{"detailed_balance.csv", db})) {
            Path f = outDir.resolve((String) e[0]);
            String body = e[1].toString();
            AtomicOutput.write(f, o -> o.write(body.getBytes(StandardCharsets.UTF_8)));
            outs.add(f);
        }
        savePlot(qPlot, outDir, "q.png", outs);
        savePlot(chiPlot, outDir, "chi4.png", outs);
        savePlot(dbPlot, outDir, "detailed_balance.png", outs);
        savePlot(Plot.xy("τ_χ vs T", "T", "τ_χ").logY().points("TRSP", tArr, tauChi), outDir, "tau_chi.png", outs);
        savePlot(Plot.xy("χ4* vs T", "T", "χ4*").points("TRSP", tArr, chiStar), outDir, "chi4_star.png", outs);
        savePlot(Plot.xy("ξ4 (Ornstein–Zernike) vs T", "T", "ξ4").points("TRSP", tArr, xi4), outDir, "xi4.png", outs);
        Manifest man = new Manifest(ctx.version(), "trsp run");
        if (req.file() != null) man.input(req.file());
        man.param("preset", req.preset()).param("L", req.side()).param("m", req.clusterSize()).param("facilitation", req.facilitation()).param("tol", req.tol());
        man.param("T", ts).param("trajectories", trajectories).param("events", events).param("seed", seed).param("threads", ctx.threads());
        man.result("events", totalEvents).result("events_per_trajectory_wall_second_with_recording", totalEvents / totalSeconds);
        for (Path o : outs) man.output(o.getFileName());
        man.write(outDir.resolve("manifest.json"));
        return List.copyOf(summaries);
    }

    private static void savePlot(Plot plot, Path outDir, String name, List<Path> outs) throws IOException {
        Path f = outDir.resolve(name);
        plot.save(f);
        outs.add(f);
    }

    /** Block sides ℓ that divide L with 2 ≤ ℓ &lt; L. */
    static int[] blockSides(int l) {
        List<Integer> b = new ArrayList<>();
        for (int d = 2; d < l; d++) if (l % d == 0) b.add(d);
        return b.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One CSV row: doubles with 8 significant digits, anything else as text. */
    public static String fmt(Object... v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(v[i] instanceof Double d ? String.format(Locale.ROOT, "%.8g", d) : String.valueOf(v[i]));
        }
        return sb.append('\n').toString();
    }
}
