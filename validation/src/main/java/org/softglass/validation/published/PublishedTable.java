package org.softglass.validation.published;

import org.softglass.core.util.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.core.fit.Line;
import org.softglass.core.io.PipelineSummary;
import org.softglass.core.rearrange.PhopSummary;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.trap.Fragility;

/**
 * The published-versus-measured table (issue 15 item 7): every {@link Catalogue} row evaluated on one pipeline run
 * directory, each computed the way its paper computes it (the row's {@link Estimate#method()} says how and cites where),
 * judged by {@link Comparison#judge}, with the set-up differences beside it. A quantity the run does not hold, or holds
 * only through a fallback (preset barriers, preset kicks), is {@link Status#NOT_MEASURED} with the reason; never a number.
 * Reads only; deterministic.
 */
public final class PublishedTable {
    /** JSON schema name of {@link #toJson}. */
    public static final String SCHEMA = "softglass.published/1";
    /** The glass temperature 000 uses for KA in eq 22. */
    static final double KA_TG = 0.40;

    private PublishedTable() {}

    /** A row the run cannot fill, and why. */
    static final class Missing extends Exception {
        Missing(String reason) { super(reason); }
    }

    /**
     * Evaluates the whole catalogue on {@code runDir}.
     *
     * @throws org.softglass.core.io.InputFormatException when {@code runDir} is not a pipeline run directory
     */
    public static List<Comparison> evaluate(Path runDir) throws IOException {
        RunDirectory run = RunDirectory.open(runDir);
        List<Comparison> rows = new ArrayList<>();
        for (PublishedValue p : Catalogue.all()) {
            String note = note(run, p);
            try {
                rows.add(Comparison.judge(p, measure(run, p), note));
            } catch (Missing e) {
                rows.add(Comparison.notMeasured(p, e.getMessage(), note));
            } catch (IOException | RuntimeException e) {
                rows.add(Comparison.notMeasured(p, "could not be computed: " + e.getMessage(), note));
            }
        }
        return rows;
    }

    /** The set-up note of a row: the paper's set-up against ours, plus what the row itself depends on. */
    static String note(RunDirectory run, PublishedValue p) {
        RunSetup s = run.setup();
        String n = s.differences(p.setup());
        List<String> extra = new ArrayList<>();
        switch (p.id()) {
            case "cv_accuracy_001", "cv_accuracy_000" -> {
                extra.add("features " + s.features());
                extra.add(String.format(Locale.ROOT, "p_c %s vs 0.6; stable p_hop < %s for %s tau vs %s", RunSetup.num(s.pc()), RunSetup.num(s.pStable()), RunSetup.num(s.tauC()),
                        p.id().endsWith("000") ? "< 0.01 for 1000 tau" : "no rearrangement for ~tau_alpha"));
            }
            case "e0", "e1", "e2", "sigma0", "sigma1", "sigma2", "e1_over_e2" -> extra.add("softness scale set by our SVM on features " + s.features());
            case "t0_001" -> extra.add("E0/Sigma0 also moves with the softness offset (S -> S + b) unless Sigma is proportional to E");
            default -> { }
        }
        if (!(Math.abs(s.pR() - 0.2) < 1e-12) && List.of("p_s_pos_given_r", "e0", "e1", "e2", "sigma0", "sigma1", "sigma2", "t0_001", "t1_001", "t0_002", "tau_r").contains(p.id())) {
            extra.add("rearranging p_hop > " + RunSetup.num(s.pR()) + " vs 0.2");
        }
        return extra.isEmpty() ? n : n + "; " + String.join("; ", extra);
    }

