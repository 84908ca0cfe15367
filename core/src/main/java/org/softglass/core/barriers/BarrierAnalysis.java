package org.softglass.core.barriers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.softglass.core.fit.FitResult;
import org.softglass.core.fit.WeightedLine;
import org.softglass.core.stats.Descriptive;

/**
 * The whole barrier analysis over several temperatures ({@code 001}, {@code 000}, {@code 003};
 * DESIGN §4–5), on plain arrays so the pipeline can call it in-process:
 * per temperature P(S), P(R|S) ({@link ConditionalProbability}, block-bootstrap errors), ⟨S⟩ and σ_S; per bin the Arrhenius
 * (or Kramers) fit across temperatures ({@link ArrheniusFit}); the global onset fit
 * ({@link OnsetFit}) — both with errors scaled by √(χ²/dof) where χ²/dof &gt; 1 (DESIGN §7b); and ⟨S⟩(T) = a + b/T (a weighted line in 1/T with σ = σ_S/√n, errors rescaled
 * by χ²/dof because neighbouring samples are correlated).
 *
 * <p>Unusable points (too few rearrangements, P(R|S) ≈ 1) are either refused (strict: the first one
 * is an IllegalArgumentException naming it) or dropped and listed in {@link Result#dropped()}; a bin
 * left with fewer than 2 temperatures gets no per-bin fit and is listed too. Never NaN in a fit.
 */
public final class BarrierAnalysis {
    private BarrierAnalysis() {}

    /**
     * One temperature's samples: softness (or x_α), whether each sample rearranges, and its bootstrap
     * block (arrays not modified). For samples that are frames of a trajectory the block is the
     * particle ({@link ConditionalProbability#denseBlocks} of the particle ids), so that the frames of
     * one event are resampled together (DESIGN §7b).
     *
     * @param block bootstrap block of each sample (≥ 0), or null: every sample its own block, the
     *     independent-sample bootstrap, right only for independent samples
     */
    public record Sample(double t, double[] s, boolean[] rearranging, int[] block) {
        /** Checks the lengths agree. */
        public Sample {
            if (s.length != rearranging.length) throw new IllegalArgumentException("softness (" + s.length + ") and labels (" + rearranging.length + ") differ in length");
            if (block != null && block.length != s.length) throw new IllegalArgumentException("softness (" + s.length + ") and blocks (" + block.length + ") differ in length");
        }

        /** Samples without a block structure: each sample its own block (independent samples only). */
        public Sample(double t, double[] s, boolean[] rearranging) { this(t, s, rearranging, null); }

        /** These samples with bootstrap blocks {@code block}. */
        public Sample withBlocks(int[] block) { return new Sample(t, s, rearranging, block); }
    }

    /**
     * @param bins softness bins
     * @param bootstrap bootstrap replicates
     * @param seed bootstrap seed (temperature i uses seed + i)
     * @param minEvents fewest rearrangements for a usable point
     * @param pMax P(R|S) at or above which a point is unusable
     * @param kramers fit the Kramers form (extra −ln T)
     * @param strict refuse unusable points instead of dropping them
     * @param onset run the global onset fit
     */
    public record Options(SoftnessBins bins, int bootstrap, long seed, long minEvents, double pMax, boolean kramers,
                          boolean strict, boolean onset) {}

    /** Per-temperature summary: ⟨S⟩, σ_S over the finite samples (divisor n − 1, {@link Descriptive.Divisor#SAMPLE}; 0 for one sample), sample count, rearranging fraction. */
    public record Moments(double t, double mean, double std, long n, double fraction) {}

    /**
     * @param temperatures the temperatures, ascending
     * @param probabilities P(S), P(R|S) per temperature (same order)
     * @param moments ⟨S⟩, σ_S per temperature
     * @param fits per-bin Arrhenius fits, by bin
     * @param onset the global fit, or null when not requested
     * @param meanS a, b of ⟨S⟩(T) = a + b/T (null with one temperature)
     * @param dropped reasons for dropped points and bins
     * @param points the points of the fitted bins (what the onset fit uses)
     */
    public record Result(double[] temperatures, List<ConditionalProbability> probabilities, List<Moments> moments,
                         List<ArrheniusFit> fits, OnsetFit onset, FitResult meanS, List<String> dropped, List<BarrierPoint> points) {
        /** This result with the given onset fit. */
        public Result withOnset(OnsetFit o) {
            return new Result(temperatures, probabilities, moments, fits, o, meanS, dropped, points);
        }
    }

