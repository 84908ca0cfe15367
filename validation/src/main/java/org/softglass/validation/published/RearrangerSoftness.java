package org.softglass.validation.published;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.rearrange.PhopSummary;
import org.softglass.core.softness.SoftnessTable;

/**
 * P(S &gt; 0 | R) of 001 §3.3 (Fig. 3c): the fraction of particles "currently involved in a rearrangement" that
 * the hyperplane assigns S &gt; 0. A particle-frame is rearranging when p_hop &gt; p_R at that frame (001 §4.1,
 * 000 supplement: p_hop &gt; 0.2 for KA), counted for A particles only (000 "focusing only on large particles",
 * 002 §II), at the training temperature(s). Softness rows (frame, timestep, id) of {@code softness/T…/} are joined
 * to {@code phop/T…/phop.npy} at the same frame, as the barriers stage does.
 *
 * <p>Error: the frames of one rearrangement, and successive rearrangements of one particle, are correlated, so the
 * particle-frames are not independent; the standard error is the cluster-robust (by particle) error of the ratio
 * estimator p = Σ_i a_i / Σ_i n_i, Var p = Σ_i (a_i − p n_i)² / (Σ_i n_i)², with n_i the rearranging frames of
 * particle i and a_i those with S &gt; 0.
 *
 * @param fraction P(S &gt; 0 | R)
 * @param error its cluster-robust standard error
 * @param rearranging number of rearranging A particle-frames
 * @param particles number of distinct A particles among them
 */
public record RearrangerSoftness(double fraction, double error, long rearranging, int particles) {

    /**
     * Computes it from the given (softness dir, p_hop dir) pairs.
     *
     * @param sets softness and p_hop directories of one trajectory each
     * @param threshold p_R
     * @param typeA the LAMMPS type of the large particles (1)
     * @throws IllegalArgumentException when no A particle-frame is rearranging
     */
    public static RearrangerSoftness compute(List<Path[]> sets, double threshold, long typeA) throws IOException {
        Map<String, long[]> perParticle = new HashMap<>();   // key set:id -> {n_i, a_i}
        int k = 0;
        for (Path[] set : sets) {
            SoftnessTable st = SoftnessTable.read(set[0]);
            PhopTable ph = PhopTable.read(set[1]);
            long[] types = PhopSummary.read(set[1].resolve("phop.json")).types();   // as many as ids, checked there
            Set<Long> aIds = new HashSet<>();
            for (int c = 0; c < ph.ids().length; c++) if (types[c] == typeA) aIds.add(ph.ids()[c]);
            for (int i = 0; i < st.s().length; i++) {
                long[] r = st.rows()[i];
                if (!aIds.contains(r[2]) || !Double.isFinite(st.s()[i])) continue;
                double p = ph.at(r[0], r[1], r[2], 0);
                if (!(p > threshold)) continue;
                long[] c = perParticle.computeIfAbsent(k + ":" + r[2], x -> new long[2]);
                c[0]++;
                if (st.s()[i] > 0) c[1]++;
            }
            k++;
        }
        long n = 0, a = 0;
        for (long[] c : perParticle.values()) { n += c[0]; a += c[1]; }
        if (n == 0) throw new IllegalArgumentException("no A particle-frame with p_hop > " + threshold + " among the softness rows");
        double p = (double) a / n, v = 0;
        for (long[] c : perParticle.values()) v += Math.pow(c[1] - p * c[0], 2);
        return new RearrangerSoftness(p, Math.sqrt(v) / n, n, perParticle.size());
    }
}
