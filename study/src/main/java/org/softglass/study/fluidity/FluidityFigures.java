package org.softglass.study.fluidity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.softglass.core.barriers.ArrheniusFit;
import org.softglass.core.dynamics.VanHove;
import org.softglass.core.fluidity.BiasScan;
import org.softglass.core.io.CsvRows;
import org.softglass.core.plot.Plot;

/**
 * Writes the tables and PNGs of {@link FluidityFiguresStudy} (paper 003): {@code cv_accuracy_bias.csv} +
 * {@code fig1_cv_accuracy_bias.png}; {@code test_accuracy_bias.csv} + {@code fig2_test_accuracy_bias.png} (against
 * b − b^best) and {@code fig8_immobile_random.png} (against b); {@code van_hove.csv} +
 * {@code fig2_inset_van_hove.png} (4πr²G_s, log scale); {@code barriers.csv} + {@code fig4_delta_e.png} and
 * {@code fig4_inset_sigma.png}; {@code histograms.csv} + {@code fig5_alpha_NAME.png} per classifier; {@code classifiers.csv}
 * (Table I).
 */
final class FluidityFigures {
    private FluidityFigures() {}

    /** Bins of the α histograms (Fig. 5). */
    static final int HISTOGRAM_BINS = 40;

    /** An accuracy-against-bias curve of one classifier. */
    record Curve(String name, String kind, double trainT, BiasScan scan) {}

    /** The per-bin Kramers fits (ΔE, Σ against x_α) of one classifier. */
    record BarrierCurve(String name, String kind, List<ArrheniusFit> fits) {}

    /** w·F of every A row per temperature, and the classifier's own bias b_model (α = w·F + b_model, i.e. S). */
    record Histogram(String name, Map<Double, double[]> decisions, double modelBias) {}