    /**
     * Runs the analysis.
     *
     * @throws IllegalArgumentException when fewer than 2 temperatures are given (no Arrhenius fit is
     *     possible), on duplicate temperatures, in strict mode on the first unusable point, or when the
     *     onset fit refuses (see {@link OnsetFit})
     */
    public static Result run(List<Sample> samples, Options o) {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(java.util.Comparator.comparingDouble(Sample::t));
        if (sorted.size() < 2) {
            throw new IllegalArgumentException("the Arrhenius fits need at least 2 temperatures, got " + sorted.size()
                    + ": a single temperature cannot separate Sigma(S) from DeltaE(S)");
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).t() == sorted.get(i - 1).t()) throw new IllegalArgumentException("temperature " + sorted.get(i).t() + " given twice");
        }
        int nt = sorted.size();
        double[] temps = new double[nt];
        List<ConditionalProbability> probs = new ArrayList<>();
        List<Moments> moments = new ArrayList<>();
        for (int i = 0; i < nt; i++) {
            Sample sm = sorted.get(i);
            if (!(sm.t() > 0)) throw new IllegalArgumentException("temperature must be > 0, got " + sm.t());
            temps[i] = sm.t();
            probs.add(sm.block() == null ? ConditionalProbability.compute(sm.s(), sm.rearranging(), o.bins(), o.bootstrap(), o.seed() + i)
                    : ConditionalProbability.compute(sm.s(), sm.rearranging(), sm.block(), o.bins(), o.bootstrap(), o.seed() + i));
            moments.add(moments(sm));
        }
        List<String> dropped = new ArrayList<>();
        Map<Integer, List<BarrierPoint>> byBin = new TreeMap<>();
        List<BarrierPoint> all = new ArrayList<>();
        for (int i = 0; i < nt; i++) {
            ConditionalProbability cp = probs.get(i);
            for (int k = 0; k < o.bins().n(); k++) {
                if (cp.count()[k] == 0) continue;
                BarrierPoint p = new BarrierPoint(k, temps[i], cp.meanS()[k], cp.p()[k], cp.pErr()[k], cp.events()[k]);
                String why = p.unusable(o.minEvents(), o.pMax());
                if (why != null) {
                    if (o.strict()) throw new org.softglass.core.util.Refusal("refused: " + why);
                    dropped.add(why);
                    continue;
                }
                byBin.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
                all.add(p);
            }
        }
        List<ArrheniusFit> fits = new ArrayList<>();
        List<BarrierPoint> forOnset = new ArrayList<>();
        for (var e : byBin.entrySet()) {
            if (e.getValue().size() < 2) {
                String why = o.bins().label(e.getKey()) + ": usable at only " + e.getValue().size() + " temperature(s), no Arrhenius fit";
                if (o.strict()) throw new org.softglass.core.util.Refusal("refused: " + why);
                dropped.add(why);
                continue;
            }
            fits.add(ArrheniusFit.fit(e.getValue(), o.kramers(), o.minEvents(), o.pMax()));
            forOnset.addAll(e.getValue());
        }
        if (fits.isEmpty()) throw new org.softglass.core.util.Refusal("no softness bin has usable P(R|S) at 2 or more temperatures; widen the bins or lower {minEvents}");
        OnsetFit onset = o.onset() ? OnsetFit.fit(forOnset, o.kramers(), o.minEvents(), o.pMax()) : null;
        double[] x = new double[nt], y = new double[nt], err = new double[nt];
        for (int i = 0; i < nt; i++) {
            Moments m = moments.get(i);
            x[i] = 1 / temps[i]; y[i] = m.mean(); err[i] = m.std() / Math.sqrt(m.n());
        }
        FitResult meanS = null;
        boolean errorsOk = true;
        for (double v : err) errorsOk &= v > 0 && Double.isFinite(v);
        if (errorsOk) meanS = WeightedLine.fit(x, y, err);
        return new Result(temps, probs, moments, fits, onset, meanS, dropped, List.copyOf(forOnset));
    }

    private static Moments moments(Sample sm) {
        long n = 0, r = 0;
        for (int i = 0; i < sm.s().length; i++) {
            if (!Double.isFinite(sm.s()[i])) continue;
            n++;
            if (sm.rearranging()[i]) r++;
        }
        if (n == 0) throw new org.softglass.core.util.Refusal("temperature " + sm.t() + " has no finite samples");
        double[] finite = Arrays.stream(sm.s()).filter(Double::isFinite).toArray();
        // σ_S with divisor n − 1 (Divisor.SAMPLE: the error ⟨S⟩ ± σ_S/√n of the ⟨S⟩(T) line uses it); 0 for one sample
        double std = n == 1 ? 0 : Descriptive.std(finite, Descriptive.Divisor.SAMPLE);
        return new Moments(sm.t(), Descriptive.mean(finite), std, n, (double) r / n);
    }
}
