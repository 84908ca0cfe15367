package org.softglass.study.trsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.softglass.core.trsp.ClusterShape;
import org.softglass.core.trsp.Renormalization;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.WindowedKick;
import org.softglass.core.util.InvalidParameter;

/**
 * A check of a TRSP parameter set (paper 002) before a run: the model resolved at each temperature and, for each
 * rearranging cluster shape, its kick ({@link TrspEnsemble#kick}). One {@link Row} per temperature and shape: the FFT
 * eigenvalue range of K, c, the observed and bare rate parameters, λ_max of K_Δ K'⁻¹ and the kick window's size. The
 * first temperature and shape the model refuses ends the check: its refusal is a value of the result.
 */
public final class TrspCheckStudy {
    /** The header of the rows' CSV lines ({@link Row#line}). */
    public static final String HEADER = "T,shape,K_min_eig,K_max_eig,c,lnA,gamma,delta,lnA0,gamma0,delta0,lambda_max,window_rows,window_cols";

    private TrspCheckStudy() {}

    /** @param temperatures the temperatures, each &gt; 0 */
    public record Request(TrspSetup setup, List<Double> temperatures) {
        public Request {
            temperatures = List.copyOf(temperatures);
            for (double t : temperatures) if (!(t > 0)) throw new InvalidParameter("{T} values must be > 0, got " + t);
            setup.checkTol();
        }
    }

    /**
     * One temperature and shape.
     *
     * @param kMinEig   the smallest FFT eigenvalue of K
     * @param kMaxEig   the largest
     * @param c         uᵀKu/σ² of a cluster (eq 23)
     * @param observed  the observed per-site (lnA, γ, δ)
     * @param bare      the bare per-cluster (lnA0, γ0, δ0)
     * @param lambdaMax λ_max(K_Δ K'⁻¹), &lt; 1 for detailed balance
     * @param windowRows    rows of the kick window
     * @param windowColumns its columns
     */
    public record Row(double t, ClusterShape shape, double kMinEig, double kMaxEig, double c, Renormalization observed, Renormalization bare,
                      double lambdaMax, int windowRows, int windowColumns) {
        /** The row as a CSV line of {@link #HEADER}, without the line end. */
        public String line() {
            return String.format(Locale.ROOT, "%g,%s,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6f,%d,%d", t, shape, kMinEig, kMaxEig, c,
                    observed.logA(), observed.gamma(), observed.delta(), bare.logA(), bare.gamma(), bare.delta(), lambdaMax, windowRows, windowColumns);
        }
    }

    /**
     * @param rows    the rows up to the first refusal (all of them without one)
     * @param refusal the model's refusal at the next temperature and shape (a message naming the parameter), or null
     */
    public record Result(List<Row> rows, IllegalArgumentException refusal) {
        /** Whether the model accepted the parameters at every temperature and shape. */
        public boolean accepted() { return refusal == null; }
    }

    /** Resolves the model and its kicks at each temperature, in order, until the first refusal. */
    public static Result run(Request req) {
        List<Row> rows = new ArrayList<>();
        TrspSetup s = req.setup();
        try {
            for (double t : req.temperatures()) {
                TrspModel m = s.at(t);
                for (ClusterShape sh : m.shapes()) {
                    WindowedKick k = TrspEnsemble.kick(m, sh, s.tol());
                    rows.add(new Row(t, sh, m.covariance().minEigenvalue(), m.covariance().maxEigenvalue(), m.c(), m.observed(), m.bare(),
                            k.lambdaMax(), k.rowCount(), k.columnCount()));
                }
            }
        } catch (IllegalArgumentException e) {
            return new Result(List.copyOf(rows), e);
        }
        return new Result(List.copyOf(rows), null);
    }
}
