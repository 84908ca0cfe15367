package org.softglass.cli.report;

import org.softglass.core.util.Format;
import static org.softglass.cli.report.ReportNumbers.addFinite;
import static org.softglass.cli.report.ReportNumbers.fin;
import static org.softglass.cli.report.ReportNumbers.fmt;
import static org.softglass.cli.report.ReportNumbers.positive;
import static org.softglass.cli.report.ReportNumbers.thin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.cli.Csv;
import org.softglass.cli.pipeline.PipelinePreset;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.plot.Plot;
import org.softglass.study.barriers.BarriersSummary;
import org.softglass.study.dynamics.PersistenceSummary;

/**
 * The report's model-versus-MD comparison, per MD temperature: the relaxation time τ_Q (Q = 1/e), the χ4
 * peak (χ4*, τ_χ) and ξ4 of the MD's inherent-state overlap ({@link MdOverlap}, species A,
 * {@link org.softglass.core.dynamics.InherentOverlap}; the p_hop persistence is reported beside it under its
 * own name, {@code tau_persist_md}), of the trap-like model (paper 000 eqs 16–17, m = 1) and of the TRSP
 * lattice model (paper 002; τ_Q read off its Q(t) as for the MD, {@link org.softglass.core.rearrange.Persistence#tauQ});
 * ⟨S⟩(T) of the MD against the trap model's equilibrium (000 eq 10). It owns summary.json's
 * {@code time_matching}, {@code comparison}, {@code block_chi4_star} and {@code md_overlap} (put in that order)
 * and the figures {@code q_T….png}, {@code chi4_T….png}, {@code block_collapse.png}, {@code mean_s.png} and
 * {@code tau.png}.
 *
 * <p>Time-scale matching ({@link PipelineMatching}, paper 000 supplement "Rescaling of rearrangement
 * rate", DESIGN §7b): each model's rates are multiplied by one temperature-independent factor
 * f = τ_Q,model/τ_Q,MD fixed at the highest temperature where all are finite, so its times are divided
 * by f; summary.json's {@code time_matching} gives the factors, the comparison rows the matched
 * τ_Q and τ_χ ({@code *_matched}), the Q(t)/χ4(t) figures raw (markers) and matched (lines) model curves.
 */
final class PipelineComparison {
    /**
     * What index.html shows of the comparison.
     *
     * @param rows summary.json's comparison rows, one per temperature
     * @param figures the temperature labels whose Q(t), χ4(t) figures were drawn
     * @param collapseDrawn whether block_collapse.png was drawn (it has a point)
     */
    record Result(List<Map<String, Object>> rows, List<String> figures, boolean collapseDrawn) {}

    private final Path root;
    private final PipelinePreset preset;
    private final Path dir;

    private PipelineComparison(Path root, PipelinePreset preset, Path dir) {
        this.root = root;
        this.preset = preset;
        this.dir = dir;
    }

    /**
     * Puts the comparison's keys into {@code sum} and draws its figures into {@code dir}.
     *
     * @param fits the barriers and parameters the report read ({@link PipelineFits})
     * @param md summary.json's md rows, one per temperature (their {@code tau_alpha_fs02} is drawn on tau.png)
     */
    static Result write(Path root, PipelinePreset preset, Path dir, Map<String, Object> sum, PipelineFits.Fitted fits,
                        List<Map<String, Object>> md) throws IOException {
        return new PipelineComparison(root, preset, dir).write(sum, fits, md);
    }

