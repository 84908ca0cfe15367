package org.softglass.study.correlate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.correlate.ExpCorrelationFit;
import org.softglass.core.correlate.KickCovarianceCheck;
import org.softglass.core.correlate.KickFrame;
import org.softglass.core.correlate.KickStatistics;
import org.softglass.core.correlate.SoftnessCorrelation;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.plot.Plot;
import org.softglass.core.rearrange.EventDetector;
import org.softglass.core.softness.SoftnessTable;
import org.softglass.core.util.InvalidParameter;
import org.softglass.core.util.MemoryBudget;
import org.softglass.study.Checks;
import org.softglass.study.Species;
import org.softglass.study.StudyContext;

/**
 * The softness spatial correlation and the softness kicks around rearrangements (paper 002 §V, App. E): C_S(r) with
 * its eq-29 fit; with events, ΔS over ±window around each rearrangement against the distance to the nearest rearranger →
 * σ_Δ(r), ρ(r), ⟨ΔS⟩ against S after background subtraction (E1–E2, and the background pair covariance for ρ:
 * {@link KickStatistics}), with eq-29 fits; a ρ_Δ fit above 1 between lattice sites or a K_Δ that is not positive definite on the unit lattice is refused
 * ({@link KickCovarianceCheck}). Rearrangers are the events of one species (A by default, as paper 002), roles as in
 * {@link KickFrame}. The softness rows and the events must have been computed from the trajectory itself (the SHA-256 in
 * softness.json and in the events' manifest, {@link TrajectoryRef}), checked before any output is written.
 *
 * <p>A refusal of the kicks (too few samples, a background inversion or a fit that fails, ρ_Δ &gt; 1, K_Δ not positive
 * definite) is a value of the result ({@link Result#kicksError}): C_S(r) and its outputs are written without the kicks,
 * and the parameter file keeps the σ_Δ, ρ_Δ it had.
 *
 * <p>Writes {@code DIR/cs.csv} (r,r_mean,c,c_err,pairs; first row r = 0: C(0) = var S), {@code DIR/cs.png},
 * {@code DIR/correlations.json} ({@code softglass.correlations/1}), {@code DIR/correlations.manifest.json}; with kicks
 * {@code DIR/kicks.csv}, {@code DIR/kicks_mean.csv}, {@code DIR/kicks.png}; with a parameter file
 * {@code DIR/model-parameters.json} (its C_S(r) from {@link Request#modelCs} when given: {@link ModelCs}).
 */
public final class CorrelationStudy {
    /** Jackknife groups of the ΔS statistics: contiguous blocks of the event frames in time order. */
    public static final int JACKKNIFE_GROUPS = 16;

    private CorrelationStudy() {}

    /**
     * The ΔS measurement around rearrangements.
     *
     * @param events      the events CSV of the trajectory ({@code softglass events}, with its manifest beside it)
     * @param window      ΔS = S(t + window) − S(t − window) around the event peak (τ)
     * @param pc          events with p* ≥ pc are rearrangements (σ²)
     * @param rBins       distance bins for ΔS
     * @param sBins       softness bins for ⟨ΔS⟩
     * @param rBackground particles at r ≥ this from every rearranger of the window form the background (σ)
     * @param rearrangers the species whose events set the distance r
     * @param minCount    fewest samples for an (r, S) cell
     */
    public record Kicks(Path events, double window, double pc, SoftnessBins rBins, SoftnessBins sBins, double rBackground, Species rearrangers,
                        long minCount) {
        public Kicks {
            Checks.positive(pc, "pC");
            Checks.nonNegative(rBackground, "rBackground");
            Checks.atLeast(minCount, 1, "minCount");
        }
    }

