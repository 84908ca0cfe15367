package org.softglass.core.simulate;

import java.util.Objects;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.minimize.MinimizeOptions;

/**
 * How the frames of an inherent-structure trajectory are quenched ({@link RunSpec#inherent()}): the
 * minimiser and its force tolerance on |F|₂ of the 3N force vector (ε/σ, LAMMPS {@code minimize}
 * semantics, {@link MinimizeOptions}); the neighbour-list skin is {@link #SKIN}; the other settings are
 * {@link MinimizeOptions#defaults()}.
 *
 * <p><b>Skin.</b> The list of radius r_c + skin is rebuilt when some particle has moved more than
 * skin/2 since the last build ({@code VerletList}); every evaluation loops over all its pairs. A quench
 * moves particles in steps of ≤ dmax = 0.1 σ that shrink fast, so a thinner skin than the MD's costs a
 * few more rebuilds and saves on every evaluation: (2.65/2.8)³ = 0.85 of the pairs of the r_c + 0.3 σ
 * list. On KA N = 10 000 quenched from T = 0.42 (lbfgs+fire, ftol 1e-4, one thread) an evaluation,
 * rebuilds included, cost 13 % less CPU at skin 0.15 than at 0.3 (0.10: 15 %; 0.20: 12 %)
 * (bench/RESULTS.md "Quench CPU and the minimiser's list skin"). The skin changes which pairs beyond
 * r_c are looped over and so the order of the round-off, not U or F; the minima statistics are those
 * of skin 0.3 (same section).
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

    /** Verlet skin of the quench's neighbour list (σ); {@link MinimizeOptions#defaults()} has 0.3. */
    public static final double SKIN = 0.15;

    /** @throws IllegalArgumentException if ftol is not finite and positive */
    public InherentQuench {
        Objects.requireNonNull(algorithm, "algorithm");
        if (!(ftol > 0) || !Double.isFinite(ftol)) throw new IllegalArgumentException("inherent-structure ftol must be finite and > 0, got " + ftol);
    }

    /** The minimiser options (skin {@link #SKIN}; thread count 1: {@link org.softglass.core.minimize.ParallelQuench} uses one thread per frame). */
    public MinimizeOptions options() {
        return MinimizeOptions.defaults().withAlgorithm(algorithm).withFtol(ftol).withSkin(SKIN);
    }

    /** E.g. {@code lbfgs+fire ftol 1e-4}. */
    public String label() {
        return algorithm.label() + " ftol " + ftol;
    }
}