    private Result write(Map<String, Object> sum, PipelineFits.Fitted fits, List<Map<String, Object>> md) throws IOException {
        double[] ts = preset.temperatures();
        ReportTable eq = ReportTable.read(root.resolve("trap").resolve("equilibrium").resolve("equilibrium.csv"));
        Map<Double, double[]> mom = new LinkedHashMap<>();
        for (BarriersSummary.Moment m : fits.barriers().moments()) mom.put(m.t(), new double[] {m.mean(), m.std()});
        ReportTable relaxSum = ReportTable.read(root.resolve("trap").resolve("relax").resolve("relax_summary.csv"));
        ReportTable relax = ReportTable.read(root.resolve("trap").resolve("relax").resolve("relax.csv"));
        ReportTable trspSum = ReportTable.read(root.resolve("trsp").resolve("summary.csv"));
        ReportTable trspQ = ReportTable.read(root.resolve("trsp").resolve("overlap.csv"));
        List<Map<String, Object>> cmp = new ArrayList<>();
        List<String> figs = new ArrayList<>();
        double[] invT = new double[ts.length], sMd = new double[ts.length], sStd = new double[ts.length], sTrap = new double[ts.length];
        double[] tauMd = new double[ts.length], tauTrap = new double[ts.length], tauTrsp = new double[ts.length], tauA = new double[ts.length];
        double[] tauPersist = new double[ts.length];
        double[][][] persistCurves = new double[ts.length][][];   // {t, Q} of the p_hop persistence
        PersistenceSummary[] persist = new PersistenceSummary[ts.length];
        MdOverlap[] mdo = new MdOverlap[ts.length];
        double[][][] trapCurves = new double[ts.length][][], trspCurves = new double[ts.length][][];
        for (int k = 0; k < ts.length; k++) {
            double t = ts[k];
            invT[k] = 1 / t;
            double[] ms = mom.getOrDefault(t, new double[] {Double.NaN, Double.NaN});
            sMd[k] = ms[0];
            sStd[k] = ms[1];
            sTrap[k] = trapMeanS(fits.params(), t);
            // the MD Q(t), χ4(t) of the comparison: the inherent-state overlap (002 §VII A, DESIGN §7b),
            // not the p_hop persistence (kept under its own name: tau_persist_md, …)
            mdo[k] = MdOverlap.read(root, t);
            Path pd = root.resolve("observables").resolve(PipelinePreset.label(t)).resolve("persistence");
            ReportTable pq = ReportTable.read(pd.resolve("persistence.csv"));
            persist[k] = PersistenceSummary.read(pd.resolve("persistence.json"));
            persistCurves[k] = new double[][] {pq.col("t"), pq.col("Q")};
            tauPersist[k] = persist[k].tauQ();
            trapCurves[k] = relax.where("T", t, "t", "Q", "chi4");
            trspCurves[k] = trspQ.where("T", t, "t", "Q", "chi4");
            tauMd[k] = mdo[k].tauQ();
            tauTrap[k] = relaxSum.col("tau_Q")[relaxSum.find("T", t)];
            tauTrsp[k] = org.softglass.core.rearrange.Persistence.tauQ(trspCurves[k][0], trspCurves[k][1]);
            tauA[k] = md.get(k).get("tau_alpha_fs02") instanceof Double d ? d : Double.NaN;
        }
        double[] tauMdErr = java.util.Arrays.stream(mdo).mapToDouble(MdOverlap::tauQErr).toArray();
        PipelineMatching match = PipelineMatching.of(ts, tauMd, tauMdErr, tauTrap, tauTrsp);
        sum.put("time_matching", match.asMap());
        for (int k = 0; k < ts.length; k++) {
            double t = ts[k];
            int rs = relaxSum.find("T", t), ss = trspSum.find("T", t);
            double tauChiTrap = relaxSum.col("tau_chi")[rs], tauChiTrsp = trspSum.col("tau_chi")[ss];
            Map<String, Object> row = Csv.map("T", t, "mean_s_md", sMd[k], "std_s_md", sStd[k], "mean_s_trap", sTrap[k],
                    "tau_Q_md", fin(tauMd[k]), "tau_Q_trap", fin(tauTrap[k]), "tau_Q_trsp", fin(tauTrsp[k]),
                    "chi4_star_md", fin(mdo[k].chi4Star()), "tau_chi_md", fin(mdo[k].tauChi()),
                    "tau_chi_md_resolved", mdo[k].tauChiResolved(),
                    "chi4_star_trap", fin(relaxSum.col("chi4_star")[rs]), "tau_chi_trap", fin(tauChiTrap),
                    "chi4_star_trsp", fin(trspSum.col("chi4_star")[ss]), "tau_chi_trsp", fin(tauChiTrsp),
                    "xi4_md", fin(mdo[k].xi4()), "xi4_md_err", fin(mdo[k].xi4Err()), "xi4_trsp", fin(trspSum.col("xi4")[ss]),
                    "tau_persist_md", fin(tauPersist[k]), "chi4_star_persist_md", fin(persist[k].chi4Star()),
                    "tau_chi_persist_md", fin(persist[k].tauChi()));
            row.putAll(match.matchedRow(tauTrap[k], tauChiTrap, tauTrsp[k], tauChiTrsp));
            cmp.add(row);
            comparisonFigures(t, mdo[k], persistCurves[k], trapCurves[k], trspCurves[k], match);
            figs.add(PipelinePreset.label(t));
        }
        sum.put("comparison", cmp);
        PipelineBlockCollapse collapse = PipelineBlockCollapse.write(root, preset, dir, ts, trspSum);
        sum.put("block_chi4_star", collapse.rows());
        sum.put("md_overlap", Csv.map("quantity", "inherent-state overlap, 002 eqs 31-34: I_i = 1 while |r_i(t0+t') - r_i(t0)| < a",
                "a", fin(mdo.length == 0 ? Double.NaN : mdo[0].a()), "species", "A", "positions", preset.inherent() ? "inherent structures" : "thermal",
                "note", preset.inherent() ? null : "the preset makes no inherent structures: the MD overlap is on thermal positions, not the papers' IS overlap"));
        BarriersSummary.MeanFit mf = fits.barriers().meanFit();
        double[] eqInv = eq.col("inv_T"), eqS = eq.col("mean_s");
        Plot.xy("<S> vs 1/T: MD and the trap model", "1/T", "<S>").errors("MD (bars: sigma_S)", invT, sMd, sStd)
                .line("trap model equilibrium (000 eq 10)", eqInv, eqS)
                .line("MD fit a + b/T", invT, java.util.Arrays.stream(invT).map(x -> mf.a() + mf.b() * x).toArray())
                .save(dir.resolve("mean_s.png"));
        Plot tp = Plot.xy("Relaxation times vs 1/T (models: raw, and matched at the reference T)", "1/T", "time (tau)").logY();
        addFinite(tp, "MD tau_Q (" + (preset.inherent() ? "IS" : "thermal") + " overlap)", invT, tauMd);
        addFinite(tp, "MD tau (p_hop persistence, not Q)", invT, tauPersist);
        addFinite(tp, "MD tau_alpha (F_s = 0.2)", invT, tauA);
        addFinite(tp, "trap tau_Q raw", invT, tauTrap);
        addFinite(tp, "TRSP tau_Q raw", invT, tauTrsp);
        if (match.trap() != null) addFinite(tp, "trap tau_Q matched (/" + fmt(match.trap().factor()) + ")", invT, match.trap().matchedTimes(tauTrap));
        if (match.trsp() != null) addFinite(tp, "TRSP tau_Q matched (/" + fmt(match.trsp().factor()) + ")", invT, match.trsp().matchedTimes(tauTrsp));
        tp.save(dir.resolve("tau.png"));
        return new Result(cmp, figs, collapse.drawn());
    }