    static Estimate measure(RunDirectory run, PublishedValue p) throws IOException, Missing {
        return switch (p.id()) {
            case "cv_accuracy_001", "cv_accuracy_000" -> cvAccuracy(run);
            case "p_s_pos_given_r" -> softRearrangers(run);
            case "e0", "e1", "e2", "sigma0", "sigma1", "sigma2", "e1_over_e2", "t0_001", "t1_001" -> coefficient(run, p.id());
            case "t0_002", "t0_002_past" -> onsetT0(run);
            case "tau_r" -> tauR(run);
            case "tau_alpha_047" -> tauAlpha(run, 0.47);
            case "trap_chi4_star" -> trapChi4(run);
            case "trap_mean_s_direction" -> trapMeanS(run);
            case "trap_tau_q_direction" -> trapTauQ(run);
            case "fragility_md" -> fragilityMd(run);
            case "fragility_trap" -> fragilityTrap(run);
            case "fragility_direction" -> {
                Estimate md = fragilityMd(run), tr = fragilityTrap(run);
                yield new Estimate(tr.value() - md.value(), Double.NaN, "m_trap - m_MD, both as in fragility_md / fragility_trap");
            }
            case "trsp_chi4_direction" -> trspChi4(run);
            case "trsp_fragility_direction" -> trspFragility(run);
            case "cs_c1_gt_c0" -> csC1(run);
            default -> throw new Missing("no measurement defined for '" + p.id() + "'");
        };
    }

    /** summary.json softness_model.cv_accuracy; binomial error √(p(1 − p)/n) with n the training samples. */
    static Estimate cvAccuracy(RunDirectory run) throws Missing {
        PipelineSummary.SoftnessModel m = run.summary().softnessModel();
        if (m == null || m.cvAccuracy() == null) throw new Missing("summary.json has no softness_model.cv_accuracy");
        double a = m.cvAccuracy();
        double n = m.samples();
        return new Estimate(a, n > 0 ? Math.sqrt(a * (1 - a) / n) : Double.NaN, String.format(Locale.ROOT,
                "summary.json softness_model.cv_accuracy (%s samples, trained at T = %s; 001 does not say whether its 88 %% is held-out); binomial error", fmt(n), RunSetup.join(run.setup().trainTemperatures())));
    }

    /** {@link RearrangerSoftness} at the training temperatures. */
    static Estimate softRearrangers(RunDirectory run) throws IOException, Missing {
        List<Path[]> sets = new ArrayList<>();
        for (double t : run.setup().trainTemperatures()) {
            Path s = run.file("softness", RunDirectory.label(t)), ph = run.file("phop", RunDirectory.label(t));
            if (Files.isRegularFile(s.resolve("softness.npy")) && Files.isRegularFile(ph.resolve("phop.npy"))) sets.add(new Path[] {s, ph});
        }
        if (sets.isEmpty()) throw new Missing("no softness/T…/softness.npy with phop/T…/phop.npy at the training temperatures " + RunSetup.join(run.setup().trainTemperatures()));
        RearrangerSoftness r = RearrangerSoftness.compute(sets, run.setup().pR(), 1);
        return new Estimate(r.fraction(), r.error(), String.format(Locale.ROOT,
                "A particle-frames with p_hop > %.3g at T = %s: %d frames of %d (particle, T) clusters (001 §3.3); cluster-robust error by particle",
                run.setup().pR(), RunSetup.join(run.setup().trainTemperatures()), r.rearranging(), r.particles()));
    }