    /**
     * @param trajectory the trajectory the softness rows index (frame = 0-based frame of this file)
     * @param softness   a softness directory (softness.npy, rows.npy, softness.json)
     * @param rmax       the largest r of C_S(r) (σ)
     * @param dr         its bin width (σ)
     * @param every      use every k-th softness frame for C_S(r)
     * @param fitLo      the r range of the C_S eq-29 fit
     * @param dt         the MD time step (τ)
     * @param kicks      the ΔS measurement, or null: C_S(r) only
     * @param params     a model-parameter file to extend with cS (and σ_Δ, ρ_Δ), or null
     * @param modelCs    the C_S(r) fit to write into the parameter file instead of this trajectory's, or null (this one)
     */
    public record Request(Path trajectory, Path softness, double rmax, double dr, int every, double fitLo, double fitHi, double dt, Kicks kicks,
                          Path params, ModelCs modelCs) {
        /** A request whose parameter file takes this trajectory's C_S(r) fit. */
        public Request(Path trajectory, Path softness, double rmax, double dr, int every, double fitLo, double fitHi, double dt, Kicks kicks, Path params) {
            this(trajectory, softness, rmax, dr, every, fitLo, fitHi, dt, kicks, params, null);
        }

        public Request {
            Checks.positive(rmax, "rmax");
            Checks.positive(dr, "dr");
            if (dr > rmax) throw new InvalidParameter("{dr} must be <= {rmax}, got {dr} " + dr + " {rmax} " + rmax);
            MemoryBudget.require(MemoryBudget.times((long) Math.ceil(rmax / dr), 64), "{rmax} " + rmax + " / {dr} " + dr + " (C_S(r) bins)");
            if (every < 1) throw new InvalidParameter("{every} must be >= 1, got " + every);
            if (!(dt > 0)) throw new InvalidParameter("{dt} must be > 0, got " + dt);
        }
    }

    /**
     * @param meanS        ⟨S⟩ over the rows (finite S)
     * @param varS         var S (divisor n − 1)
     * @param cs           C_S(r) per bin with C(0)
     * @param csFit        its eq-29 fit
     * @param kicks        the ΔS statistics, or null (none asked for, or refused)
     * @param kicksError   why the kicks were refused, or null
     * @param kicksFailure the refusal itself (its type and message as thrown), or null
     */
    public record Result(double meanS, double varS, SoftnessCorrelation.Result cs, ExpCorrelationFit csFit, KickResult kicks, String kicksError,
                         RuntimeException kicksFailure, Path modelParameters) {}

    /**
     * The C_S(r) of another temperature for the model's parameter file. Paper 002 §VI measures C_S(r) at several T,
     * finds the T dependence weak, neglects it and uses the fit at high T (below eq 29; Fig. 2b's dashed line): the
     * pipeline measures the kicks at its lowest T and C_S(r) for the model at its highest.
     *
     * @param temperature the temperature of that fit
     * @param fit         its eq-29 fit (c0 = var S there)
     * @param c0Err       the error of its c0
     * @param source      its {@code correlations.json}
     */
    public record ModelCs(double temperature, ExpCorrelationFit fit, double c0Err, Path source) {}

    /** The ΔS statistics and their σ_Δ(r), ρ_Δ(r) fits. */
    public record KickResult(KickStatistics.Result stats, ExpCorrelationFit sigma, ExpCorrelationFit rho, int eventFrames, int windowFrames) {}

