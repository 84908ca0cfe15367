package org.softglass.study.barriers;

import org.softglass.core.util.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.barriers.ArrheniusFit;
import org.softglass.core.barriers.BarrierAnalysis;
import org.softglass.core.barriers.ConditionalProbability;
import org.softglass.core.barriers.OnsetFit;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.JsonFile;
import org.softglass.core.plot.Plot;

/**
 * Writes a {@link BarrierAnalysis.Result}: {@code prs.csv} (T,bin,lo,hi,mean,n,events,density,
 * density_err,p,p_err; p_err the block-bootstrap error of {@link ConditionalProbability}),
 * {@code arrhenius.csv} (bin,mean,sigma,sigma_err,delta_e,delta_e_err,cov,chi2,dof,error_scale; the
 * errors and cov already multiplied by error_scale = √(χ²/dof) where χ²/dof &gt; 1, else 1),
 * {@code prs.png} (ln P(R|x) per T with σ_P/P error bars and the onset fit) and {@code barriers.png}
 * (ΔE and Σ per bin with the quadratic forms). Returns the JSON summary map, in which every fit says
 * how its errors were scaled (DESIGN §7b): {@code onset_fit.error_scale} and
 * {@code onset_fit.errors_scaled_by_chi2} ({@code errors} are the scaled ones,
 * {@code errors_unscaled} those of the bootstrap errors alone), the same two fields in
 * {@code mean_fit}, and {@code arrhenius_fits} ({@code count}, {@code errors_scaled_by_chi2} = how
 * many per-bin fits were scaled, {@code max_error_scale}); each {@code moments} entry gives
 * {@code bootstrap_blocks}, the number of blocks resampled at that temperature.
 */
public final class BarrierReport {
    private BarrierReport() {}

    /**
     * An analysis with its onset fit, or without it and the reason the fit refused; {@code excluded}
     * lists the temperatures left out of the onset fit (empty unless {@link #fitOnsetBelowOnset}).
     */
    public record Onset(BarrierAnalysis.Result result, String error, List<Double> excluded) {
        Onset(BarrierAnalysis.Result result, String error) { this(result, error, List.of()); }
    }

    /**
     * The onset fit on the temperatures below the onset: the fit runs on every temperature; while
     * it refuses because a temperature is at or above the fitted T0 (where P(R|S) no longer depends on
     * S and the quadratic form does not apply, {@link org.softglass.core.barriers.OnsetFit}), the
     * highest remaining temperature is left out and the fit repeated, down to 2 temperatures. The
     * measured P(R|S) and per-bin fits keep every temperature.
     */
    public static Onset fitOnsetBelowOnset(BarrierAnalysis.Result r, boolean kramers, long minEvents, double pMax) {
        java.util.TreeSet<Double> temps = new java.util.TreeSet<>();
        for (var p : r.points()) temps.add(p.t());
        List<Double> excluded = new ArrayList<>();
        while (true) {
            List<org.softglass.core.barriers.BarrierPoint> pts = r.points().stream().filter(p -> !excluded.contains(p.t())).toList();
            try {
                return new Onset(r.withOnset(org.softglass.core.barriers.OnsetFit.fit(pts, kramers, minEvents, pMax)), null, List.copyOf(excluded));
            } catch (org.softglass.core.barriers.OnsetFit.AboveOnset e) {
                if (temps.size() - excluded.size() <= 2) return new Onset(r, e.getMessage(), List.copyOf(excluded));
                excluded.add(temps.descendingSet().stream().filter(t -> !excluded.contains(t)).findFirst().orElseThrow());
            } catch (IllegalArgumentException e) {
                return new Onset(r, e.getMessage(), List.copyOf(excluded));
            }
        }
    }

    /**
     * The global onset fit of {@code r} ({@link org.softglass.core.barriers.OnsetFit}); a refusal is kept as
     * a message rather than thrown, so a command can still write the measured P(R|x) and the per-bin fits
     * before it reports the error.
     */
    public static Onset fitOnset(BarrierAnalysis.Result r, boolean kramers, long minEvents, double pMax) {
        try {
            return new Onset(r.withOnset(org.softglass.core.barriers.OnsetFit.fit(r.points(), kramers, minEvents, pMax)), null);
        } catch (IllegalArgumentException e) {
            return new Onset(r, e.getMessage());
        }
    }