    /** {@link BarrierCoefficients} from barriers/arrhenius.csv. */
    static Estimate coefficient(RunDirectory run, String id) throws IOException, Missing {
        Table a = run.csv("barriers", "arrhenius.csv");
        if (a == null) throw new Missing("barriers/arrhenius.csv absent");
        BarrierCoefficients c;
        try {
            c = BarrierCoefficients.fit(a.column("mean"), a.column("delta_e"), a.column("delta_e_err"), a.column("sigma"), a.column("sigma_err"), a.column("cov"));
        } catch (IllegalArgumentException e) {
            throw new Missing("barriers/arrhenius.csv: " + e.getMessage());
        }
        if (id.equals("e1_over_e2") && !(Math.abs(c.e2()[0]) > 2 * c.e2()[1])) {
            throw new Missing(String.format(Locale.ROOT, "E2 = %.3g +- %.2g is within 2 sigma of 0, so E1/E2 is undetermined (its delta-method error is meaningless)",
                    c.e2()[0], c.e2()[1]));
        }
        double[] v = switch (id) {
            case "e0" -> c.e0(); case "e1" -> c.e1(); case "e2" -> c.e2();
            case "sigma0" -> c.sigma0(); case "sigma1" -> c.sigma1(); case "sigma2" -> c.sigma2();
            case "e1_over_e2" -> c.e1OverE2(); case "t0_001" -> c.t0(); case "t1_001" -> c.t1();
            default -> throw new Missing("unknown coefficient " + id);
        };
        return new Estimate(v[0], v[1], String.format(Locale.ROOT,
                "weighted quadratic fits to %d per-bin Arrhenius fits in barriers/arrhenius.csv (001 §4.1)%s", c.bins(),
                c.scaleE() > 1 || c.scaleSigma() > 1 ? String.format(Locale.ROOT, "; errors scaled by sqrt(chi2/dof) = %.3g (E), %.3g (Sigma)",
                        Math.sqrt(c.scaleE()), Math.sqrt(c.scaleSigma())) : ""));
    }

    /** barriers/barriers.json onset_fit.t0 — only when the pipeline's onset source is "fitted". */
    static Estimate onsetT0(RunDirectory run) throws IOException, Missing {
        BarriersFile b = run.json(BarriersFile.class, "barriers", "barriers.json");
        if (b == null) throw new Missing("barriers/barriers.json absent");
        if (b.onsetFit() == null) {
            throw new Missing("the onset fit was refused (" + (b.onsetError() != null ? b.onsetError() : "no onset_fit in barriers.json") + ")");
        }
        String fb = run.onsetFallback();
        if (fb != null) throw new Missing("the run's barrier parameters are a fallback: " + fb);
        BarriersFile.OnsetFit o = b.onsetFit();
        return new Estimate(o.t0(), o.t0Err(), String.format(Locale.ROOT, "barriers/barriers.json onset_fit.t0, joint fit of eqs 27-28 (chi2/dof = %s/%s)",
                fmt(o.chi2()), o.dof() == null ? "?" : o.dof()));
    }

    /** barriers/barriers.json tau_r (mean run of consecutive p_hop &gt; p_R frames × frame spacing). */
    static Estimate tauR(RunDirectory run) throws IOException, Missing {
        BarriersFile b = run.json(BarriersFile.class, "barriers", "barriers.json");
        if (b == null || b.tauR() == null) throw new Missing("barriers/barriers.json has no tau_r");
        BarriersFile.TauR t = b.tauR();
        PhopSummary ph = run.json(PhopSummary.class, "phop", RunDirectory.label(run.setup().lowestT()), "phop.json");
        String spacing = ph != null && ph.frameSpacing() != null ? ", frames " + RunSetup.num(ph.frameSpacing()) + " tau apart vs tau in 002" : "";
        return new Estimate(t.value(), t.err(), "barriers/barriers.json tau_r" + spacing + ", over " + (t.runs() == null ? "?" : t.runs())
                + " runs of p_hop > " + (t.threshold() == null ? "?" : t.threshold()) + " (002 §V)");
    }

    /** summary.json md[T].tau_alpha_fs02 at T (within 0.005). */
    static Estimate tauAlpha(RunDirectory run, double t) throws Missing {
        List<PipelineSummary.MdRow> md = run.summary().md();
        for (PipelineSummary.MdRow m : md == null ? List.<PipelineSummary.MdRow>of() : md) {
            if (m != null && Math.abs(m.t() - t) < 0.005 && m.tauAlphaFs02() != null) {
                return new Estimate(m.tauAlphaFs02(), Double.NaN, "summary.json md tau_alpha_fs02 (F_s(q,t) = 0.2) at T = " + fmt(t));
            }
        }
        throw new Missing(String.format(Locale.ROOT, "the run has no MD at T = %.2f (temperatures %s)", t, RunSetup.join(run.setup().temperatures())));
    }

