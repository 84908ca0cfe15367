package org.softglass.core.dynamics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.stats.RankCorrelation;

/**
 * Spearman's C_s between two per-particle fields, per species and averaged over an ensemble of structures, as
 * paper 004 reports C_s(1/κ_i, mobility) (Appendix: computed for each species and averaged over the structures
 * of a parent temperature). {@link #add} takes one structure; species with fewer than 3 particles holding both
 * values in it are skipped for that structure.
 *
 * <p>Result per species: the mean of C_s over the structures that gave one, its standard error
 * s/√m (s with divisor m − 1; NaN for a single structure) and m. Not thread-safe; modified by {@link #add}.
 */
public final class SpeciesRankCorrelation {
    private final Map<Integer, List<Double>> perSpecies = new TreeMap<>();

    /**
     * Adds one structure.
     *
     * @param species species of each particle (0-based)
     * @param a first field per particle (NaN: no value)
     * @param b second field per particle (NaN: no value)
     */
    public void add(int[] species, double[] a, double[] b) {
        Map<Integer, List<double[]>> pairs = new TreeMap<>();
        for (int i = 0; i < species.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) pairs.computeIfAbsent(species[i], s -> new ArrayList<>()).add(new double[] {a[i], b[i]});
        }
        pairs.forEach((s, v) -> {
            if (v.size() < 3) return;
            double c = RankCorrelation.spearman(v.stream().mapToDouble(x -> x[0]).toArray(), v.stream().mapToDouble(x -> x[1]).toArray());
            if (Double.isFinite(c)) perSpecies.computeIfAbsent(s, k -> new ArrayList<>()).add(c);
        });
    }

    /** One species' ensemble result: mean C_s, its standard error, and the number of structures. */
    public record Result(double mean, double sem, int structures) {}

    /** Species (0-based) → result, in species order; empty when no structure gave a C_s. */
    public Map<Integer, Result> results() {
        Map<Integer, Result> out = new LinkedHashMap<>();
        perSpecies.forEach((s, v) -> {
            double[] c = v.stream().mapToDouble(Double::doubleValue).toArray();
            out.put(s, new Result(Descriptive.mean(c), Descriptive.standardError(c), c.length));   // s_{m−1}/√m, NaN for m = 1
        });
        return out;
    }
}
