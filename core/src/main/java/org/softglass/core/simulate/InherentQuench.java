package org.softglass.core.simulate;

import java.util.Objects;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.minimize.MinimizeOptions;

/**
 * How the frames of an inherent-structure trajectory are quenched ({@link RunSpec#inherent()}): the
 * minimiser and its force tolerance on |F|₂ of the 3N force vector (ε/σ, LAMMPS {@code minimize}
 * semantics, {@link MinimizeOptions}); the other settings are {@link MinimizeOptions#defaults()}.
 *
 * <p>{@link #LAMMPS} (cg+fire, 1e-10) is the protocol of the LAMMPS fixtures. A looser tolerance is
 * enough for p_hop: on KA N = 1000 at T = 0.61 and 0.90, L-BFGS+FIRE at ftol 1e-3 and 1e-4 gave the
 * same rearranging / stable labels (p_hop &gt; 0.2, &lt; 0.02) as at 1e-10 for every particle-frame,
 * at 1e-2 not (bench/phop-tolerance.sh, bench/RESULTS.md "p_hop and the quench tolerance").
 *
 * @param algorithm the minimiser
 * @param ftol force tolerance, finite and &gt; 0
 */
public record InherentQuench(Algorithm algorithm, double ftol) {
    /** cg+fire to |F|₂ ≤ 1e-10: the LAMMPS fixtures' protocol, the default of {@code simulate --inherent}. */
    public static final InherentQuench LAMMPS = new InherentQuench(Algorithm.CG_FIRE, 1e-10);

    /** @throws IllegalArgumentException if ftol is not finite and positive */
    public InherentQuench {
        Objects.requireNonNull(algorithm, "algorithm");
        if (!(ftol > 0) || !Double.isFinite(ftol)) throw new IllegalArgumentException("inherent-structure ftol must be finite and > 0, got " + ftol);
    }

    /** The minimiser options (thread count 1; {@link org.softglass.core.minimize.ParallelQuench} uses one thread per frame). */
    public MinimizeOptions options() {
        return MinimizeOptions.defaults().withAlgorithm(algorithm).withFtol(ftol);
    }

    /** E.g. {@code lbfgs+fire ftol 1e-4}. */
    public String label() {
        return algorithm.label() + " ftol " + ftol;
    }
}
