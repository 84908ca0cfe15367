package org.softglass.core.compare;

import java.util.List;
import org.softglass.core.util.Refusal;

/**
 * Time-scale matching of a rearrangement model to MD, as in the supplement of paper {@code 000}
 * ("Rescaling of rearrangement rate"): the model's P(R|S,T) is multiplied at every temperature by one
 * temperature-independent factor, fixed so that the model's relaxation time equals the MD's at a single
 * (high) reference temperature T_ref. DESIGN §7b: the report gives the factor and shows raw and matched
 * curves.
 *
 * <p>Why one number rescales the time axis exactly: in the trap model every site relaxes with
 * k(S,T) = P(R|S,T)/τ_R ({@code 000} eq 4) and Q̄(t) = ∫ P_T(S) e^{−k t} dS (eq 16); multiplying every
 * rate by a constant c turns Q̄(t) into Q̄(c t), and P_T(S) ∝ ϱ/P(R|S,T) (eq 7) is unchanged because the
 * constant cancels in the normalisation. In the TRSP model
 * ({@code 002} §VI) every cluster rate P0(R|S̄)/τ_R is multiplied by c: the Gillespie waiting times are
 * divided by c and the choice of the firing cluster (a ratio of rates) is unchanged, so each trajectory is
 * the same sequence of events at times t/c. In both models all times — Q(t), χ4(t), τ_Q, τ_χ — scale
 * as t → t/c.
 *
 * <p>The factor. Let τ_model(T_ref) and τ_MD(T_ref) be the raw relaxation times (τ, the MD time unit) of
 * the matched observable at T_ref. The rate factor is
 * <pre>
 *   f = τ_model(T_ref) / τ_MD(T_ref),
 * </pre>
 * i.e. the model's rates are multiplied by f (P(R|S,T) → f P(R|S,T), equivalently τ_R → τ_R/f or
 * Σ0 → Σ0 + ln f in DESIGN §5), and every model time is divided by it: τ_matched = τ_raw/f and the
 * matched curve is Q_matched(t) = Q_raw(f t), i.e. the raw curve's points (t, Q) drawn at (t/f, Q).
 * f &gt; 1 means the raw model was too slow. The 1σ error, where errors are given, is the propagated
 * σ_f = f √((σ_model/τ_model)² + (σ_MD/τ_MD)²); an error that is not given (NaN) contributes nothing,
 * and {@link Factor#errorFrom} says which entered. Matched times carry the factor's relative error in
 * addition to their own; this class does not add them (the report shows the factor and its error).
 *
 * <p>Observable: τ_Q, the time at which the overlap Q(t) (fraction of particles or sites that have not
 * rearranged) falls to 1/e, the quantity {@code 000} compares when it speaks of Q̄ computed on inherent-state
 * positions; the observable is a label carried in the result ({@link #TAU_Q}), the arithmetic is the same
 * for any time. Reference temperature: the highest temperature at which both times are finite and
 * positive ({@link #referenceTemperature}), since {@code 000} matches at a single high temperature where
 * both relax within the run; a caller may choose another ({@link #match(double, List, List, String)}).
 *
 * <p>Stateless; thread-safe.
 */
public final class TimeMatching {
    private TimeMatching() {}

    /** The label of the matched observable used by the pipeline: τ_Q at Q = 1/e. */
    public static final String TAU_Q = "tau_Q (Q = 1/e)";

    /** Temperatures closer than this (ε_AA/k_B) are the same temperature. */
    static final double SAME_T = 1e-9;

    /**
     * One relaxation time.
     *
     * @param temperature T &gt; 0 (ε_AA/k_B)
     * @param tau the time (τ); NaN or ≤ 0 where it was not reached
     * @param error its 1σ error (τ); NaN when not known
     */
    public record Tau(double temperature, double tau, double error) {
        /** A time without an error. */
        public static Tau of(double temperature, double tau) { return new Tau(temperature, tau, Double.NaN); }

        /** Whether the time can be matched: finite and &gt; 0. */
        public boolean usable() { return Double.isFinite(tau) && tau > 0; }
    }

    /** Which of the two errors entered σ_f. */
    public enum ErrorFrom {
        /** Neither error was given; σ_f is NaN. */
        NONE,
        /** Only the MD time's error. */
        MD,
        /** Only the model time's error. */
        MODEL,
        /** Both. */
        BOTH
    }