    /** trap/relax/relax_summary.csv chi4_star: the value farthest from m/4 = 0.25 over the temperatures. */
    static Estimate trapChi4(RunDirectory run) throws IOException, Missing {
        Table t = run.csv("trap", "relax", "relax_summary.csv");
        if (t == null) throw new Missing("trap/relax/relax_summary.csv absent");
        double worst = Double.NaN;
        for (double c : t.column("chi4_star")) if (Double.isNaN(worst) || Math.abs(c - 0.25) > Math.abs(worst - 0.25)) worst = c;
        return new Estimate(worst, Double.NaN, "trap/relax/relax_summary.csv chi4_star (m = 1), the temperature farthest from 0.25; independent of the barrier parameters");
    }

    /** |b_trap| − |b_MD| of ⟨S⟩ = a + b/T; MD b and its error from barriers.json mean_fit, trap b fitted to relax_summary mean_s. */
    static Estimate trapMeanS(RunDirectory run) throws IOException, Missing {
        requireOwnTrap(run);
        BarriersFile b = run.json(BarriersFile.class, "barriers", "barriers.json");
        if (b == null || b.meanFit() == null) throw new Missing("barriers/barriers.json has no mean_fit (<S>(T) = a + b/T)");
        Table t = run.csv("trap", "relax", "relax_summary.csv");
        if (t == null) throw new Missing("trap/relax/relax_summary.csv absent");
        double bTrap = slopeInverseT(t.column("T"), t.column("mean_s"));
        double bMd = b.meanFit().b(), err = b.meanFit().bErr();
        return new Estimate(Math.abs(bTrap) - Math.abs(bMd), err, String.format(Locale.ROOT,
                "b_trap = %.4g (trap/relax/relax_summary.csv), b_MD = %.4g +- %.2g (barriers.json mean_fit)", bTrap, bMd, err));
    }

    /** ln(τ_trap/τ_MD) at the lowest T minus the same at the highest T (000 supplement matching). */
    static Estimate trapTauQ(RunDirectory run) throws IOException, Missing {
        requireOwnTrap(run);
        Table t = run.csv("trap", "relax", "relax_summary.csv");
        if (t == null) throw new Missing("trap/relax/relax_summary.csv absent");
        double[] temps = t.column("T"), tau = t.column("tau_Q");
        List<double[]> pts = new ArrayList<>();   // T, ln trap, ln md, var ln md
        for (int i = 0; i < temps.length; i++) {
            MdOverlap o = MdOverlap.read(run, temps[i]);
            if (o == null) throw new Missing("MD inherent-state overlap absent at T = " + fmt(temps[i]) + " (observables/" + RunDirectory.label(temps[i])
                    + "/overlap/); the p_hop persistence is not the paper's Q (issue 15 item 1)");
            if (Double.isFinite(o.tauQ()) && tau[i] > 0) {
                double rel = Double.isFinite(o.tauQErr()) ? o.tauQErr() / o.tauQ() : 0;
                pts.add(new double[] {temps[i], Math.log(tau[i]), Math.log(o.tauQ()), rel * rel});
            }
        }
        if (pts.size() < 2) throw new Missing("MD tau_Q (Q = 1/e) reached at fewer than 2 temperatures");
        pts.sort((x, y) -> Double.compare(x[0], y[0]));
        double[] lo = pts.get(0), hi = pts.get(pts.size() - 1);
        double stat = (lo[1] - lo[2]) - (hi[1] - hi[2]);
        boolean errs = lo[3] > 0 || hi[3] > 0;
        return new Estimate(stat, errs ? Math.sqrt(lo[3] + hi[3]) : Double.NaN, String.format(Locale.ROOT,
                "matched at T = %.3g, compared at T = %.3g: tau_trap/tau_MD = %.3g there after matching", hi[0], lo[0], Math.exp(stat)));
    }