    /**
     * Writes prs.csv, arrhenius.csv, prs.png and barriers.png of {@code r} into {@code out} (adding them to
     * {@code outputs}) and returns the summary map (see the class comment).
     *
     * @param x the variable's name in the figures ({@code S}, {@code x_alpha})
     */
    public static Map<String, Object> write(BarrierAnalysis.Result r, Path out, String x, List<Path> outputs) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        Plot prs = Plot.xy("ln P(R|" + x + ") by temperature", x, "ln P(R|" + x + ")");
        for (int i = 0; i < r.temperatures().length; i++) {
            ConditionalProbability cp = r.probabilities().get(i);
            double t = r.temperatures()[i];
            for (int k = 0; k < cp.bins().n(); k++) {
                if (cp.count()[k] == 0) continue;
                rows.add(new Object[] {t, k, cp.bins().lower(k), cp.bins().lower(k + 1), cp.meanS()[k], cp.count()[k], cp.events()[k],
                        cp.density()[k], cp.densityErr()[k], cp.p()[k], cp.pErr()[k]});
            }
            double[] lp = new double[cp.p().length], lpe = new double[lp.length];
            for (int k = 0; k < lp.length; k++) {
                boolean ok = cp.p()[k] > 0 && cp.pErr()[k] > 0;
                lp[k] = ok ? Math.log(cp.p()[k]) : Double.NaN;
                lpe[k] = ok ? cp.pErr()[k] / cp.p()[k] : Double.NaN;
            }
            prs.errors("T = " + Format.g4(t), cp.meanS(), lp, lpe);
            if (r.onset() != null) {
                double[] xs = cp.meanS().clone(), ys = new double[xs.length];
                for (int k = 0; k < xs.length; k++) ys[k] = r.onset().logP(xs[k], t) - (r.onset().kramers() ? Math.log(t) : 0);
                prs.line("fit T = " + Format.g4(t), xs, ys);
            }
        }
        Path prsCsv = out.resolve("prs.csv"), arrCsv = out.resolve("arrhenius.csv"), prsPng = out.resolve("prs.png"), barPng = out.resolve("barriers.png");
        CsvRows.write(prsCsv, "T,bin,lo,hi,mean,n,events,density,density_err,p,p_err", rows);
        List<Object[]> arr = new ArrayList<>();
        int nf = r.fits().size();
        double[] s = new double[nf], de = new double[nf], dee = new double[nf], sg = new double[nf], sge = new double[nf];
        for (int i = 0; i < nf; i++) {
            ArrheniusFit f = r.fits().get(i);
            arr.add(new Object[] {f.bin(), f.s(), f.entropy(), f.entropyErr(), f.barrier(), f.barrierErr(), f.covariance(), f.chi2(), f.dof(), f.errorScale()});
            s[i] = f.s(); de[i] = f.barrier(); dee[i] = f.barrierErr(); sg[i] = f.entropy(); sge[i] = f.entropyErr();
        }
        CsvRows.write(arrCsv, "bin,mean,sigma,sigma_err,delta_e,delta_e_err,cov,chi2,dof,error_scale", arr);
        Plot bp = Plot.xy((r.fits().get(0).kramers() ? "Kramers" : "Arrhenius") + " fits per bin", x, "Delta E, Sigma")
                .errors("Delta E", s, de, dee).errors("Sigma", s, sg, sge);
        if (r.onset() != null) {
            OnsetFit o = r.onset();
            double[] qe = new double[nf], qs = new double[nf];
            for (int i = 0; i < nf; i++) { qe[i] = o.barriers().deltaE(s[i]); qs[i] = o.barriers().entropy(s[i]); }
            bp.line("eps0 + eps1 x + eps2 x^2", s, qe).line("Sigma0 + (eps1 x + eps2 x^2)/T0", s, qs);
        }
        prs.save(prsPng);
        bp.save(barPng);
        outputs.addAll(List.of(prsCsv, arrCsv, prsPng, barPng));
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("temperatures", r.temperatures());
        List<Map<String, Object>> mom = new ArrayList<>();
        for (int i = 0; i < r.moments().size(); i++) {
            var m = r.moments().get(i);
            mom.add(JsonFile.map("T", m.t(), "mean", m.mean(), "std", m.std(), "n", m.n(), "rearranging_fraction", m.fraction(),
                    "bootstrap_blocks", r.probabilities().get(i).blocks()));
        }
        j.put("moments", mom);
        int scaled = 0;
        double maxScale = 1;
        for (ArrheniusFit f : r.fits()) { if (f.errorsScaled()) scaled++; maxScale = Math.max(maxScale, f.errorScale()); }
        j.put("arrhenius_fits", JsonFile.map("count", nf, "errors_scaled_by_chi2", scaled, "max_error_scale", maxScale));
        if (r.onset() != null) {
            OnsetFit o = r.onset();
            Map<String, Object> on = new LinkedHashMap<>();
            on.put("form", o.kramers() ? "kramers" : "arrhenius");
            on.put("eps0", o.eps0()); on.put("eps1", o.eps1()); on.put("eps2", o.eps2()); on.put("sigma0", o.sigma0()); on.put("t0", o.t0());
            on.put("errors", JsonFile.map("eps0", o.errors()[0], "eps1", o.errors()[1], "eps2", o.errors()[2], "sigma0", o.errors()[3], "t0", o.errors()[4]));
            double g = o.errorScale();
            on.put("errors_unscaled", JsonFile.map("eps0", o.errors()[0] / g, "eps1", o.errors()[1] / g, "eps2", o.errors()[2] / g,
                    "sigma0", o.errors()[3] / g, "t0", o.errors()[4] / g));
            on.put("chi2", o.chi2()); on.put("dof", o.dof());
            on.put("error_scale", g);
            on.put("errors_scaled_by_chi2", o.errorsScaled());
            j.put("onset_fit", on);
        }
        if (r.meanS() != null) {
            double[] p = r.meanS().params(), e = r.meanS().scaledErrors();
            j.put("mean_fit", JsonFile.map("a", p[0], "b", p[1], "a_err", e[0], "b_err", e[1], "form", "<x>(T) = a + b/T",
                    "error_scale", r.meanS().errorScale(), "errors_scaled_by_chi2", r.meanS().errorScale() > 1));
        }
        j.put("dropped", r.dropped());
        return j;
    }

}
