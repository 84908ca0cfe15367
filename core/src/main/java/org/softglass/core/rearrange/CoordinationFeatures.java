package org.softglass.core.rearrange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.Frame;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;

/**
 * Partial coordination numbers: column s of particle i is the number of particles j ≠ i of species s
 * (0 = A, 1 = B, …) at minimum-image distance {@code r_ij < r_c} (strict), for s = 0 … S−1. Particles of
 * species ≥ S are not counted. Computed from a FULL neighbour list of radius r_c
 * ({@link NeighborListBuilder}, which needs every box length &gt; 2 r_c). Selected by
 * {@code --features coordination} with r_c = 1.5σ and S = 2.
 *
 * <p>Column descriptions: {@code {"name":"n_A(r<1.5)","kind":"coordination","species":"A","rc":1.5}}.
 */
public final class CoordinationFeatures implements FeatureSource {
    private final int species;
    private final double rc;
    private final int threads;
    private NeighborListBuilder builder;

    /**
     * @param species S ≥ 1 species columns
     * @param rc cutoff r_c (σ), &gt; 0
     * @param threads threads for the neighbour-list build
     */
    public CoordinationFeatures(int species, double rc, int threads) {
        if (species < 1) throw new IllegalArgumentException("need at least one species column, got " + species);
        if (!(rc > 0) || !Double.isFinite(rc)) throw new IllegalArgumentException("coordination cutoff must be finite and > 0, got " + rc);
        this.species = species;
        this.rc = rc;
        this.threads = threads;
    }

    /** Species letter: 0 → A, 1 → B, … */
    static String speciesName(int s) { return s < 26 ? String.valueOf((char) ('A' + s)) : "S" + (s + 1); }

    @Override
    public int columns() { return species; }

    @Override
    public void compute(Frame frame, int[] slots, double[] out) {
        if (out.length < slots.length * species) throw new IllegalArgumentException("output too small: " + out.length);
        if (builder == null || !builder.box().sameAs(frame.box(), 0.0)) {
            if (builder != null) builder.close();
            builder = null;
            builder = new NeighborListBuilder(frame.box(), rc, threads);
        }
        ParticleStore p = frame.particles();
        try (NeighborList nl = builder.build(p, NeighborList.Kind.FULL)) {
            for (int r = 0; r < slots.length; r++) {
                int i = slots[r];
                int o = r * species;
                for (int s = 0; s < species; s++) out[o + s] = 0;
                for (long e = nl.start(i), end = nl.end(i); e < end; e++) {
                    int sj = p.species(nl.neighbor(e));
                    if (sj < species) out[o + sj] += 1;
                }
            }
        }
    }

    @Override
    public List<Map<String, Object>> columnDescriptions() {
        List<Map<String, Object>> cols = new ArrayList<>();
        for (int s = 0; s < species; s++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "n_" + speciesName(s) + "(r<" + rc + ")");
            m.put("kind", "coordination");
            m.put("species", speciesName(s));
            m.put("rc", rc);
            cols.add(m);
        }
        return cols;
    }

    @Override
    public String preset() { return null; }

    @Override
    public double rmax() { return rc; }

    @Override
    public void close() {
        if (builder != null) builder.close();
        builder = null;
    }
}
