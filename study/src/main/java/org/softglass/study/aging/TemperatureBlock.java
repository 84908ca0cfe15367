package org.softglass.study.aging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.core.aging.AgingTable;
import org.softglass.core.aging.ModelCurve;
import org.softglass.core.io.JsonFile;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trap.TrapModel;

/**
 * One T_F's block of aging.json ({@code temperatures[i]}): the first (t_w = 0) and late MD ⟨S⟩ with their standard
 * errors, the equilibrium ⟨S⟩(T_F) of the parameter fit (a + b/T) and of the trap model, the late MD value's distance from
 * the fit's equilibrium (in SE), the models at the late t_w, the per-replica series of ⟨S⟩ and U_IS per atom, and a
 * one-line {@code summary}. Non-finite numbers are written as null.
 */
final class TemperatureBlock {
    private TemperatureBlock() {}

    /**
     * @param t    T_F
     * @param rows the table rows of T_F, one per t_w (the first at t_w = 0)
     * @param reps ⟨S⟩ per replica and t_w ([replica][k])
     * @param uIs  U_IS per atom per replica and t_w ([replica][k]; NaN where not measured)
     * @param p    the model parameters, or null
     * @param trap the trap curve, or null (no models)
     * @param trsp the TRSP curve, or null (no models)
     */
    static Map<String, Object> of(double t, List<AgingTable.Row> rows, double[][] reps, double[][] uIs, ModelParameters p,
                                  ModelCurve trap, ModelCurve trsp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("T_F", t);
        AgingTable.Row first = rows.getFirst(), last = rows.getLast();
        m.put("md_t0", JsonFile.map("t_w", first.tw(), "mean_s", JsonFile.finite(first.mdMean()), "error", JsonFile.finite(first.mdError())));
        m.put("md_late", JsonFile.map("t_w", last.tw(), "mean_s", JsonFile.finite(last.mdMean()), "error", JsonFile.finite(last.mdError())));
        Double eqFit = p != null && p.meanS() != null ? p.meanS().at(t) : null;
        Double eqTrap = p != null ? trapEquilibrium(p, t) : null;
        m.put("equilibrium_mean_s_fit", eqFit);
        m.put("equilibrium_mean_s_fit_source", "params meanS: a + b/T, the fit of the MD equilibrium <S>(T)");
        m.put("equilibrium_mean_s_trap", eqTrap);
        if (eqFit != null) {
            double d = last.mdMean() - eqFit;
            m.put("late_minus_equilibrium", JsonFile.finite(d));
            m.put("late_minus_equilibrium_in_se", Double.isFinite(last.mdError()) && last.mdError() > 0 ? JsonFile.finite(d / last.mdError()) : null);
        }
        if (trap != null) m.put("trap_at_late", JsonFile.finite(last.trap()));
        if (trsp != null) m.put("trsp_at_late", JsonFile.finite(last.trsp()));
        m.put("md_replicas_mean_s", nullable(reps));
        m.put("md_replicas_u_is_per_atom", nullable(uIs));
        m.put("summary", String.format(Locale.ROOT, "T_F=%.3g: <S>_MD(0)=%.4f+-%.4f, <S>_MD(%.3g)=%.4f+-%.4f, equilibrium %s, trap %s, TRSP %s",
                t, first.mdMean(), first.mdError(), last.tw(), last.mdMean(), last.mdError(), eqFit == null ? "n/a" : String.format(Locale.ROOT, "%.4f", eqFit),
                Double.isFinite(last.trap()) ? String.format(Locale.ROOT, "%.4f", last.trap()) : "n/a",
                Double.isFinite(last.trsp()) ? String.format(Locale.ROOT, "%.4f", last.trsp()) : "n/a"));
        return m;
    }

    /** The trap model's equilibrium ⟨S⟩(t), or null where the model refuses t. */
    private static Double trapEquilibrium(ModelParameters p, double t) {
        try {
            TrapModel tm = TrapModel.of(p);
            tm.checkTemperature(t);
            return tm.meanS(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Each row as a list, non-finite values null. */
    private static List<List<Double>> nullable(double[][] values) {
        List<List<Double>> out = new ArrayList<>();
        for (double[] v : values) out.add(Arrays.stream(v).mapToObj(x -> Double.isFinite(x) ? x : null).toList());
        return out;
    }
}