    /**
     * Q(t) and χ4(t) at one temperature: the MD curve (and, on Q, the p_hop persistence for reference), each model's raw curve (sparse markers) and its
     * matched curve t → t/f (line) where the model was matched.
     */
    private void comparisonFigures(double t, MdOverlap md, double[][] persist, double[][] trap, double[][] trsp, PipelineMatching match)
            throws IOException {
        String label = PipelinePreset.label(t);
        for (int y = 1; y <= 2; y++) {
            String name = y == 1 ? "Q" : "chi4";
            Plot p = Plot.xy(name + "(t) at T = " + Format.g4(t) + " (model markers: raw; lines: matched)", "t (tau)", name).logX()
                    .line("MD overlap (" + (preset.inherent() ? "IS" : "thermal") + ", a = " + Format.g4(md.a()) + ")", positive(md.t()), y == 1 ? md.q() : md.chi4());
            if (match.trap() != null) p.line("trap matched (t / " + fmt(match.trap().factor()) + ")", match.trap().matchedTimes(trap[0]), trap[y]);
            if (match.trsp() != null) p.line("TRSP matched (t / " + fmt(match.trsp().factor()) + ")", match.trsp().matchedTimes(trsp[0]), trsp[y]);
            double[][] tr = thin(trap[0], trap[y], 30), tp = thin(trsp[0], trsp[y], 30);
            p.points("trap raw" + (y == 2 ? " (m = 1)" : ""), tr[0], tr[1]).points("TRSP raw", tp[0], tp[1]);
            // last, so MD, trap and TRSP keep the same colours in the Q and χ4 figures
            if (y == 1) p.line("MD p_hop persistence (p_hop > " + Format.g4(preset.pR()) + "; not Q)", positive(persist[0]), persist[1]);
            p.save(dir.resolve((y == 1 ? "q_" : "chi4_") + label + ".png"));
        }
    }

    /** ⟨S⟩ of the trap model's equilibrium at T (000 eq 10): mean of P_T(S) ∝ ϱ(S)/P(R|S,T). */
    static double trapMeanS(ModelParameters p, double t) {
        return org.softglass.core.trap.TrapModel.of(p).meanS(t);
    }
}
