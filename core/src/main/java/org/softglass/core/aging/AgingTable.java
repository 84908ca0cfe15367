package org.softglass.core.aging;

import java.util.ArrayList;
import java.util.List;
import org.softglass.core.stats.Descriptive;

/**
 * The MD ⟨S⟩(t_w) beside the models on one time axis (DESIGN §7b).
 *
 * <p>MD: for each T_F and waiting time, the replica values ⟨S⟩_r(t_w) (each an average over the centre
 * particles of replica r) give
 * <pre>
 *   mean = (1/R) Σ_r ⟨S⟩_r,   SE = sqrt( Σ_r (⟨S⟩_r − mean)² / (R − 1) ) / √R,
 * </pre>
 * the standard error of the mean over R independent quenches (independent melts and velocities, so the
 * replica values are independent and this SE is the right error; particles within a replica are
 * correlated, so pooling particles would understate it). R = 1 gives SE = NaN.
 *
 * <p>Models: the trap and TRSP curves at t = f·t_w ({@link ModelCurve#atMatched}), f their matching
 * factors (1 when unmatched).
 */
public final class AgingTable {
    private AgingTable() {}

    /**
     * One row.
     *
     * @param tFinal T_F
     * @param tw waiting time (τ)
     * @param mdMean MD mean over replicas
     * @param mdError its standard error over replicas
     * @param replicas R
     * @param trap trap ⟨S⟩ at f_trap·t_w (NaN when not computed)
     * @param trsp TRSP ⟨S⟩ at f_trsp·t_w (NaN when not computed)
     * @param trspError the TRSP value's standard error over its trajectories
     */
    public record Row(double tFinal, double tw, double mdMean, double mdError, int replicas, double trap, double trsp, double trspError) {}

    /** Mean and standard error over replicas of column k of {@code values[r][k]}. */
    public static ModelCurve.Point replicaMean(double[][] values, int k) {
        double[] column = new double[values.length];
        for (int r = 0; r < column.length; r++) column[r] = values[r][k];
        return new ModelCurve.Point(Descriptive.mean(column), Descriptive.standardError(column));   // s_{R−1}/√R, NaN for R = 1
    }

    /**
     * The rows of one T_F.
     *
     * @param tFinal T_F
     * @param tw the MD waiting times (τ)
     * @param replicas ⟨S⟩_r(t_w) as [replica][waiting time] (not modified)
     * @param trap the trap curve, or null
     * @param trapFactor f_trap (&gt; 0)
     * @param trsp the TRSP curve, or null
     * @param trspFactor f_trsp (&gt; 0)
     */
    public static List<Row> rows(double tFinal, double[] tw, double[][] replicas, ModelCurve trap, double trapFactor,
                                 ModelCurve trsp, double trspFactor) {
        if (replicas.length == 0) throw new IllegalArgumentException("no replicas");
        for (double[] r : replicas) if (r.length != tw.length) throw new IllegalArgumentException("replica series and waiting times differ in length");
        List<Row> out = new ArrayList<>();
        for (int k = 0; k < tw.length; k++) {
            ModelCurve.Point md = replicaMean(replicas, k);
            ModelCurve.Point a = trap == null ? new ModelCurve.Point(Double.NaN, Double.NaN) : trap.atMatched(tw[k], trapFactor);
            ModelCurve.Point b = trsp == null ? new ModelCurve.Point(Double.NaN, Double.NaN) : trsp.atMatched(tw[k], trspFactor);
            out.add(new Row(tFinal, tw[k], md.mean(), md.error(), replicas.length, a.mean(), b.mean(), b.error()));
        }
        return out;
    }
}