    /** Measures C_S(r) (and the kicks) of {@code req} and writes {@code out}. */
    public static Result run(Request req, Path out, StudyContext ctx) throws IOException {
        Path traj = req.trajectory(), softness = req.softness();
        Kicks kq = req.kicks();
        // the softness rows and the events index frames of the trajectory: both must have been computed from this very file
        TrajectoryRef actual = TrajectoryRef.of(traj);
        SoftnessTable.trajectory(softness).requireTrajectory(actual, softness.resolve(SoftnessTable.SIDECAR).toString(), "softness");
        if (kq != null) {
            Path em = eventsManifest(kq.events());
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
        Set<Long> csFrames = new TreeSet<>();
        int k = 0;
        for (long f : frames.keySet()) if (k++ % req.every() == 0) csFrames.add(f);
        TreeMap<Long, List<long[]>> all = kq != null ? EventDetector.readPeaks(kq.events(), kq.pc()) : new TreeMap<>();
        int rearrangerType = kq == null ? 0 : kq.rearrangers().lammpsType();
        // rearrangement frames: those where an event of the selected species peaks
        TreeMap<Long, List<Long>> groups = new TreeMap<>();
        for (var g : all.entrySet()) for (long[] e : g.getValue()) if (rearrangerType == 0 || e[1] == rearrangerType) groups.computeIfAbsent(g.getKey(), x -> new ArrayList<>()).add(e[0]);
        Set<Long> needed = new HashSet<>(csFrames);
        needed.addAll(groups.keySet());
        Map<Long, Snapshot> snaps = new HashMap<>();
        long[] timesteps = Snapshot.read(traj, req.dt(), needed, snaps);
        // every rearrangement must be a particle of the trajectory at one of its frames (the events index its frames)
        for (var g : all.entrySet()) {
            if (g.getKey() >= timesteps.length) {
                throw new InputFormatException(kq.events().toString(), -1, "an event peaks at frame " + g.getKey() + ", but " + traj + " has frames 0.."
                        + (timesteps.length - 1) + " (expected the events of this trajectory)");
            }
            Snapshot sn = snaps.get(g.getKey());
            if (sn == null) continue;
            for (long[] e : g.getValue()) {
                if (sn.slot(e[0]) < 0) {
                    throw new InputFormatException(kq.events().toString(), -1, "an event of id " + e[0] + " peaks at frame " + g.getKey() + ", but that frame of "
                            + traj + " has no atom id " + e[0] + " (expected the events of this trajectory)");
                }
            }
        }
        SoftnessCorrelation cs = new SoftnessCorrelation(req.rmax(), req.dr(), mean);
        for (long f : csFrames) {
            Snapshot sn = snaps.get(f);
            if (sn == null) throw new InputFormatException(traj.toString(), -1, "has no frame " + f + " (softness rows refer to it)");
            int[] se = frames.get(f);
            int m = se[1] - se[0];
            double[] x = new double[m], y = new double[m], z = new double[m], s = new double[m];
            for (int i = 0; i < m; i++) {
                long[] row = st.rows()[se[0] + i];
                checkTimestep(softness, timesteps, row);
                int q = sn.slot(row[2]);
                if (q < 0) throw new InputFormatException(traj.toString(), -1, "frame " + f + " has no atom id " + row[2]);
                x[i] = sn.x()[q]; y[i] = sn.y()[q]; z[i] = sn.z()[q]; s[i] = st.s()[se[0] + i];
            }
            cs.add(sn.box(), x, y, z, s);
        }
        SoftnessCorrelation.Result cr = cs.result();
        ExpCorrelationFit cfit = ExpCorrelationFit.fit(cr.rMean(), cr.c(), cr.err(), cr.c0(), req.fitLo(), req.fitHi());
        KickResult kicks = null;
        RuntimeException failure = null;
        if (kq != null) {
            try {
                kicks = kicks(kq, traj, frameSpacing(traj, timesteps, req.dt()), groups, all, frames, snaps, st, var);
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
                failure = e;   // ΔS statistics too noisy or too few: a value of the result; C_S(r) is still written
            }
        }
        Result res = new Result(mean, var, cr, cfit, kicks, failure == null ? null : failure.getMessage(), failure, null);
        return write(req, res, actual, n, out, ctx);
    }

    /** The ΔS statistics of every event frame with softness at −w and +w frames, and their fits. */
    private static KickResult kicks(Kicks kq, Path traj, double frameTime, TreeMap<Long, List<Long>> groups, TreeMap<Long, List<long[]>> all,
                                    TreeMap<Long, int[]> frames, Map<Long, Snapshot> snaps, SoftnessTable st, double var) {
        int w = (int) Math.round(kq.window() / frameTime);
        if (w < 1) throw new InvalidParameter("{window} " + kq.window() + " is shorter than one frame (" + frameTime + ")");
        SoftnessBins rb = kq.rBins();
        KickStatistics ks = new KickStatistics(rb, kq.sBins(), kq.rBackground(), JACKKNIFE_GROUPS);
        int used = 0, index = 0;
        for (var g : groups.entrySet()) {
            long te = g.getKey();
            ks.group((int) ((long) JACKKNIFE_GROUPS * index++ / groups.size()));   // contiguous blocks of event frames in time
            int[] before = frames.get(te - w), after = frames.get(te + w);
            if (before == null || after == null) continue;
            used++;
            add(ks, snaps.get(te), roles(snaps.get(te), te, w, all, kq.rearrangers().lammpsType()), st, before, after, rb.hi());
        }
        if (used == 0) throw new org.softglass.core.util.Refusal("no event peak has softness frames at -" + w + " and +" + w + " frames; nothing to measure");
        KickStatistics.Result kr = ks.result(var, kq.minCount());
        double rFitHi = Math.min(rb.hi(), kq.rBackground());
        if (!(kr.sigma()[0] > 0)) {
            throw new InvalidParameter("sigma_Delta(0) is undetermined: " + kr.n()[0] + " rearranging particles have softness at both ends of the window"
                    + " (need >= 3 and S bins with >= {minCount} of them)");
        }
        ExpCorrelationFit sfit = ExpCorrelationFit.fit(kr.r(), kr.sigma(), kr.sigmaErr(), kr.sigma()[0], 1e-9, rFitHi);
        ExpCorrelationFit rfit = ExpCorrelationFit.fit(kr.r(), kr.rho(), kr.rhoErr(), 1.0, 1e-9, rFitHi);
        KickCovarianceCheck.require(sfit.form(), rfit.form());   // rho_Delta <= 1, K_Delta positive definite: refused here (DESIGN 7b)
        return new KickResult(kr, sfit, rfit, used, w);
    }

    private static Result write(Request req, Result res, TrajectoryRef actual, long n, Path out, StudyContext ctx) throws IOException {
        SoftnessCorrelation.Result cr = res.cs();
        ExpCorrelationFit cfit = res.csFit();
        List<Path> outputs = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {0.0, 0.0, cr.c0(), cr.c0Err(), n});
        for (int i = 0; i < cr.r().length; i++) if (cr.pairs()[i] > 0) rows.add(new Object[] {cr.r()[i], cr.rMean()[i], cr.c()[i], cr.err()[i], cr.pairs()[i]});
        Files.createDirectories(out);   // only once the inputs are read and the analysis has run
        Path csCsv = out.resolve("cs.csv"), csPng = out.resolve("cs.png");
        CsvRows.write(csCsv, "r,r_mean,c,c_err,pairs", rows);
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
        j.put("mean_s", res.meanS());
        j.put("var_s", res.varS());
        j.put("cS", JsonFile.map("c0", cr.c0(), "c0_err", cr.c0Err(), "c1", cfit.form().c1(), "c1_err", cfit.c1Err(), "xi", cfit.form().xi(),
                "xi_err", cfit.xiErr(), "chi2", cfit.chi2(), "dof", cfit.dof(), "frames", cr.frames()));
        KickResult kicks = res.kicks();
        Kicks kq = req.kicks();
        if (kicks != null) {
            KickStatistics.Result kr = kicks.stats();
            ExpCorrelationFit sf = kicks.sigma(), rf = kicks.rho();
            List<Object[]> kRows = new ArrayList<>(), mRows = new ArrayList<>();
            for (int i = 0; i < kr.r().length; i++) {
                kRows.add(new Object[] {kr.r()[i], kr.n()[i], kr.eta()[i], kr.etaErr()[i], kr.sigma()[i], kr.sigmaErr()[i], kr.negative()[i] ? 1 : 0, kr.rho()[i], kr.rhoErr()[i],
                        kr.pairs()[i], kr.covObs()[i], kr.backgroundPairs()[i], kr.covBackground()[i]});
                for (int q = 0; q < kr.sCenters().length; q++) if (Double.isFinite(kr.meanDs()[i][q])) mRows.add(new Object[] {kr.r()[i], kr.sCenters()[q], kr.meanDs()[i][q]});
            }
            Path kCsv = out.resolve("kicks.csv"), mCsv = out.resolve("kicks_mean.csv"), kPng = out.resolve("kicks.png");
            CsvRows.write(kCsv, "r,n,eta,eta_err,sigma,sigma_err,sigma_clamped,rho,rho_err,pairs,cov_obs,bg_pairs,cov_bg", kRows);
            CsvRows.write(mCsv, "r,s,mean_ds", mRows);
            Plot.xy("Softness kicks vs distance to the nearest rearrangement", "r", "sigma_Delta, rho")
                    .errors("sigma_Delta (corrected)", kr.r(), kr.sigma(), kr.sigmaErr()).errors("rho", kr.r(), kr.rho(), kr.rhoErr())
                    .line("sigma fit", kr.r(), Arrays.stream(kr.r()).map(r -> sf.form().at(r)).toArray())
                    .line("rho fit", kr.r(), Arrays.stream(kr.r()).map(r -> rf.form().at(r)).toArray()).save(kPng);
            outputs.addAll(List.of(kCsv, mCsv, kPng));
            double var = res.varS();
            j.put("kicks", JsonFile.map("rearrangers", kq.rearrangers().name(), "events_frames", kicks.eventFrames(), "window_frames", kicks.windowFrames(),
                    "eta2_background", kr.eta2(), "background_samples", kr.backgroundN(),
                    // App. E consistency: the covariance is undamped by (1 - eta2)^2, the variances by 1 - sigma2^2/sigma^2 (E2); equal under eq 18
                    "damping_eta2", (1 - kr.eta2()) * (1 - kr.eta2()), "damping_e2", 1 - Arrays.stream(kr.sigma2bg()).filter(Double::isFinite).average().orElse(Double.NaN) / var,
                    "sigmaDelta", JsonFile.map("c0", sf.form().c0(), "c1", sf.form().c1(), "c1_err", sf.c1Err(), "xi", sf.form().xi(), "xi_err", sf.xiErr()),
                    "rhoDelta", JsonFile.map("c0", 1.0, "c1", rf.form().c1(), "c1_err", rf.c1Err(), "xi", rf.form().xi(), "xi_err", rf.xiErr())));
        }
        if (res.kicksError() != null) j.put("kicks_error", res.kicksError());
        ModelCs mc = req.modelCs();
        if (mc != null) {
            j.put("cS_model", JsonFile.map("T", mc.temperature(), "c0", mc.fit().form().c0(), "c1", mc.fit().form().c1(), "xi", mc.fit().form().xi(),
                    "source", mc.source().toString()));
        }
        Path json = out.resolve("correlations.json");
        JsonFile.write(json, j);
        outputs.add(json);
        Manifest man = new Manifest(ctx.version(), "correlations").input(req.trajectory(), actual.sha256()).trajectory(actual)
                .input(req.softness().resolve("softness.npy")).input(req.softness().resolve("rows.npy"))
                .param("rmax", req.rmax()).param("dr", req.dr()).param("every", req.every()).param("fit_range", req.fitLo() + ":" + req.fitHi())
                .param("dt", req.dt())
                .result("xi", cfit.form().xi()).result("c1", cfit.form().c1()).result("c0", cr.c0());
        if (kq != null) {
            man.param("window", kq.window()).param("p_c", kq.pc()).param("r_bins", kq.rBins().spec()).param("s_bins", kq.sBins().spec())
                    .param("r_background", kq.rBackground()).param("rearrangers", kq.rearrangers().name()).param("min_count", kq.minCount()).input(kq.events());
            if (res.kicksError() != null) man.result("kicks_error", res.kicksError());
        }
        if (mc != null) man.param("cs_model_T", mc.temperature()).input(mc.source());
        Path pf = null;
        if (req.params() != null) {
            ModelParameters p = ModelParameters.read(req.params());
            Map<String, Double> err = new LinkedHashMap<>(p.errors());
            ExpCorrelationFit csUsed = mc == null ? cfit : mc.fit();
            err.put("cS.c1", csUsed.c1Err()); err.put("cS.xi", csUsed.xiErr()); err.put("cS.c0", mc == null ? cr.c0Err() : mc.c0Err());
            ExpCorrelationFit sfit = kicks == null ? null : kicks.sigma(), rfit = kicks == null ? null : kicks.rho();
            if (sfit != null) { err.put("sigmaDelta.c1", sfit.c1Err()); err.put("sigmaDelta.xi", sfit.xiErr()); err.put("rhoDelta.c1", rfit.c1Err()); err.put("rhoDelta.xi", rfit.xiErr()); }
            Map<String, Object> prov = new LinkedHashMap<>(p.provenance());
            prov.put("correlations", JsonFile.map("version", ctx.version(), "trajectory", req.trajectory().toString(), "softness", req.softness().toString()));
            if (res.kicksError() != null) prov.put("kicks", "not measured here (" + res.kicksError() + "): sigmaDelta, rhoDelta as in " + req.params());
            if (mc != null) {
                prov.put("cS", "fitted at T = " + mc.temperature() + " (" + mc.source() + "), the highest temperature; 002 VI uses the high-T fit of C_S(r)");
            }
            ModelParameters q = new ModelParameters(p.barriers(), p.rho(), p.tauR(), p.meanS(), csUsed.form(),
                    sfit != null ? sfit.form() : p.sigmaDelta(), rfit != null ? rfit.form() : p.rhoDelta(), err, prov);
            pf = out.resolve("model-parameters.json");
            q.write(pf);
            outputs.add(pf);
            man.input(req.params());
        }
        for (Path p : outputs) man.output(p);
        man.write(out.resolve("correlations.manifest.json"));
        return new Result(res.meanS(), res.varS(), cr, cfit, kicks, res.kicksError(), res.kicksFailure(), pf);
    }