    /** 000 eq 22 at T_g = 0.40 from the MD IS-overlap τ_Q. */
    static Estimate fragilityMd(RunDirectory run) throws IOException, Missing {
        double[] temps = run.setup().temperatures();
        List<double[]> pts = new ArrayList<>();
        for (double t : temps) {
            MdOverlap o = MdOverlap.read(run, t);
            if (o == null) throw new Missing("MD inherent-state overlap absent at T = " + fmt(t) + " (observables/" + RunDirectory.label(t) + "/overlap/)");
            if (Double.isFinite(o.tauQ()) && o.tauQ() > 0) pts.add(new double[] {t, o.tauQ()});
        }
        return fragility(pts, "MD IS-overlap tau_Q");
    }

    /** 000 eq 22 at T_g = 0.40 from the trap model's τ_Q at the run's temperatures. */
    static Estimate fragilityTrap(RunDirectory run) throws IOException, Missing {
        requireOwnTrap(run);
        Table t = run.csv("trap", "relax", "relax_summary.csv");
        if (t == null) throw new Missing("trap/relax/relax_summary.csv absent");
        List<double[]> pts = new ArrayList<>();
        double[] temps = t.column("T"), tau = t.column("tau_Q");
        for (int i = 0; i < temps.length; i++) if (tau[i] > 0) pts.add(new double[] {temps[i], tau[i]});
        return fragility(pts, "trap tau_Q (trap/relax/relax_summary.csv)");
    }

    /**
     * m of eq 22 at T_g = 0.40 ({@link Fragility.Fit#mAt}); error: jackknife over temperatures (leave one out, refit),
     * σ² = (n − 1)/n Σ (m_i − m̄)², which measures how much the extrapolation to T_g rests on single points (NaN
     * with fewer than 5 temperatures, when a leave-one-out fit would have no residual).
     */
    static Estimate fragility(List<double[]> pts, String what) throws Missing {
        if (pts.size() < 4) throw new Missing(what + " at " + pts.size() + " temperatures; a parabolic-law fit with a residual needs >= 4");
        double[] t = new double[pts.size()], tau = new double[pts.size()];
        double low = Double.POSITIVE_INFINITY;
        for (int i = 0; i < t.length; i++) { t[i] = pts.get(i)[0]; tau[i] = pts.get(i)[1]; low = Math.min(low, t[i]); }
        double m = Fragility.fit(t, tau, 1e7).mAt(KA_TG);
        double err = Double.NaN;
        int n = t.length;
        if (n >= 5) {
            double[] mi = new double[n];
            for (int i = 0; i < n; i++) {
                double[] ti = new double[n - 1], ui = new double[n - 1];
                for (int k = 0, j = 0; k < n; k++) if (k != i) { ti[j] = t[k]; ui[j++] = tau[k]; }
                mi[i] = Fragility.fit(ti, ui, 1e7).mAt(KA_TG);
            }
            err = Math.sqrt((n - 1.0) * Descriptive.variance(mi, Descriptive.Divisor.POPULATION));   // jackknife: √((n−1)/n Σ(m_i − m̄)²)
        }
        return new Estimate(m, err, String.format(Locale.ROOT,
                "eq 22 at T_g = 0.40 of a parabolic-law fit to %s at %d temperatures%s; error: jackknife over temperatures", what, n,
                low > KA_TG + 0.05 ? String.format(Locale.ROOT, " (extrapolated from T >= %.3g)", low) : ""));
    }

    /** mean over common T of ln(χ4*_TRSP/χ4*_MD). */
    static Estimate trspChi4(RunDirectory run) throws IOException, Missing {
        Table t = requireOwnTrsp(run);
        double[] temps = t.column("T"), chi = t.column("chi4_star");
        double sum = 0, var = 0;
        int n = 0;
        boolean errs = true;
        for (int i = 0; i < temps.length; i++) {
            MdOverlap o = MdOverlap.read(run, temps[i]);
            if (o == null) throw new Missing("MD inherent-state overlap absent at T = " + fmt(temps[i]) + " (observables/" + RunDirectory.label(temps[i]) + "/overlap/)");
            if (!(o.chi4Star() > 0) || !(chi[i] > 0)) continue;
            sum += Math.log(chi[i] / o.chi4Star());
            if (Double.isFinite(o.chi4StarErr())) var += Math.pow(o.chi4StarErr() / o.chi4Star(), 2); else errs = false;
            n++;
        }
        if (n == 0) throw new Missing("no temperature with both chi4* positive");
        return new Estimate(sum / n, errs ? Math.sqrt(var) / n : Double.NaN, "trsp/summary.csv chi4_star vs MD IS-overlap chi4* at " + n + " temperatures");
    }