    static List<Path> write(Path out, List<Curve> cv, List<Curve> tests, Map<Double, VanHove> vanHove, List<BarrierCurve> barriers,
                            List<Histogram> histograms, List<ClassifierSummary> summaries) throws IOException {
        List<Path> files = new ArrayList<>();
        // Fig. 1: CV accuracy against the bias
        List<Object[]> rows = new ArrayList<>();
        Plot fig1 = Plot.xy("Cross-validated accuracy vs bias (003 Fig. 1)", "bias b (rearranging when w.F > b)", "CV accuracy");
        for (Curve c : cv) {
            BiasScan s = c.scan();
            for (int i = 0; i < s.thresholds().length; i++) rows.add(new Object[] {c.name(), c.kind(), c.trainT(), s.thresholds()[i], s.accuracy()[i]});
            fig1.line(c.name(), s.thresholds(), s.accuracy());
        }
        save(files, out.resolve("cv_accuracy_bias.csv"), "classifier,kind,train_T,bias,cv_accuracy", rows);
        save(files, fig1, out.resolve("fig1_cv_accuracy_bias.png"));
        // Figs. 2 and 8: test accuracy against the bias
        rows = new ArrayList<>();
        Plot fig2 = Plot.xy("Test accuracy vs bias relative to the best (003 Fig. 2)", "b - b_best", "test accuracy");
        Plot fig8 = Plot.xy("Immobile vs random against tails classifiers (003 Fig. 8)", "bias b", "test accuracy");
        double randomT = tests.stream().filter(c -> c.kind().equals("immobile-random")).mapToDouble(Curve::trainT).findFirst().orElse(Double.NaN);
        boolean tailsAtRandomT = tests.stream().anyMatch(c -> c.kind().equals("tails") && c.trainT() == randomT);
        for (Curve c : tests) {
            BiasScan s = c.scan();
            double[] rel = new double[s.thresholds().length];
            for (int i = 0; i < rel.length; i++) {
                rel[i] = s.thresholds()[i] - s.best();
                rows.add(new Object[] {c.name(), c.kind(), c.trainT(), s.thresholds()[i], rel[i], s.accuracy()[i]});
            }
            if (!c.kind().equals("immobile-random")) fig2.line(c.name(), rel, s.accuracy());
            if (c.kind().equals("immobile-random") || (c.kind().equals("tails") && (!tailsAtRandomT || c.trainT() == randomT))) {
                fig8.line(c.name(), s.thresholds(), s.accuracy());
            }
        }
        save(files, out.resolve("test_accuracy_bias.csv"), "classifier,kind,train_T,bias,bias_minus_best,test_accuracy", rows);
        save(files, fig2, out.resolve("fig2_test_accuracy_bias.png"));
        save(files, fig8, out.resolve("fig8_immobile_random.png"));
        // Fig. 2 inset: the self van Hove function at t = t_R
        rows = new ArrayList<>();
        Plot inset = Plot.xy("Self van Hove function of A particles (003 Fig. 2 inset)", "r", "4 pi r^2 G_s(r, t)").logY();
        for (Map.Entry<Double, VanHove> e : vanHove.entrySet()) {
            VanHove v = e.getValue();
            for (int k = 0; k < v.r().length; k++) rows.add(new Object[] {e.getKey(), v.lagTime(), v.r()[k], v.gs()[k], v.radial()[k]});
            inset.points("T = " + e.getKey() + ", t = " + org.softglass.core.util.Format.g4(v.lagTime()), v.r(), v.radial());
        }
        save(files, out.resolve("van_hove.csv"), "T,t,r,gs,four_pi_r2_gs", rows);
        save(files, inset, out.resolve("fig2_inset_van_hove.png"));
        // Fig. 4: ΔE(x_α) and Σ(x_α) across classifiers
        rows = new ArrayList<>();
        Plot fig4 = Plot.xy("Energy barrier vs x_alpha (003 Fig. 4)", "x_alpha", "Delta E");
        Plot fig4s = Plot.xy("Entropic contribution vs x_alpha (003 Fig. 4 inset)", "x_alpha", "Sigma");
        for (BarrierCurve b : barriers) {
            int n = b.fits().size();
            double[] x = new double[n], de = new double[n], dee = new double[n], sg = new double[n], sge = new double[n];
            for (int k = 0; k < n; k++) {
                ArrheniusFit f = b.fits().get(k);
                x[k] = f.s(); de[k] = f.barrier(); dee[k] = f.barrierErr(); sg[k] = f.entropy(); sge[k] = f.entropyErr();
                rows.add(new Object[] {b.name(), b.kind(), f.bin(), f.s(), f.barrier(), f.barrierErr(), f.entropy(), f.entropyErr()});
            }
            fig4.errors(b.name(), x, de, dee);
            fig4s.errors(b.name(), x, sg, sge);
        }
        save(files, out.resolve("barriers.csv"), "classifier,kind,bin,x_alpha,delta_e,delta_e_err,sigma,sigma_err", rows);
        save(files, fig4, out.resolve("fig4_delta_e.png"));
        save(files, fig4s, out.resolve("fig4_inset_sigma.png"));
        // Fig. 5: the distribution of α at every temperature
        rows = new ArrayList<>();
        for (Histogram h : histograms) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double[] d : h.decisions().values()) for (double v : d) if (Double.isFinite(v)) { lo = Math.min(lo, v + h.modelBias()); hi = Math.max(hi, v + h.modelBias()); }
            if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
            double w = (hi - lo) / HISTOGRAM_BINS;
            Plot fig5 = Plot.xy("Distribution of alpha = w.F - b of " + h.name() + " (003 Fig. 5)", "alpha", "P(alpha)");
            for (Map.Entry<Double, double[]> e : h.decisions().entrySet()) {
                long[] count = new long[HISTOGRAM_BINS];
                long n = 0;
                for (double v : e.getValue()) {
                    if (!Double.isFinite(v)) continue;
                    count[Math.min(HISTOGRAM_BINS - 1, (int) ((v + h.modelBias() - lo) / w))]++;
                    n++;
                }
                double[] x = new double[HISTOGRAM_BINS], p = new double[HISTOGRAM_BINS];
                for (int k = 0; k < HISTOGRAM_BINS; k++) {
                    x[k] = lo + (k + 0.5) * w;
                    p[k] = n == 0 ? 0 : count[k] / (n * w);
                    rows.add(new Object[] {h.name(), e.getKey(), x[k], p[k]});
                }
                fig5.line("T = " + e.getKey(), x, p);
            }
            save(files, fig5, out.resolve("fig5_alpha_" + h.name() + ".png"));
        }
        save(files, out.resolve("histograms.csv"), "classifier,T,alpha,density", rows);
        // Table I
        rows = new ArrayList<>();
        for (ClassifierSummary s : summaries) {
            rows.add(new Object[] {s.name(), s.kind(), s.trainT(), s.samples(), s.cvAccuracy(), s.cvBestBias(), s.cvBestAccuracy(), s.trainBias(),
                    s.sigma(), s.bestBias(), s.bestTestAccuracy(), s.projection() == null ? "" : s.projection()});
        }
        save(files, out.resolve("classifiers.csv"), "classifier,kind,train_T,samples,cv_accuracy,cv_best_bias,cv_best_accuracy,train_bias,"
                + "sigma_alpha,best_bias,best_test_accuracy,projection_on_softness", rows);
        return files;
    }

    private static void save(List<Path> files, Path csv, String header, List<Object[]> rows) throws IOException {
        CsvRows.write(csv, header, rows);
        files.add(csv);
    }

    private static void save(List<Path> files, Plot plot, Path png) throws IOException {
        plot.save(png);
        files.add(png);
    }
}
