package org.softglass.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.compare.TimeMatching;
import org.softglass.core.compare.TimeMatching.Factor;
import org.softglass.core.compare.TimeMatching.Tau;
import org.softglass.core.util.Refusal;

/**
 * The report's time-scale matching of the trap and TRSP models to the MD ({@link TimeMatching}; paper
 * {@code 000} supplement, "Rescaling of rearrangement rate"; DESIGN §7b): one rate factor per model,
 * f = τ_Q,model/τ_Q,MD at a single reference temperature, by which every model time is divided.
 *
 * <p>Matched observable: τ_Q (Q = 1/e) of the MD overlap ({@link MdOverlap#MD_OVERLAP}) against the
 * model's τ_Q. Reference temperature: the highest temperature at which the MD, the trap and the TRSP τ_Q
 * are all finite, so both models are matched at the same T; when no temperature has all three, each model
 * is matched at its own highest temperature shared with the MD (the summary gives each model's T_ref). A
 * model with no temperature in common with the MD is not matched ({@code refused} with the reason; its
 * matched times are null). Errors: the MD τ_Q's error where its file gives one ({@code tau_Q_err}); the
 * models' τ_Q carry none here (the trap's is a deterministic quadrature of the fitted parameters; the
 * TRSP's statistical error is not written by {@code trsp run}), so σ_f reflects the MD error only, or is
 * null.
 *
 * @param referenceT the common T_ref, or NaN when the models are matched at different temperatures
 * @param trap the trap model's factor, or null when refused
 * @param trsp the TRSP model's factor, or null when refused
 * @param trapRefusal why the trap model was not matched (null when it was)
 * @param trspRefusal why the TRSP model was not matched (null when it was)
 */
record PipelineMatching(double referenceT, Factor trap, Factor trsp, String trapRefusal, String trspRefusal) {

    /**
     * @param ts the temperatures
     * @param tauMd MD τ_Q per temperature (NaN where not reached)
     * @param tauMdErr its 1σ error (NaN where unknown)
     * @param tauTrap trap τ_Q (raw)
     * @param tauTrsp TRSP τ_Q (raw)
     */
    static PipelineMatching of(double[] ts, double[] tauMd, double[] tauMdErr, double[] tauTrap, double[] tauTrsp) {
        List<Tau> md = new ArrayList<>(), trap = new ArrayList<>(), trsp = new ArrayList<>(), all = new ArrayList<>();
        for (int k = 0; k < ts.length; k++) {
            md.add(new Tau(ts[k], tauMd[k], tauMdErr[k]));
            trap.add(Tau.of(ts[k], tauTrap[k]));
            trsp.add(Tau.of(ts[k], tauTrsp[k]));
            // a stand-in "model" usable exactly where both models are: the common T_ref is its reference with the MD
            boolean both = trap.getLast().usable() && trsp.getLast().usable();
            all.add(Tau.of(ts[k], both ? 1 : Double.NaN));
        }
        double common;
        try {
            common = TimeMatching.referenceTemperature(md, all);
        } catch (Refusal e) {
            common = Double.NaN;
        }
        Factor[] f = new Factor[2];
        String[] why = new String[2];
        List<List<Tau>> models = List.of(trap, trsp);
        for (int i = 0; i < 2; i++) {
            try {
                f[i] = Double.isNaN(common) ? TimeMatching.match(md, models.get(i), TimeMatching.TAU_Q)
                        : TimeMatching.match(common, md, models.get(i), TimeMatching.TAU_Q);
            } catch (Refusal e) {
                why[i] = e.getMessage();
            }
        }
        return new PipelineMatching(common, f[0], f[1], why[0], why[1]);
    }

    /** The {@code time_matching} block of summary.json. */
    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("observable", TimeMatching.TAU_Q);
        m.put("md_source", MdOverlap.MD_OVERLAP);
        m.put("reference_T", fin(referenceT));
        m.put("rule", "model rates x factor, model times / factor; factor = tau_Q,model / tau_Q,MD at reference_T (paper 000 supplement)");
        m.put("trap", model(trap, trapRefusal));
        m.put("trsp", model(trsp, trspRefusal));
        return m;
    }

    private static Map<String, Object> model(Factor f, String refusal) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (f == null) {
            m.put("factor", null);
            m.put("error", null);
            m.put("refused", refusal);
            return m;
        }
        m.put("factor", f.factor());
        m.put("error", fin(f.error()));
        m.put("error_from", f.errorFrom().name().toLowerCase(java.util.Locale.ROOT));
        m.put("reference_T", f.referenceTemperature());
        m.put("tau_Q_model_raw", f.tauModel().tau());
        m.put("tau_Q_md", f.tauMd().tau());
        return m;
    }

    /** The matched model times of one comparison row (null where the model was not matched or the time is n/a). */
    Map<String, Object> matchedRow(double tauQTrap, double tauChiTrap, double tauQTrsp, double tauChiTrsp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tau_Q_trap_matched", trap == null ? null : fin(trap.matchedTime(tauQTrap)));
        m.put("tau_chi_trap_matched", trap == null ? null : fin(trap.matchedTime(tauChiTrap)));
        m.put("tau_Q_trsp_matched", trsp == null ? null : fin(trsp.matchedTime(tauQTrsp)));
        m.put("tau_chi_trsp_matched", trsp == null ? null : fin(trsp.matchedTime(tauChiTrsp)));
        return m;
    }

    private static Double fin(double v) { return Double.isFinite(v) ? v : null; }
}
