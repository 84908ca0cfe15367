package org.softglass.core.aging;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.minimize.Report;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.space.Box;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorSpec;

/**
 * ⟨S⟩ of one configuration, the same quantity as the pipeline's ⟨S⟩(T): the descriptors of the model's
 * recorded set ({@code training.feature_set}: preset, tolerance, centre species, as
 * {@code softglass softness MODEL TRAJ} uses them, in float64), S_i = w·z_i + b (paper {@code 001}
 * eq 1, DESIGN §4) for every centre particle i (species A for the papers' KA models), and
 * <pre>
 *   ⟨S⟩ = (1/N_c) Σ_{i ∈ centres} S_i,
 * </pre>
 * on the inherent-structure positions (a copy quenched by cg+fire to |F| &lt; 1e-10 with the default
 * {@link MinimizeOptions}, exactly as {@code simulate --inherent} writes {@code is.dump}) or on the
 * thermal positions. The MD state passed in is never modified.
 *
 * <p>Not thread-safe (holds a calculator and a minimiser with their worker threads); close it.
 */
public final class SoftnessProbe implements AutoCloseable {
    /** One measurement: ⟨S⟩ over {@code centres} particles, and the IS energy per atom (ε; NaN on thermal positions). */
    public record Value(double meanS, int centres, double uIsPerAtom, boolean converged) {
        /** The CSV fields {@code mean_s,centres,u_is_per_atom,converged}. */
        public String csv() {
            return String.format(Locale.ROOT, "%s,%d,%s,%s", Double.toString(meanS), centres, Double.toString(uIsPerAtom), converged);
        }
    }

    /** The CSV columns of {@link Value#csv}. */
    public static final String HEADER = "mean_s,centres,u_is_per_atom,converged";

    private final SoftnessModel model;
    private final DescriptorCalculator calc;
    private final int centreSpecies;
    private final Minimizer minimizer;   // null: thermal positions

    /**
     * @param model the softness model; its {@code training.feature_set} must name a preset
     * @param potential the pair potential (for the inherent-structure quench)
     * @param inherent whether to measure on inherent-structure positions
     * @param threads worker threads of the descriptor calculator and the minimiser
     * @throws IllegalArgumentException when the model records no descriptor preset, or its columns differ from the preset's
     */
    public SoftnessProbe(SoftnessModel model, PairPotential potential, boolean inherent, int threads) {
        this.model = model;
        DescriptorSpec spec = specOf(model);
        model.requireColumns(spec.columns().stream().map(DescriptorSpec.Column::name).toList(), "descriptor preset " + spec.name());
        Object set = model.training().get("feature_set");
        String c = set instanceof Map<?, ?> m && m.get("center_species") instanceof String s ? s : "all";
        this.centreSpecies = c.equalsIgnoreCase("all") ? -1 : DescriptorSpec.speciesIndex(c);
        this.calc = new DescriptorCalculator(spec, threads);
        this.minimizer = inherent ? new Minimizer(potential, MinimizeOptions.defaults().withThreads(threads)) : null;
    }

    /** The descriptor set a model records ({@code training.feature_set}); preset plus tolerance. */
    public static DescriptorSpec specOf(SoftnessModel model) {
        Object set = model.training().get("feature_set");
        Map<?, ?> fs = set instanceof Map<?, ?> m ? m : Map.of();
        if (!(fs.get("preset") instanceof String preset)) {
            throw new IllegalArgumentException("the softness model records no descriptor preset (training.feature_set.preset); md-aging needs one");
        }
        DescriptorSpec spec = DescriptorSpec.preset(preset);
        return fs.get("tolerance") instanceof Number t ? spec.withTolerance(t.doubleValue()) : spec;
    }

    /** The centre species (0-based; −1 for all). */
    public int centreSpecies() { return centreSpecies; }

    /** Whether measurements are on inherent structures. */
    public boolean inherent() { return minimizer != null; }

    /** ⟨S⟩ of a configuration ({@code particles} is not modified). */
    public Value measure(Box box, ParticleStore particles) {
        try (ParticleStore copy = particles.copy()) {
            double u = Double.NaN;
            boolean converged = true;
            if (minimizer != null) {
                Report r = minimizer.minimize(copy, box, null);
                u = r.energyPerAtom();
                converged = r.converged();
            }
            int[] slots = DescriptorCalculator.centres(copy, centreSpecies);
            if (slots.length == 0) throw new IllegalArgumentException("no centre particles of the model's species in the configuration");
            int m = calc.columns();
            double[] g = new double[Math.multiplyExact(slots.length, m)], row = new double[m], z = new double[m];
            calc.compute(box, copy, slots, g, 0);
            double sum = 0;
            for (int i = 0; i < slots.length; i++) {
                System.arraycopy(g, i * m, row, 0, m);
                sum += model.softness(row, z);
            }
            return new Value(sum / slots.length, slots.length, u, converged);
        }
    }

    @Override
    public void close() {
        calc.close();
        if (minimizer != null) minimizer.close();
    }

    /** The names of the model's columns (for messages). */
    List<String> columns() { return model.columnNames(); }
}
