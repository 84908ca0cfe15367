package org.softglass.core.elastic;

import java.io.IOException;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.minimize.Report;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;
import org.softglass.core.testutil.Fixtures;

/** Inherent structures for the elastic tests: the LAMMPS KA fixture and our own quenches. */
final class Systems {
    private Systems() {}

    /** A configuration and its box (closes the store). */
    record Config(ParticleStore particles, Box box, PairPotential potential) implements AutoCloseable {
        @Override public void close() { particles.close(); }
    }

    /** The LAMMPS inherent structure of the KA fixture (N = 1000, fmax 1.3e-11). */
    static Config lammpsKa() throws IOException {
        try (Frame f = LammpsDumpReader.readFirst(Fixtures.lammps("ka_N1000_T0.8_inherent_structure.dump"))) {
            return new Config(f.particles().copy(), f.box(), Models.ka());
        }
    }

    /**
     * Our own quench (CG then FIRE to |F|₂ ≤ 1e-10·√N) of random positions of the model at its
     * default density and composition (an infinite-temperature parent).
     */
    static Config quenched(String model, int n, long seed) {
        PairPotential pot = Models.byName(model);
        Box box = Box.cubicForDensity(n, Models.defaultDensity(model));
        ParticleStore p = Configs.random(n, box, Models.defaultFractionA(model), 0.7, seed);
        Report r = Minimizer.quench(p, box, pot, MinimizeOptions.defaults().withFtol(1e-10 * Math.sqrt(n)).withThreads(2));
        if (!r.converged()) throw new IllegalStateException("test quench did not converge: " + r);
        return new Config(p, box, pot);
    }
}