    /**
     * Roles of the particles of frame te ({@link KickFrame}): events of the selected species (type 0 = all) peaking at te
     * are rearrangers, those peaking elsewhere in [te − w, te + w] window rearrangers (they set r̃, give no sample),
     * events of other species in the window are excluded; everyone else is a bystander.
     *
     * @param all events by peak frame: {id, type} of each
     */
    public static KickFrame.Role[] roles(Snapshot sn, long te, int w, TreeMap<Long, List<long[]>> all, int type) {
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
    private static void add(KickStatistics ks, Snapshot sn, KickFrame.Role[] role, SoftnessTable st, int[] before, int[] after, double rPairMax) {
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

    /** The manifest the events study writes beside its CSV, {@code FILE.csv.manifest.json}, recording the events' trajectory. */
    public static Path eventsManifest(Path eventsCsv) { return Path.of(eventsCsv + ".manifest.json"); }

    private static void checkTimestep(Path softness, long[] timesteps, long[] row) {
        if (row[0] >= timesteps.length || timesteps[(int) row[0]] != row[1]) {
            throw new InputFormatException(softness.resolve("rows.npy").toString(), -1, "frame " + row[0] + " has timestep " + row[1]
                    + " but the trajectory's frame has " + (row[0] < timesteps.length ? timesteps[(int) row[0]] : "none") + " (different trajectories?)");
        }
    }

    private static double frameSpacing(Path traj, long[] ts, double dt) {
        if (ts.length < 2) throw new InputFormatException(traj.toString(), -1, "fewer than 2 frames; the frame spacing is undefined");
        long d = ts[1] - ts[0];
        for (int i = 2; i < ts.length; i++) if (ts[i] - ts[i - 1] != d) throw new InputFormatException(traj.toString(), -1, "frames are not evenly spaced (frame " + i + ")");
        return d * dt;
    }
}
