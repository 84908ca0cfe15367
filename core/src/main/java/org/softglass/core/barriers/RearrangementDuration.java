package org.softglass.core.barriers;

import org.softglass.core.stats.Descriptive;

/**
 * Mean rearrangement duration τ_R ({@code 002} §V): per particle, the lengths of runs of consecutive
 * frames with p_hop &gt; threshold (0.2 in {@code 002}), given that p_hop exceeds it in at least one
 * frame; τ_R = mean run length × frame spacing. Runs that touch the first or last frame or a NaN
 * (the p_hop window did not fit) are censored — their true length is unknown — and left out.
 *
 * @param meanFrames mean run length in frames
 * @param stdErrFrames standard error of the mean s_{n−1}/√n (runs treated as independent; 0 for a single run)
 * @param runs number of complete runs
 */
public record RearrangementDuration(double meanFrames, double stdErrFrames, long runs) {

    /**
     * @param phop p_hop, {@code phop[frame][particle]} (not modified; NaN allowed)
     * @param threshold p_hop threshold
     * @throws IllegalArgumentException when no complete run is found
     */
    public static RearrangementDuration of(double[][] phop, double threshold) {
        long runs = 0;
        double sum = 0, sum2 = 0;
        int frames = phop.length;
        if (frames == 0) throw new IllegalArgumentException("no p_hop frames");
        int n = phop[0].length;
        for (int j = 0; j < n; j++) {
            int start = -1;
            boolean censored = false;
            for (int f = 0; f <= frames; f++) {
                double v = f < frames ? phop[f][j] : Double.NaN;
                boolean nan = Double.isNaN(v);
                boolean above = !nan && v > threshold;
                if (above && start < 0) { start = f; censored = f == 0 || Double.isNaN(phop[f - 1][j]); }
                if (!above && start >= 0) {
                    if (!censored && !nan) { int len = f - start; runs++; sum += len; sum2 += (double) len * len; }
                    start = -1;
                }
            }
        }
        if (runs == 0) throw new org.softglass.core.util.Refusal("no complete run of p_hop > " + threshold + " found; cannot measure the rearrangement duration");
        double stdErr = runs > 1 ? Descriptive.standardErrorFromSums(runs, sum, sum2) : 0;   // s_{n−1}/√n; 0 for one run
        return new RearrangementDuration(sum / runs, stdErr, runs);
    }
}