    /**
     * The matching factor.
     *
     * @param observable the matched time (e.g. {@link #TAU_Q})
     * @param referenceTemperature T_ref
     * @param tauMd τ_MD(T_ref) with its error
     * @param tauModel raw τ_model(T_ref) with its error
     * @param factor f = τ_model/τ_MD: multiply the model's rates by f, divide its times by f
     * @param error σ_f propagated from the given errors (NaN when none was given)
     * @param errorFrom which errors entered σ_f
     */
    public record Factor(String observable, double referenceTemperature, Tau tauMd, Tau tauModel, double factor, double error,
                         ErrorFrom errorFrom) {
        /** A raw model time t (τ) on the matched scale: t/f. */
        public double matchedTime(double rawTime) { return rawTime / factor; }

        /** The raw model times on the matched scale, t_i/f (a new array; the argument is not modified). */
        public double[] matchedTimes(double[] rawTimes) {
            double[] r = new double[rawTimes.length];
            for (int i = 0; i < r.length; i++) r[i] = rawTimes[i] / factor;
            return r;
        }
    }

    /**
     * The highest temperature at which both the MD and the model time are usable ({@link Tau#usable}).
     *
     * @param md the MD times, any order
     * @param model the model's raw times, any order
     * @return T_ref
     * @throws Refusal when no temperature has both times finite and positive (naming the temperatures of each)
     */
    public static double referenceTemperature(List<Tau> md, List<Tau> model) {
        double best = Double.NaN;
        for (Tau a : md) {
            if (!a.usable()) continue;
            Tau b = find(model, a.temperature());
            if (b != null && b.usable() && !(a.temperature() <= best)) best = a.temperature();
        }
        if (Double.isNaN(best)) {
            throw new Refusal("time-scale matching refused: no temperature has both a finite MD time (at T = " + usable(md)
                    + ") and a finite model time (at T = " + usable(model) + ")");
        }
        return best;
    }

    /** The factor at the highest common temperature ({@link #referenceTemperature}). */
    public static Factor match(List<Tau> md, List<Tau> model, String observable) {
        return match(referenceTemperature(md, model), md, model, observable);
    }

    /**
     * The factor at a chosen reference temperature.
     *
     * @param referenceTemperature T_ref; both lists must hold a usable time there (to 1e-9 in T)
     * @param md the MD times
     * @param model the model's raw times
     * @param observable label of the matched time
     * @throws Refusal when either time at T_ref is missing, not finite or ≤ 0
     */
    public static Factor match(double referenceTemperature, List<Tau> md, List<Tau> model, String observable) {
        Tau a = find(md, referenceTemperature), b = find(model, referenceTemperature);
        if (a == null || !a.usable() || b == null || !b.usable()) {
            throw new Refusal(String.format(java.util.Locale.ROOT,
                    "time-scale matching refused at T_ref = %.6g: MD time %s, model time %s (both must be finite and > 0)",
                    referenceTemperature, a == null ? "missing" : String.valueOf(a.tau()), b == null ? "missing" : String.valueOf(b.tau())));
        }
        double f = b.tau() / a.tau();
        boolean em = Double.isFinite(a.error()) && a.error() >= 0, eb = Double.isFinite(b.error()) && b.error() >= 0;
        double rel2 = 0;
        if (em) rel2 += sq(a.error() / a.tau());
        if (eb) rel2 += sq(b.error() / b.tau());
        ErrorFrom from = em && eb ? ErrorFrom.BOTH : em ? ErrorFrom.MD : eb ? ErrorFrom.MODEL : ErrorFrom.NONE;
        double err = from == ErrorFrom.NONE ? Double.NaN : f * Math.sqrt(rel2);
        return new Factor(observable, a.temperature(), a, b, f, err, from);
    }

    private static Tau find(List<Tau> list, double t) {
        for (Tau x : list) if (Math.abs(x.temperature() - t) <= SAME_T) return x;
        return null;
    }

    private static List<Double> usable(List<Tau> list) {
        return list.stream().filter(Tau::usable).map(Tau::temperature).toList();
    }

    private static double sq(double x) { return x * x; }
}
