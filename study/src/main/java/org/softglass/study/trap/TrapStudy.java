package org.softglass.study.trap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.Manifest;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.plot.Plot;
import org.softglass.core.trap.Equilibrium;
import org.softglass.core.trap.Relaxation;
import org.softglass.core.trap.SiteSimulation;
import org.softglass.core.trap.TrapModel;
import org.softglass.core.util.Grids;
import org.softglass.core.util.InvalidParameter;
import org.softglass.core.util.MemoryBudget;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * The trap-like model of paper {@code 000} ({@link TrapModel}) at a list of temperatures: its equilibrium ⟨S⟩(T), Var S
 * ({@link #equilibrium}, eqs 10–11 and quadrature of eq 7) and its relaxation Q̄(t), χ4(t) with their time scales
 * ({@link #relax}, eqs 16–17, 20–21). Each writes CSV tables, PNG plots, the effective parameters
 * ({@code trap_parameters.json}) and a manifest into the output directory.
 */
public final class TrapStudy {
    /** Memory per simulated site (bytes) of {@link SiteSimulation}. */
    public static final long SITE_BYTES = 8;
    /** The header of relax.csv (with {@code ,Q_mc,Q_mc_err} when sites are simulated). */
    public static final String CSV_HEADER = "T,t,Q,chi4,beta_local";
    /** The header of relax_summary.csv. */
    public static final String SUMMARY_HEADER = "T,mean_s,sigma_s,k_mean,tau_Q,tau_half,tau_chi,chi4_star,g_Q,g_chi,gamma_sigma,delta_sigma2,delta_sigma_mean,beta_at_tau_Q,beta_kww,tau_kww";

    private TrapStudy() {}

    /**
     * The model: its parameters, where they came from (recorded in the manifest), and m, the particles per site in
     * χ4 = m(Q − Q²). m is checked (&gt; 0) where χ4 is computed ({@link RelaxRequest}, τ_χ of
     * {@link TrapFragilityStudy}); elsewhere it is only recorded.
     *
     * @param file   the parameter file read, or null
     * @param preset the preset's name when {@code file} is null
     */
    public record Model(ModelParameters params, Path file, String preset, double m) {

        /** The parameters of a file, m = 1. */
        public static Model of(Path file) throws IOException { return new Model(ModelParameters.read(file), file, null, 1); }

        void describe(Manifest man) throws IOException {
            man.param("model", TrapModel.of(params).toString()).param("m", m);
            if (file != null) man.input(file); else man.param("preset", preset);
        }
    }

    /**
     * @param temperatures  the temperatures, each &gt; 0
     * @param points        times per curve, log-spaced, ≥ 2
     * @param before        the curve starts this many decades below τ_Q (ignored with {@code tMin})
     * @param after         and ends this many decades above (ignored with {@code tMax})
     * @param tMin          the first time, or null
     * @param tMax          the last time, or null
     * @param sites         also simulate this many independent sites exactly (0: none)
     * @param seed          the site simulation's seed
     */
    public record RelaxRequest(Model model, List<Double> temperatures, int points, double before, double after, Double tMin, Double tMax, int sites,
                               long seed) {
        public RelaxRequest {
            temperatures = List.copyOf(temperatures);
            double mSite = model.m();
            if (!(mSite > 0) || !Double.isFinite(mSite)) throw new InvalidParameter("{m} must be > 0, got " + mSite);
            Checks.atLeast(points, 2, "points");
            MemoryBudget.require(MemoryBudget.times(points, 8L * 8), "{points} " + points + " (times)");
            Checks.atLeast(sites, 0, "sites");
            MemoryBudget.require(MemoryBudget.times(sites, SITE_BYTES), "{sites} " + sites + " (simulated sites)");
            if (tMin != null) Checks.positive(tMin, "tMin");
            if (tMax != null) Checks.positive(tMax, "tMax");
            if (tMin != null && tMax != null && !(tMax > tMin)) {
                throw new InvalidParameter("{tMax} must be > {tMin}, got {tMin} " + tMin + " {tMax} " + tMax);
            }
            if (!(before >= 0) || !(after > 0)) throw new InvalidParameter("{decadesBefore} must be >= 0 and {decadesAfter} > 0");
        }

        /** The analytic curves only, 400 points from {@code before} decades below τ_Q to {@code after} above. */
        public static RelaxRequest of(Model model, List<Double> temperatures, double before, double after) {
            return new RelaxRequest(model, temperatures, 400, before, after, null, null, 0, 1);
        }
    }

    /** The summary of each temperature, in order. */
    public record RelaxResult(List<Double> temperatures, List<Relaxation.Summary> summaries) {}

    /**
     * Writes {@code relax.csv} (T,t,Q,chi4,beta_local[,Q_mc,Q_mc_err]), {@code relax_summary.csv} ({@link #SUMMARY_HEADER}),
     * {@code relax_Q.png}, {@code relax_chi4.png}, {@code trap_parameters.json} and {@code relax.manifest.json}.
     */
    public static RelaxResult relax(RelaxRequest req, Path dir, StudyContext ctx) throws IOException {
        ModelParameters p = req.model().params();
        TrapModel m = TrapModel.of(p);
        double mSite = req.model().m();
        List<Double> ts = req.temperatures();
        for (double t : ts) m.checkTemperature(t);
        int points = req.points(), sites = req.sites();
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder(CSV_HEADER + (sites > 0 ? ",Q_mc,Q_mc_err" : "") + "\n");
        StringBuilder sum = new StringBuilder(SUMMARY_HEADER + "\n");
        Plot qPlot = Plot.xy("Trap-like model: overlap", "t", "Q(t)").logX();
        Plot cPlot = Plot.xy("Trap-like model: chi4 (m = " + mSite + ")", "t", "chi4(t)").logX();
        List<Relaxation.Summary> summaries = new java.util.ArrayList<>();
        try (StudyContext.Meter progress = ctx.progress().start("trap relax", ts.size(), "T")) {
            int done = 0;
            for (double t : ts) {
                Relaxation r = new Relaxation(m, t);
                Relaxation.Summary s = r.summary(mSite);
                summaries.add(s);
                double a = req.tMin() != null ? req.tMin() : s.tauQ() * Math.pow(10, -req.before());
                double b = req.tMax() != null ? req.tMax() : s.tauQ() * Math.pow(10, req.after());
                double[] times = Grids.logSpaced(a, b, points);
                Relaxation.Curve c = r.curve(times, mSite, true);
                double[] mc = sites > 0 ? SiteSimulation.overlap(m, t, sites, req.seed(), times) : null;
                for (int i = 0; i < points; i++) {
                    csv.append(t).append(',').append(times[i]).append(',').append(c.overlap()[i]).append(',').append(c.chi4()[i])
                            .append(',').append(c.stretching()[i]);
                    if (mc != null) csv.append(',').append(mc[i]).append(',').append(Math.sqrt(c.overlap()[i] * (1 - c.overlap()[i]) / sites));
                    csv.append('\n');
                }
                sum.append(t).append(',').append(r.meanS()).append(',').append(r.sigmaS()).append(',').append(s.kMean()).append(',')
                        .append(s.tauQ()).append(',').append(s.tauHalf()).append(',').append(s.tauChi()).append(',').append(s.chi4Star())
                        .append(',').append(s.gQ()).append(',').append(s.gChi()).append(',').append(s.gammaSigma()).append(',')
                        .append(s.deltaSigma2()).append(',').append(s.deltaSigmaMean()).append(',').append(s.betaAtTauQ()).append(',')
                        .append(s.betaKww()).append(',').append(s.tauKww()).append('\n');
                qPlot.line("T=" + t, times, c.overlap());
                cPlot.line("T=" + t, times, c.chi4());
                if (mc != null) qPlot.points("sites T=" + t, times, mc);
                progress.stepTo(++done);
            }
        }
        CsvRows.writeText(dir.resolve("relax.csv"), csv);
        CsvRows.writeText(dir.resolve("relax_summary.csv"), sum);
        qPlot.save(dir.resolve("relax_Q.png"));
        cPlot.save(dir.resolve("relax_chi4.png"));
        p.write(dir.resolve("trap_parameters.json"));
        Manifest man = new Manifest(ctx.version(), "trap relax");
        req.model().describe(man);
        man.param("temperatures", ts).param("points", points).param("t_min", req.tMin()).param("t_max", req.tMax())
                .param("decades_before", req.before()).param("decades_after", req.after()).param("sites", sites).param("seed", req.seed())
                .output(dir.resolve("relax.csv")).output(dir.resolve("relax_summary.csv")).output(dir.resolve("relax_Q.png"))
                .output(dir.resolve("relax_chi4.png")).output(dir.resolve("trap_parameters.json"))
                .write(dir.resolve("relax.manifest.json"));
        return new RelaxResult(ts, List.copyOf(summaries));
    }

    /** @param maxAbsAnalyticMinusNumeric the largest difference of eqs 10–11 from the quadrature of eq 7 (mean or variance) */
    public record EquilibriumResult(double maxAbsAnalyticMinusNumeric) {}

    /**
     * Writes {@code equilibrium.csv} (T,inv_T,gamma,delta,mean_s,var_s,mean_s_numeric,var_s_numeric,k_mean),
     * {@code equilibrium_density.csv} (S,rho, then P_T for the first and last temperature), {@code equilibrium_mean_s.png}
     * (⟨S⟩ against 1/T), {@code trap_parameters.json} and {@code equilibrium.manifest.json}.
     */
    public static EquilibriumResult equilibrium(Model model, List<Double> ts, Path dir, StudyContext ctx) throws IOException {
        ModelParameters p = model.params();
        TrapModel m = TrapModel.of(p);
        for (double t : ts) m.checkTemperature(t);
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("T,inv_T,gamma,delta,mean_s,var_s,mean_s_numeric,var_s_numeric,k_mean\n");
        int n = ts.size();
        double[] x = new double[n], mean = new double[n], num = new double[n];
        double maxDiff = 0;
        for (int i = 0; i < n; i++) {
            double t = ts.get(i);
            Equilibrium.Moments q = Equilibrium.numeric(m, t);
            x[i] = 1 / t; mean[i] = m.meanS(t); num[i] = q.mean();
            maxDiff = Math.max(maxDiff, Math.max(Math.abs(q.mean() - m.meanS(t)), Math.abs(q.variance() - m.varS(t))));
            csv.append(t).append(',').append(1 / t).append(',').append(m.gamma(t)).append(',').append(m.delta(t)).append(',')
                    .append(m.meanS(t)).append(',').append(m.varS(t)).append(',').append(q.mean()).append(',').append(q.variance())
                    .append(',').append(m.rate(m.meanS(t), t)).append('\n');
        }
        CsvRows.writeText(dir.resolve("equilibrium.csv"), csv);
        double tLo = ts.get(0), tHi = ts.get(n - 1);
        StringBuilder dens = new StringBuilder("S,rho,P_T=" + tLo + (n > 1 ? ",P_T=" + tHi : "") + "\n");
        double lo = Math.min(m.s0() - 6 * m.sigma0(), m.meanS(tLo) - 6 * Math.sqrt(m.varS(tLo)));
        double hi = Math.max(m.s0() + 6 * m.sigma0(), m.meanS(tLo) + 6 * Math.sqrt(m.varS(tLo)));
        for (int i = 0; i <= 400; i++) {
            double s = lo + (hi - lo) * i / 400;
            dens.append(s).append(',').append(m.rho(s)).append(',').append(m.equilibriumDensity(s, tLo));
            if (n > 1) dens.append(',').append(m.equilibriumDensity(s, tHi));
            dens.append('\n');
        }
        CsvRows.writeText(dir.resolve("equilibrium_density.csv"), dens);
        Plot.xy("Trap-like model: equilibrium <S>", "1/T", "<S>").line("eq 10", x, mean).points("quadrature of eq 7", x, num)
                .save(dir.resolve("equilibrium_mean_s.png"));
        p.write(dir.resolve("trap_parameters.json"));
        Manifest man = new Manifest(ctx.version(), "trap equilibrium");
        model.describe(man);
        man.param("temperatures", ts).output(dir.resolve("equilibrium.csv")).output(dir.resolve("equilibrium_density.csv"))
                .output(dir.resolve("equilibrium_mean_s.png")).output(dir.resolve("trap_parameters.json"))
                .result("max_abs_analytic_minus_numeric", maxDiff).write(dir.resolve("equilibrium.manifest.json"));
        return new EquilibriumResult(maxDiff);
    }
}
