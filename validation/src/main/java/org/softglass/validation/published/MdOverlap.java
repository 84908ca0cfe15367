package org.softglass.validation.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;

/**
 * The MD inherent-state overlap summary at one temperature (002 §VII A eqs 31–32; 000 "Q̄ or χ4 computed on IS
 * positions"): {@code observables/T…/overlap/overlap.json} ({@code tau_Q}, {@code tau_chi}, {@code chi4_star}, optional
 * {@code *_err}), or, without it, {@code overlap.csv} (columns {@code t,Q,chi4}): τ_Q where Q first falls to 1/e (linear
 * interpolation), τ_χ and χ4* at the maximum of χ4. The p_hop persistence of {@code observables/T…/persistence} is
 * not this quantity and is never used. The record binds {@code overlap.json} (other fields ignored; a missing number is NaN).
 *
 * @param tauQ τ_Q (NaN when Q never reaches 1/e)
 * @param tauQErr its error, NaN when not given
 * @param tauChi τ_χ
 * @param chi4Star χ4*
 * @param chi4StarErr its error, NaN when not given
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MdOverlap(@JsonProperty("tau_Q") double tauQ, @JsonProperty("tau_Q_err") double tauQErr, @JsonProperty("tau_chi") double tauChi,
                        @JsonProperty("chi4_star") double chi4Star, @JsonProperty("chi4_star_err") double chi4StarErr) {

    /** The overlap at temperature {@code t}, or {@code null} when the run has neither file. */
    public static MdOverlap read(RunDirectory run, double t) throws IOException {
        String l = RunDirectory.label(t);
        MdOverlap j = run.json(MdOverlap.class, "observables", l, "overlap", "overlap.json");
        if (j != null) return j;
        Table c = run.csv("observables", l, "overlap", "overlap.csv");
        return c == null ? null : fromCurve(c.column("t"), c.column("Q"), c.column("chi4"));
    }

    /** τ_Q, τ_χ, χ4* from a sampled Q(t), χ4(t) (t ascending). */
    public static MdOverlap fromCurve(double[] t, double[] q, double[] chi4) {
        double tauQ = Double.NaN, target = Math.exp(-1);
        for (int i = 1; i < t.length && Double.isNaN(tauQ); i++) {
            if (q[i - 1] > target && q[i] <= target) tauQ = t[i - 1] + (t[i] - t[i - 1]) * (q[i - 1] - target) / (q[i - 1] - q[i]);
        }
        int m = 0;
        for (int i = 1; i < chi4.length; i++) if (chi4[i] > chi4[m]) m = i;
        return new MdOverlap(tauQ, Double.NaN, t[m], chi4[m], Double.NaN);
    }
}
