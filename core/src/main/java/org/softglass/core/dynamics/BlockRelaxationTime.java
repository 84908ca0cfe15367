package org.softglass.core.dynamics;

import java.util.Arrays;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.util.Refusal;

/**
 * The statistical error of τ_α (F_s(q, τ_α) = level; paper 004: 0.2) by time blocks: the F frames of a trajectory are
 * cut into B consecutive blocks of ⌊F/B⌋ frames (the last F mod B frames are left out), F_s(q, t) and τ_α are computed
 * in each block alone ({@link SelfDynamics#compute}, lags thinned to {@code perDecade} per decade,
 * {@link SelfDynamics#relaxationTime}), and the error of the whole-trajectory τ_α is the standard error of the block
 * values, {@code s_{B−1}/√B} (τ). Blocks are independent estimates when each is several τ_α long; a block whose F_s does
 * not reach the level gives NaN, and then the error is NaN too ({@link #undefined} counts them).
 *
 * @param tau       τ_α of each block, in time order (τ), NaN where F_s does not reach the level within the block
 * @param mean      the mean of the block values (τ), NaN when one is undefined
 * @param sem       the standard error of the block values (τ), NaN when one is undefined or B = 1
 * @param undefined the number of blocks without τ_α
 */
public record BlockRelaxationTime(double[] tau, double mean, double sem, int undefined) {

    /**
     * @param t             the whole trajectory (frames equally spaced)
     * @param q             the wave number (σ⁻¹)
     * @param speciesFilter the species of F_s (−1: all)
     * @param perDecade     lags per decade within a block
     * @param blocks        B ≥ 1, with at least 2 frames per block
     * @param level         the F_s value that defines τ_α
     * @throws IllegalArgumentException when a block would hold fewer than 2 frames
     */
    public static BlockRelaxationTime of(Trajectory t, double q, int speciesFilter, int perDecade, int blocks, double level) {
        if (blocks < 1) throw new IllegalArgumentException("blocks must be >= 1, got " + blocks);
        int len = t.frames() / blocks;
        if (len < 2) {
            throw new IllegalArgumentException(blocks + " blocks of a " + t.frames() + "-frame trajectory hold fewer than 2 frames each");
        }
        double[] tau = new double[blocks];
        int undefined = 0;
        for (int b = 0; b < blocks; b++) {
            Trajectory part = new Trajectory(t.box(), t.species(), t.dt(), Arrays.copyOfRange(t.positions(), b * len, (b + 1) * len));
            SelfDynamics sd = SelfDynamics.compute(part, q, speciesFilter, SelfDynamics.logLags(len, perDecade));
            try {
                tau[b] = sd.relaxationTime(level);
            } catch (Refusal e) {   // F_s does not reach the level within the block (or already at the first lag)
                tau[b] = Double.NaN;
                undefined++;
            }
        }
        double mean = undefined > 0 ? Double.NaN : Descriptive.mean(tau);
        double sem = undefined > 0 ? Double.NaN : Descriptive.standardError(tau);
        return new BlockRelaxationTime(tau, mean, sem, undefined);
    }
}