    /** growth of ln τ_χ from the highest to the lowest common T, TRSP minus MD. */
    static Estimate trspFragility(RunDirectory run) throws IOException, Missing {
        Table t = requireOwnTrsp(run);
        double[] temps = t.column("T"), tau = t.column("tau_chi");
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < temps.length; i++) {
            MdOverlap o = MdOverlap.read(run, temps[i]);
            if (o == null) throw new Missing("MD inherent-state overlap absent at T = " + fmt(temps[i]) + " (observables/" + RunDirectory.label(temps[i]) + "/overlap/)");
            if (o.tauChi() > 0 && tau[i] > 0) pts.add(new double[] {temps[i], Math.log(tau[i]), Math.log(o.tauChi())});
        }
        if (pts.size() < 2) throw new Missing("tau_chi at fewer than 2 common temperatures");
        pts.sort((x, y) -> Double.compare(x[0], y[0]));
        double[] lo = pts.get(0), hi = pts.get(pts.size() - 1);
        return new Estimate((lo[1] - hi[1]) - (lo[2] - hi[2]), Double.NaN, String.format(Locale.ROOT,
                "ln tau_chi growth from T = %.3g to %.3g: TRSP %.3g, MD %.3g", hi[0], lo[0], lo[1] - hi[1], lo[2] - hi[2]));
    }

    /** correlations/correlations.json cS.c1 − cS.c0 with errors in quadrature. */
    static Estimate csC1(RunDirectory run) throws IOException, Missing {
        CorrelationsFile c = run.json(CorrelationsFile.class, "correlations", "correlations.json");
        if (c == null || c.cS() == null) throw new Missing("correlations/correlations.json has no cS fit");
        CorrelationsFile.Fit s = c.cS();
        double d = s.c1() - s.c0();
        double e = Math.hypot(s.c1Err(), s.c0Err());
        return new Estimate(d, e, String.format(Locale.ROOT, "correlations/correlations.json: C1 = %.4g, C0 = %.4g", s.c1(), s.c0()));
    }

    private static void requireOwnTrap(RunDirectory run) throws IOException, Missing {
        String fb = run.onsetFallback();
        if (fb != null) throw new Missing("the trap model ran on fallback barrier parameters, not this run's: " + fb);
    }

    private static Table requireOwnTrsp(RunDirectory run) throws IOException, Missing {
        String fb = run.onsetFallback();
        if (fb != null) throw new Missing("the TRSP model ran on fallback barrier parameters: " + fb);
        String kf = run.kickFallback();
        if (kf != null) throw new Missing("the TRSP model ran on fallback kicks: " + kf);
        Table t = run.csv("trsp", "summary.csv");
        if (t == null) throw new Missing("trsp/summary.csv absent");
        return t;
    }

    /** Least-squares slope b of y = a + b/T ({@link Line}, unweighted, over the points with T &gt; 0 and finite y). */
    static double slopeInverseT(double[] t, double[] y) throws Missing {
        int n = 0;
        double[] x = new double[t.length], v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            if (!(t[i] > 0) || !Double.isFinite(y[i])) continue;
            x[n] = 1 / t[i];
            v[n] = y[i];
            n++;
        }
        if (n < 2) throw new Missing("fewer than 2 temperatures for <S> = a + b/T");
        Line line = Line.fit(Arrays.copyOf(x, n), Arrays.copyOf(v, n));
        if (!line.determined()) throw new Missing("fewer than 2 temperatures for <S> = a + b/T");
        return line.slope();
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? Format.g4(v) : String.valueOf(v);
    }

    /** The rows as a JSON-ready map: {@code schema}, {@code run}, {@code setup}, {@code agreement_rule}, {@code rows}. */
    public static Map<String, Object> toJson(Path runDir, RunSetup setup, List<Comparison> rows) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("schema", SCHEMA);
        j.put("run", runDir.toString());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", setup.model()); s.put("n", setup.n()); s.put("temperatures", setup.temperatures()); s.put("dt", setup.dt());
        s.put("train_temperatures", setup.trainTemperatures()); s.put("potential", "ka".equals(setup.model()) ? RunSetup.KA_POTENTIAL : setup.model());
        j.put("setup", s);
        j.put("agreement_rule", "values: |ours - paper| (distance to a printed range) <= 2 sigma_ours + the row's tolerance (papers print no errors); "
                + "directions: the statistic has the paper's sign and |statistic| > 2 sigma; a disagreement is data, not an error");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Comparison c : rows) {
            PublishedValue p = c.published();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", p.id()); r.put("quantity", p.quantity()); r.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
            r.put("paper", p.setup().paper()); r.put("citation", p.citation()); r.put("printed", p.printed());
            r.put("paper_lo", p.lo()); r.put("paper_hi", p.hi()); r.put("definition", p.definition());
            r.put("ours", c.ours() == null ? null : finite(c.ours().value()));
            r.put("ours_err", c.ours() == null ? null : finite(c.ours().error()));
            r.put("method", c.ours() == null ? null : c.ours().method());
            r.put("tolerance", p.tolerance().why());
            r.put("status", c.status().name().toLowerCase(Locale.ROOT)); r.put("agrees", c.status().agrees());
            r.put("reason", c.reason()); r.put("setup_note", c.setupNote());
            out.add(r);
        }
        j.put("rows", out);
        return j;
    }

    /** CSV (header {@code id,quantity,citation,printed,paper_lo,paper_hi,ours,ours_err,agrees,status,setup_note,reason}), fields quoted. */
    public static String toCsv(List<Comparison> rows) {
        StringBuilder b = new StringBuilder("id,quantity,citation,printed,paper_lo,paper_hi,ours,ours_err,agrees,status,setup_note,reason\n");
        for (Comparison c : rows) {
            PublishedValue p = c.published();
            b.append(String.join(",", q(p.id()), q(p.quantity()), q(p.citation()), q(p.printed()), num(p.lo()), num(p.hi()),
                    c.ours() == null ? "" : num(c.ours().value()), c.ours() == null ? "" : num(c.ours().error()), c.status().agrees(),
                    c.status().name().toLowerCase(Locale.ROOT), q(c.setupNote()), q(c.reason()))).append('\n');
        }
        return b.toString();
    }

    /** The human table: quantity, paper value, citation, ours ± err, agrees, set-up note (and reason on its own line). */
    public static String toText(List<Comparison> rows) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-34s %-24s %-28s %-22s %-9s %s%n", "quantity", "paper", "citation", "ours +- err", "agrees", "setup differs"));
        for (Comparison c : rows) {
            PublishedValue p = c.published();
            String ours = c.ours() == null ? "-" : Double.isFinite(c.ours().error()) ? fmt(c.ours().value()) + " +- " + String.format(Locale.ROOT, "%.2g", c.ours().error())
                    : fmt(c.ours().value()) + " (no err)";
            b.append(String.format(Locale.ROOT, "%-34s %-24s %-28s %-22s %-9s %s%n", p.quantity(), p.printed(), p.citation(), ours, c.status().agrees(), c.setupNote()));
            b.append("    ").append(c.reason()).append('\n');
        }
        return b.toString();
    }

    private static Double finite(double v) { return Double.isFinite(v) ? v : null; }
    private static String num(double v) { return Double.isFinite(v) ? Double.toString(v) : ""; }
    private static String q(String s) { return '"' + (s == null ? "" : s.replace("\"", "\"\"")) + '"'; }
}
