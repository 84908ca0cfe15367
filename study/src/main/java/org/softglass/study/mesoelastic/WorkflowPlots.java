package org.softglass.study.mesoelastic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.softglass.core.io.CsvRows;
import org.softglass.core.plot.Plot;

/**
 * The figures of the mesoelastic workflow, after paper 004 Fig. 4: {@code fs_all.png} (F_s(q, t) against t/t0 at every
 * T, panel a1), {@code tau_vs_inverse_T.png} (τ_α/t0 against 1/T, a2), {@code kappa_G_vs_T.png} (κ and G relative to the
 * highest T_p against 1/T_p, a3), {@code tau_vs_kappa_over_T.png} (ln(τ_α/t0) against κ/T with the fit of eq 3, a4) and
 * {@code tau_vs_G_over_T.png} (the same against G/T). Error bars: τ_α's error over time blocks, as ln(τ_α/t0) ± err/τ_α;
 * a state point whose error is undefined is drawn without a bar ({@link #statePoints}).
 */
final class WorkflowPlots {
    private WorkflowPlots() {}

    /** Writes the figures of {@code rows} (highest T first) into {@code dir}; returns their paths. */
    static List<Path> write(List<TemperatureRow> rows, WorkflowFit fit, Path dir) throws IOException {
        List<TemperatureRow> tau = rows.stream().filter(TemperatureRow::hasTauAlpha).toList();
        List<Path> out = new ArrayList<>();

        Path pk = dir.resolve("tau_vs_kappa_over_T.png");
        Plot p = Plot.xy(fit.hasFit() ? String.format(Locale.ROOT, "eq 3: l~ = %.3g +- %.2g, t~ = %.3g +- %.2g", fit.ellTilde(),
                        TemperatureRow.nan(fit.ellTildeErr()), fit.tTilde(), TemperatureRow.nan(fit.tTildeErr())) : "eq 3: no fit (" + fit.refusal() + ")",
                "kappa(T)/T", "ln(tau_alpha/t0)");
        statePoints(p, tau, r -> r.kappa() / r.t(), r -> Math.log(r.tauAlphaOverT0()), r -> TemperatureRow.nan(r.tauAlphaErr()) / r.tauAlpha());
        if (fit.hasFit()) {
            double[] fx = fittedX(tau, fit, r -> r.kappa() / r.t());
            p.line("fit", fx, new double[] {fit.intercept() + fit.slope() * fx[0], fit.intercept() + fit.slope() * fx[1]});
        }
        p.save(pk);
        out.add(pk);

        Path pg = dir.resolve("tau_vs_G_over_T.png");
        Plot q = Plot.xy(fit.gLine() != null ? String.format(Locale.ROOT, "against G/T: R^2 = %.4f (kappa/T: %.4f)", fit.gLine().rSquared(), fit.rSquared())
                : "against G/T", "G/T", "ln(tau_alpha/t0)");
        statePoints(q, tau, r -> r.g() / r.t(), r -> Math.log(r.tauAlphaOverT0()), r -> TemperatureRow.nan(r.tauAlphaErr()) / r.tauAlpha());
        if (fit.gLine() != null) {
            double[] fx = fittedX(tau, fit, r -> r.g() / r.t());
            q.line("line", fx, new double[] {fit.gLine().intercept() + fit.gLine().slope() * fx[0], fit.gLine().intercept() + fit.gLine().slope() * fx[1]});
        }
        q.save(pg);
        out.add(pg);

        Path pt = dir.resolve("tau_vs_inverse_T.png");
        statePoints(Plot.xy("structural relaxation", "1/T", "tau_alpha/t0").logY(), tau, r -> 1 / r.t(), TemperatureRow::tauAlphaOverT0,
                r -> TemperatureRow.nan(r.tauAlphaErr()) / r.t0()).save(pt);
        out.add(pt);

        Path pr = dir.resolve("kappa_G_vs_T.png");
        double[] inv = rows.stream().mapToDouble(r -> 1 / r.t()).toArray();
        double k0 = rows.getFirst().kappa(), g0 = rows.getFirst().g();
        Plot.xy("relative change with annealing", "1/T_p", "X(T_p)/X(T_p,max)")
                .points("kappa", inv, rows.stream().mapToDouble(r -> r.kappa() / k0).toArray())
                .points("G", inv, rows.stream().mapToDouble(r -> r.g() / g0).toArray()).save(pr);
        out.add(pr);

        Path pf = dir.resolve("fs_all.png");
        Plot f = Plot.xy("F_s(q, t) of the largest particles", "t/t0", "F_s").logX();
        for (TemperatureRow r : rows) {
            Path csv = dir.resolve(MesoelasticWorkflowStudy.label(r.t())).resolve("fs/fs.csv");
            if (!Files.exists(csv)) continue;
            CsvRows.Table t = CsvRows.readTable(csv);
            f.line("T = " + r.t(), t.doubles("t_over_t0"), t.doubles("fs"));
        }
        f.save(pf);
        out.add(pf);
        return out;
    }

    /**
     * Adds the state points {@code rows} (each with τ_α) to {@code p}: those with a finite error as the error-bar series
     * {@code T_p}, the others (τ_α defined, its error over time blocks not: a block that did not relax) as the plain
     * series {@code T_p (no error)}, so that no fitted state point is left out of a figure.
     */
    static Plot statePoints(Plot p, List<TemperatureRow> rows, ToDoubleFunction<TemperatureRow> x, ToDoubleFunction<TemperatureRow> y,
                            ToDoubleFunction<TemperatureRow> err) {
        List<TemperatureRow> with = rows.stream().filter(r -> Double.isFinite(err.applyAsDouble(r))).toList();
        List<TemperatureRow> without = rows.stream().filter(r -> !Double.isFinite(err.applyAsDouble(r))).toList();
        p.errors("T_p", with.stream().mapToDouble(x).toArray(), with.stream().mapToDouble(y).toArray(), with.stream().mapToDouble(err).toArray());
        p.points("T_p (no error)", without.stream().mapToDouble(x).toArray(), without.stream().mapToDouble(y).toArray());
        return p;
    }

    /** The smallest and largest abscissa of the fitted state points. */
    private static double[] fittedX(List<TemperatureRow> rows, WorkflowFit fit, ToDoubleFunction<TemperatureRow> x) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (TemperatureRow r : rows) {
            if (!fit.fittedTemperatures().contains(r.t())) continue;
            lo = Math.min(lo, x.applyAsDouble(r));
            hi = Math.max(hi, x.applyAsDouble(r));
        }
        return new double[] {lo, hi};
    }
}
