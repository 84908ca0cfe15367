package org.softglass.cli;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.correlate.ExpCorrelationFit;
import org.softglass.core.correlate.KickCovarianceCheck;
import org.softglass.core.correlate.KickFrame;
import org.softglass.core.correlate.KickStatistics;
import org.softglass.core.correlate.SoftnessCorrelation;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.plot.Plot;
import org.softglass.core.rearrange.TrajectoryStream;
import org.softglass.core.softness.SoftnessTable;
import org.softglass.core.space.Box;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass correlations TRAJ SOFTNESS_DIR [--events EVENTS.csv] --out DIR} (paper 002 §V, App. E):
 * C_S(r) with its eq-29 fit; with events, ΔS over ±window around each rearrangement vs the distance
 * to the nearest rearranging particle → σ_Δ(r), ρ(r), ⟨ΔS⟩ vs S after background subtraction
 * (E1–E2, and the background pair covariance for ρ: {@link KickStatistics}), with eq-29 fits; fits with
 * ρ_Δ &gt; 1 or a K_Δ that is not positive definite are refused ({@link KickCovarianceCheck}, exit 1);
 * rearrangers are the events of {@code --rearrangers} (default A), roles as in {@link KickFrame};
 * optionally adds the fits to a model-parameter file. The softness directory and
 * the events must have been computed from TRAJ itself (the SHA-256 recorded in softness.json and in the
 * events' manifest, {@link TrajectoryRef}); anything else is refused before any output is written.
 */
@Command(name = "correlations", mixinStandardHelpOptions = true,
        description = {"Softness spatial correlation C_S(r) and softness changes around rearrangements (paper 002, section V and App. E).",
                "Writes DIR/cs.csv, DIR/cs.png, DIR/correlations.json, DIR/correlations.manifest.json; with --events also",
                "DIR/kicks.csv (r,n,eta,eta_err,sigma,sigma_err,sigma_clamped,rho,rho_err,pairs,cov_obs,bg_pairs,cov_bg), DIR/kicks_mean.csv, DIR/kicks.png;",
                "with --params DIR/model-parameters.json. rho is background-subtracted (paper 002 App. E applied to the pair covariance);",
                "a rho fit above 1 or a kick covariance K_Delta that is not positive definite is refused (exit 1)."})
final class CorrelationsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRAJ", description = "Trajectory the softness rows index (frame = 0-based frame of this file): " + Formats.TRAJECTORY + ".")
    Path traj;

    @Parameters(index = "1", paramLabel = "SOFTNESS_DIR", description = "softness.npy and rows.npy.")
    Path softness;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--events", paramLabel = "EVENTS.csv", description = "Rearrangement events (id,type,frame_start,frame_end,frame_peak,t_start,t_end,p_star).")
    Path events;

    @Option(names = "--rmax", defaultValue = "5", description = "Largest r of C_S(r) (default: ${DEFAULT-VALUE}).")
    double rmax;

    @Option(names = "--dr", defaultValue = "0.1", description = "Bin width of C_S(r) (default: ${DEFAULT-VALUE}).")
    double dr;

    @Option(names = "--every", defaultValue = "1", description = "Use every k-th softness frame for C_S(r) (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--fit-range", defaultValue = "0.9:4", paramLabel = "LO:HI", description = "r range of the C_S eq-29 fit (default: ${DEFAULT-VALUE}).")
    String fitRange;

    @Option(names = "--window", defaultValue = "5", description = "dS = S(t+window) - S(t-window) around the event peak, time units (default: ${DEFAULT-VALUE}).")
    double window;

    @Option(names = "--dt", defaultValue = "0.005", description = "MD time step: frame times = timestep x dt (default: ${DEFAULT-VALUE}).")
    double dt;

    @Option(names = "--p-c", defaultValue = "0.2", description = "Events with p_star >= this are rearrangements (default: ${DEFAULT-VALUE}).")
    double pc;

    @Option(names = "--r-bins", defaultValue = "0.5:8.5:16", paramLabel = "LO:HI:N", description = "Distance bins for dS (default: ${DEFAULT-VALUE}).")
    String rBins;

    @Option(names = "--s-bins", defaultValue = "-3:3:12", paramLabel = "LO:HI:N", description = "Softness bins for dS (default: ${DEFAULT-VALUE}).")
    String sBins;

    @Option(names = "--r-background", defaultValue = "6", description = "Particles at r >= this from every rearranger of the window form the background; pairs of them give the background covariance subtracted from rho (default: ${DEFAULT-VALUE}).")
    double rBackground;

    @Option(names = "--rearrangers", defaultValue = "A", paramLabel = "A|B|all",
            description = {"Species whose events are the rearrangements that set the distance r to the nearest rearranger: A (type 1), B (type 2)",
                    "or all (default: ${DEFAULT-VALUE}, as paper 002). Events of the other species inside the window give no sample and set no r."})
    String rearrangers;

    @Option(names = "--min-count", defaultValue = "20", description = "Fewest samples for an (r, S) cell (default: ${DEFAULT-VALUE}).")
    long minCount;

    @Option(names = "--params", paramLabel = "FILE.json", description = "Model-parameter file to extend with cS, sigmaDelta, rhoDelta (written to DIR/model-parameters.json).")
    Path params;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    /** Jackknife groups of the ΔS statistics: contiguous blocks of the event frames in time order. */
    static final int JACKKNIFE_GROUPS = 16;

    /** Positions of all particles of one frame, sorted by id. */
    record Snapshot(Box box, long[] ids, double[] x, double[] y, double[] z) {
        int slot(long id) { return Arrays.binarySearch(ids, id); }
    }

    @Override
    public Integer call() throws Exception {
        Csv.bins(rBins, "--r-bins"); // checked before any input is read
        Csv.bins(sBins, "--s-bins");
        Csv.range(fitRange, "--fit-range");
        OptionChecks.positive(rmax, "--rmax");
        OptionChecks.positive(dr, "--dr");
        if (dr > rmax) throw new IllegalArgumentException("--dr must be <= --rmax, got --dr " + dr + " --rmax " + rmax);
        OptionChecks.memory((long) Math.ceil(rmax / dr), 64, "--rmax " + rmax + " / --dr " + dr + " (C_S(r) bins)");
        OptionChecks.positive(pc, "--p-c");
        OptionChecks.nonNegative(rBackground, "--r-background");
        OptionChecks.atLeast(minCount, 1, "--min-count");
        if (every < 1) throw new IllegalArgumentException("--every must be >= 1, got " + every);
        if (!(dt > 0)) throw new IllegalArgumentException("--dt must be > 0, got " + dt);
        int rearrangerType = OptionChecks.speciesType(rearrangers, "--rearrangers");
        // the softness rows and the events index frames of TRAJ: both must have been computed from this very file
        TrajectoryRef actual = TrajectoryRef.of(traj);
        SoftnessTable.trajectory(softness).requireTrajectory(actual, softness.resolve(SoftnessTable.SIDECAR).toString(), "softness");
        if (events != null) {
            Path em = eventsManifest(events);
            TrajectoryRef.read(em, "recompute them with 'softglass events'").requireTrajectory(actual, em.toString(), "the events");
        }
        SoftnessTable st = SoftnessTable.read(softness);
        TreeMap<Long, int[]> frames = new TreeMap<>();   // frame -> [start, end) rows
        for (int i = 0; i < st.rows().length; i++) {
            long f = st.rows()[i][0];
            int[] se = frames.get(f);
            if (se == null) frames.put(f, new int[] {i, i + 1});
            else if (se[1] == i) se[1] = i + 1;
            else throw new InputFormatException(softness.resolve("rows.npy").toString(), -1, "rows of frame " + f + " are not contiguous (expected frame-major order)");
        }
        if (frames.isEmpty()) throw new InputFormatException(softness.resolve("rows.npy").toString(), -1, "no rows");
        double mean = 0, var = 0;
        long n = 0;
        for (double s : st.s()) if (Double.isFinite(s)) { mean += s; n++; }
        mean /= n;
        for (double s : st.s()) if (Double.isFinite(s)) var += (s - mean) * (s - mean);
        var /= Math.max(1, n - 1);
        java.util.Set<Long> csFrames = new java.util.TreeSet<>();
        int k = 0;
        for (long f : frames.keySet()) if (k++ % every == 0) csFrames.add(f);
        TreeMap<Long, List<long[]>> all = events != null ? readEvents(events, pc) : new TreeMap<>();
        // rearrangement frames: those where an event of the selected species peaks
        TreeMap<Long, List<Long>> groups = new TreeMap<>();
        for (var g : all.entrySet()) for (long[] e : g.getValue()) if (rearrangerType == 0 || e[1] == rearrangerType) groups.computeIfAbsent(g.getKey(), x -> new ArrayList<>()).add(e[0]);
        java.util.Set<Long> needed = new java.util.HashSet<>(csFrames);
        needed.addAll(groups.keySet());
        Map<Long, Snapshot> snaps = new HashMap<>();
        long[] timesteps = readPositions(needed, snaps);
        // every rearrangement must be a particle of TRAJ at a frame of TRAJ (the events index its frames)
        for (var g : all.entrySet()) {
            if (g.getKey() >= timesteps.length) {
                throw new InputFormatException(events.toString(), -1, "an event peaks at frame " + g.getKey() + ", but " + traj + " has frames 0.."
                        + (timesteps.length - 1) + " (expected the events of this trajectory)");
            }
            Snapshot sn = snaps.get(g.getKey());
            if (sn == null) continue;
            for (long[] e : g.getValue()) {
                if (sn.slot(e[0]) < 0) {
                    throw new InputFormatException(events.toString(), -1, "an event of id " + e[0] + " peaks at frame " + g.getKey() + ", but that frame of "
                            + traj + " has no atom id " + e[0] + " (expected the events of this trajectory)");
                }
            }
        }
        SoftnessCorrelation cs = new SoftnessCorrelation(rmax, dr, mean);
        for (long f : csFrames) {
            Snapshot sn = snaps.get(f);
            if (sn == null) throw new InputFormatException(traj.toString(), -1, "has no frame " + f + " (softness rows refer to it)");
            int[] se = frames.get(f);
            int m = se[1] - se[0];
            double[] x = new double[m], y = new double[m], z = new double[m], s = new double[m];
            for (int i = 0; i < m; i++) {
                long[] row = st.rows()[se[0] + i];
                checkTimestep(timesteps, row);
                int q = sn.slot(row[2]);
                if (q < 0) throw new InputFormatException(traj.toString(), -1, "frame " + f + " has no atom id " + row[2]);
                x[i] = sn.x()[q]; y[i] = sn.y()[q]; z[i] = sn.z()[q]; s[i] = st.s()[se[0] + i];
            }
            cs.add(sn.box(), x, y, z, s);
        }
        SoftnessCorrelation.Result cr = cs.result();
        double[] fr = Csv.range(fitRange, "--fit-range");
        ExpCorrelationFit cfit = ExpCorrelationFit.fit(cr.rMean(), cr.c(), cr.err(), cr.c0(), fr[0], fr[1]);
        List<Path> outputs = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {0.0, 0.0, cr.c0(), cr.c0Err(), n});
        for (int i = 0; i < cr.r().length; i++) if (cr.pairs()[i] > 0) rows.add(new Object[] {cr.r()[i], cr.rMean()[i], cr.c()[i], cr.err()[i], cr.pairs()[i]});
        Files.createDirectories(out);   // only once the inputs are read and the analysis has run
        Path csCsv = out.resolve("cs.csv"), csPng = out.resolve("cs.png");
        Csv.write(csCsv, "r,r_mean,c,c_err,pairs", rows);
        // plot bins with at least 100 pairs (a handful of close-contact pairs makes a wild point; all bins are in cs.csv)
        double[] pr = new double[cr.r().length], pcs = new double[pr.length], pe = new double[pr.length];
        for (int i = 0; i < pr.length; i++) {
            boolean ok = cr.pairs()[i] >= 100;
            pr[i] = ok ? cr.rMean()[i] : Double.NaN; pcs[i] = ok ? cr.c()[i] : Double.NaN; pe[i] = ok ? cr.err()[i] : Double.NaN;
        }
        Plot.xy("Softness correlation C_S(r)", "r", "C_S(r)").errors("measured (bins with >= 100 pairs)", pr, pcs, pe)
                .points("C(0) = var S", new double[] {0}, new double[] {cr.c0()})
                .line("C1 exp(-r/xi)", pr, Arrays.stream(pr).map(r -> cfit.form().at(r)).toArray()).save(csPng);
        outputs.addAll(List.of(csCsv, csPng));
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("schema", "softglass.correlations/1");
        j.put("mean_s", mean);
        j.put("var_s", var);
        j.put("cS", Csv.map("c0", cr.c0(), "c0_err", cr.c0Err(), "c1", cfit.form().c1(), "c1_err", cfit.c1Err(), "xi", cfit.form().xi(),
                "xi_err", cfit.xiErr(), "chi2", cfit.chi2(), "dof", cfit.dof(), "frames", cr.frames()));
        ExpCorrelationFit sfit = null, rfit = null;
        if (events != null) {
            double frameTime = frameSpacing(timesteps);
            int w = (int) Math.round(window / frameTime);
            if (w < 1) throw new IllegalArgumentException("--window " + window + " is shorter than one frame (" + frameTime + ")");
            SoftnessBins rb = Csv.bins(rBins, "--r-bins");
            KickStatistics ks = new KickStatistics(rb, Csv.bins(sBins, "--s-bins"), rBackground, JACKKNIFE_GROUPS);
            int used = 0, index = 0;
            for (var g : groups.entrySet()) {
                long te = g.getKey();
                ks.group((int) ((long) JACKKNIFE_GROUPS * index++ / groups.size()));   // contiguous blocks of event frames in time
                int[] before = frames.get(te - w), after = frames.get(te + w);
                if (before == null || after == null) continue;
                used++;
                kicks(ks, snaps.get(te), roles(snaps.get(te), te, w, all, rearrangerType), st, before, after, rb.hi());
            }
            if (used == 0) throw new IllegalArgumentException("no event peak has softness frames at -" + w + " and +" + w + " frames; nothing to measure");
            KickStatistics.Result kr = ks.result(var, minCount);
            double rFitHi = Math.min(rb.hi(), rBackground);
            if (!(kr.sigma()[0] > 0)) {
                throw new IllegalArgumentException("sigma_Delta(0) is undetermined: " + kr.n()[0] + " rearranging particles have softness at both ends of the window"
                        + " (need >= 3 and S bins with >= --min-count of them)");
            }
            sfit = ExpCorrelationFit.fit(kr.r(), kr.sigma(), kr.sigmaErr(), kr.sigma()[0], 1e-9, rFitHi);
            rfit = ExpCorrelationFit.fit(kr.r(), kr.rho(), kr.rhoErr(), 1.0, 1e-9, rFitHi);
            KickCovarianceCheck.require(sfit.form(), rfit.form());   // rho_Delta <= 1, K_Delta positive definite: refused here (DESIGN 7b)
            List<Object[]> kRows = new ArrayList<>(), mRows = new ArrayList<>();
            for (int i = 0; i < kr.r().length; i++) {
                kRows.add(new Object[] {kr.r()[i], kr.n()[i], kr.eta()[i], kr.etaErr()[i], kr.sigma()[i], kr.sigmaErr()[i], kr.negative()[i] ? 1 : 0, kr.rho()[i], kr.rhoErr()[i],
                        kr.pairs()[i], kr.covObs()[i], kr.backgroundPairs()[i], kr.covBackground()[i]});
                for (int q = 0; q < kr.sCenters().length; q++) if (Double.isFinite(kr.meanDs()[i][q])) mRows.add(new Object[] {kr.r()[i], kr.sCenters()[q], kr.meanDs()[i][q]});
            }
            Path kCsv = out.resolve("kicks.csv"), mCsv = out.resolve("kicks_mean.csv"), kPng = out.resolve("kicks.png");
            Csv.write(kCsv, "r,n,eta,eta_err,sigma,sigma_err,sigma_clamped,rho,rho_err,pairs,cov_obs,bg_pairs,cov_bg", kRows);
            Csv.write(mCsv, "r,s,mean_ds", mRows);
            final ExpCorrelationFit sf = sfit, rf = rfit;
            Plot.xy("Softness kicks vs distance to the nearest rearrangement", "r", "sigma_Delta, rho")
                    .errors("sigma_Delta (corrected)", kr.r(), kr.sigma(), kr.sigmaErr()).errors("rho", kr.r(), kr.rho(), kr.rhoErr())
                    .line("sigma fit", kr.r(), Arrays.stream(kr.r()).map(r -> sf.form().at(r)).toArray())
                    .line("rho fit", kr.r(), Arrays.stream(kr.r()).map(r -> rf.form().at(r)).toArray()).save(kPng);
            outputs.addAll(List.of(kCsv, mCsv, kPng));
            j.put("kicks", Csv.map("rearrangers", rearrangers.toUpperCase(java.util.Locale.ROOT), "events_frames", used, "window_frames", w, "eta2_background", kr.eta2(), "background_samples", kr.backgroundN(),
                    // App. E consistency: the covariance is undamped by (1 - eta2)^2, the variances by 1 - sigma2^2/sigma^2 (E2); equal under eq 18
                    "damping_eta2", (1 - kr.eta2()) * (1 - kr.eta2()), "damping_e2", 1 - Arrays.stream(kr.sigma2bg()).filter(Double::isFinite).average().orElse(Double.NaN) / var,
                    "sigmaDelta", Csv.map("c0", sf.form().c0(), "c1", sf.form().c1(), "c1_err", sf.c1Err(), "xi", sf.form().xi(), "xi_err", sf.xiErr()),
                    "rhoDelta", Csv.map("c0", 1.0, "c1", rf.form().c1(), "c1_err", rf.c1Err(), "xi", rf.form().xi(), "xi_err", rf.xiErr())));
        }
        Path json = out.resolve("correlations.json");
        Csv.json(json, j);
        outputs.add(json);
        Manifest man = new Manifest(Version.get(), "correlations").input(traj, actual.sha256()).trajectory(actual).input(softness.resolve("softness.npy")).input(softness.resolve("rows.npy"))
                .param("rmax", rmax).param("dr", dr).param("every", every).param("fit_range", fitRange).param("window", window).param("dt", dt)
                .param("p_c", pc).param("r_bins", rBins).param("s_bins", sBins).param("r_background", rBackground).param("rearrangers", rearrangers.toUpperCase(java.util.Locale.ROOT)).param("min_count", minCount)
                .result("xi", cfit.form().xi()).result("c1", cfit.form().c1()).result("c0", cr.c0());
        if (events != null) man.input(events);
        if (params != null) {
            ModelParameters p = ModelParameters.read(params);
            Map<String, Double> err = new LinkedHashMap<>(p.errors());
            err.put("cS.c1", cfit.c1Err()); err.put("cS.xi", cfit.xiErr()); err.put("cS.c0", cr.c0Err());
            if (sfit != null) { err.put("sigmaDelta.c1", sfit.c1Err()); err.put("sigmaDelta.xi", sfit.xiErr()); err.put("rhoDelta.c1", rfit.c1Err()); err.put("rhoDelta.xi", rfit.xiErr()); }
            Map<String, Object> prov = new LinkedHashMap<>(p.provenance());
            prov.put("correlations", Csv.map("version", Version.get(), "trajectory", traj.toString(), "softness", softness.toString()));
            ModelParameters q = new ModelParameters(p.barriers(), p.rho(), p.tauR(), p.meanS(), cfit.form(),
                    sfit != null ? sfit.form() : p.sigmaDelta(), rfit != null ? rfit.form() : p.rhoDelta(), err, prov);
            Path pf = out.resolve("model-parameters.json");
            q.write(pf);
            outputs.add(pf);
            man.input(params);
        }
        for (Path p : outputs) man.output(p);
        man.write(out.resolve("correlations.manifest.json"));
        if (!run.quiet()) System.out.println("C_S: c0 = " + Csv.fmt(cr.c0()) + ", c1 = " + Csv.fmt(cfit.form().c1()) + ", xi = " + Csv.fmt(cfit.form().xi())
                + (sfit != null ? "; sigma_Delta xi = " + Csv.fmt(sfit.form().xi()) + ", rho xi = " + Csv.fmt(rfit.form().xi()) : ""));
        return ExitCodes.OK;
    }

    /**
     * Roles of the particles of frame te ({@link KickFrame}): events of the selected species (type 0 = all)
     * peaking at te are rearrangers, those peaking elsewhere in [te − w, te + w] window rearrangers (they set
     * r̃, give no sample), events of other species in the window are excluded; everyone else is a bystander.
     */
    static KickFrame.Role[] roles(Snapshot sn, long te, int w, TreeMap<Long, List<long[]>> all, int type) {
        KickFrame.Role[] role = new KickFrame.Role[sn.ids().length];
        Arrays.fill(role, KickFrame.Role.BYSTANDER);
        for (var g : all.subMap(te - w, true, te + w, true).entrySet()) {
            for (long[] e : g.getValue()) {
                int q = sn.slot(e[0]);
                if (q < 0) continue;
                boolean selected = type == 0 || e[1] == type;
                KickFrame.Role r = !selected ? KickFrame.Role.EXCLUDED : g.getKey() == te ? KickFrame.Role.REARRANGER : KickFrame.Role.WINDOW_REARRANGER;
                if (role[q] == KickFrame.Role.BYSTANDER || r == KickFrame.Role.REARRANGER) role[q] = r;
            }
        }
        return role;
    }

    /** Adds the samples of one event frame: every particle with S at both ends of the window, by role. */
    private static void kicks(KickStatistics ks, Snapshot sn, KickFrame.Role[] role, SoftnessTable st, int[] before, int[] after, double rPairMax) {
        int m = sn.ids().length;
        double[] s = new double[m], ds = new double[m];
        Arrays.fill(s, Double.NaN);
        Arrays.fill(ds, Double.NaN);
        Map<Long, Integer> afterIdx = new HashMap<>();
        for (int i = after[0]; i < after[1]; i++) afterIdx.put(st.rows()[i][2], i);
        for (int i = before[0]; i < before[1]; i++) {
            Integer a = afterIdx.get(st.rows()[i][2]);
            int q = sn.slot(st.rows()[i][2]);
            if (a == null || q < 0) continue;
            s[q] = st.s()[i];
            ds[q] = st.s()[a] - st.s()[i];
        }
        KickFrame.add(ks, sn.box(), sn.x(), sn.y(), sn.z(), s, ds, role, rPairMax);
    }

    /** The manifest {@code events} writes beside its CSV, {@code FILE.csv.manifest.json}, recording the events' trajectory. */
    static Path eventsManifest(Path eventsCsv) {
        return Path.of(eventsCsv + ".manifest.json");
    }

    /**
     * Reads the dump; keeps positions of the needed frames; returns every frame's timestep. ΔS follows a
     * particle id across frames, so the dump is read through {@link TrajectoryStream}: the same ids, each
     * with its type, in every frame, and increasing timesteps (positions may be wrapped: distances are
     * taken in the box).
     */
    private long[] readPositions(java.util.Set<Long> needed, Map<Long, Snapshot> snaps) throws java.io.IOException {
        List<Long> ts = new ArrayList<>();
        try (TrajectoryStream r = TrajectoryStream.open(traj, dt, false).requireUnwrapped(false)) {
            long f = 0;
            for (Frame next; (next = r.next()) != null; f++) {
                try (Frame fr = next) {
                    ts.add(fr.timestep());
                    if (!needed.contains(f)) continue;
                    ParticleStore p = fr.particles();
                    int[] order = p.slotsSortedById();
                    int m = order.length;
                    long[] ids = new long[m];
                    double[] x = new double[m], y = new double[m], z = new double[m];
                    for (int i = 0; i < m; i++) { int q = order[i]; ids[i] = p.id(q); x[i] = p.pos(q, 0); y[i] = p.pos(q, 1); z[i] = p.pos(q, 2); }
                    snaps.put(f, new Snapshot(fr.box(), ids, x, y, z));
                }
            }
        }
        return ts.stream().mapToLong(Long::longValue).toArray();
    }

    private void checkTimestep(long[] timesteps, long[] row) {
        if (row[0] >= timesteps.length || timesteps[(int) row[0]] != row[1]) {
            throw new InputFormatException(softness.resolve("rows.npy").toString(), -1, "frame " + row[0] + " has timestep " + row[1]
                    + " but the trajectory's frame has " + (row[0] < timesteps.length ? timesteps[(int) row[0]] : "none") + " (different trajectories?)");
        }
    }

    private double frameSpacing(long[] ts) {
        if (ts.length < 2) throw new InputFormatException(traj.toString(), -1, "fewer than 2 frames; the frame spacing is undefined");
        long d = ts[1] - ts[0];
        for (int i = 2; i < ts.length; i++) if (ts[i] - ts[i - 1] != d) throw new InputFormatException(traj.toString(), -1, "frames are not evenly spaced (frame " + i + ")");
        return d * dt;
    }

    /** Events with p_star ≥ pc, grouped by peak frame: frame → {id, type} of each. */
    static TreeMap<Long, List<long[]>> readEvents(Path file, double pc) throws java.io.IOException {
        TreeMap<Long, List<long[]>> g = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String h = r.readLine();
            String expected = "id,type,frame_start,frame_end,frame_peak,t_start,t_end,p_star";
            if (h == null || !h.trim().equals(expected)) throw new InputFormatException(file.toString(), 1, "found header '" + InputFormatException.quote(h) + "', expected '" + expected + "'");
            String line;
            for (long ln = 2; (line = r.readLine()) != null; ln++) {
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (f.length != 8) throw new InputFormatException(file.toString(), ln, "found " + f.length + " fields, expected 8");
                try {
                    long id = Long.parseLong(f[0].trim()), type = Long.parseLong(f[1].trim()), peak = Long.parseLong(f[4].trim());
                    double ps = Double.parseDouble(f[7].trim());
                    if (ps >= pc) g.computeIfAbsent(peak, x -> new ArrayList<>()).add(new long[] {id, type});
                } catch (NumberFormatException e) {
                    throw new InputFormatException(file.toString(), ln, "found '" + InputFormatException.quote(line) + "', expected integer id, type, frame_peak and a number p_star");
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw Csv.notUtf8(file, e);
        }
        return g;
    }
}
