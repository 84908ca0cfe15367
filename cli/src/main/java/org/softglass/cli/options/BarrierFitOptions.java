package org.softglass.cli.options;

import org.softglass.cli.Csv;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.study.fluidity.FluidityFiguresStudy;
import picocli.CommandLine.Option;

/**
 * How P(R|x, T) is measured and which of its points enter the per-bin Arrhenius / Kramers fits, shared by
 * {@code barriers} (x = softness S; paper 001 §4.1), {@code fluidity} and {@code fluidity-figures}
 * (x = x_α; paper 003 §IV, Fig. 4): rows binned by x ({@code --bins}), a row rearranging when its p_hop (σ²), taken
 * {@code --lag} frames after its structure, exceeds {@code --p-threshold}; errors from {@code --bootstrap} block
 * replicates; a (bin, T) point is used with at least {@code --min-events} rearrangements and P below {@code --p-max}.
 * Without a default, {@code --bins} means automatic bins (barriers: 24 over the 0.5–99.5 percent range of all S);
 * the fluidity commands default it to −3:3:24 through their {@link MixinDefaults}.
 */
public final class BarrierFitOptions {
    @Option(names = "--bins", paramLabel = "LO:HI:N",
            description = "Bins of the structural variable: S (barriers) or x_alpha (fluidity); barriers' default: 24 bins over the 0.5-99.5 percent range of all S.")
    private String bins;

    @Option(names = "--p-threshold", defaultValue = "0.2", description = "Rearranging when p_hop > this.")
    private double threshold;

    @Option(names = "--lag", defaultValue = "0", paramLabel = "FRAMES",
            description = "Label a row by p_hop this many frames after its structure (paper 003 pairs the structure at t - 2 tau with "
                    + "the dynamics at t: give 2 tau / frame spacing).")
    private int lag;

    @Option(names = "--bootstrap", defaultValue = "200", description = "Bootstrap replicates for the P(R|x) errors.")
    private int bootstrap;

    @Option(names = "--min-events", defaultValue = "10", description = "Fewest rearrangements for a usable (bin, T) point.")
    private long minEvents;

    @Option(names = "--p-max", defaultValue = "0.9", description = "P(R|x) at or above which a point is refused as saturated.")
    private double pMax;

    /** The bins, or null for the automatic ones; a malformed LO:HI:N is refused naming {@code --bins}. */
    public SoftnessBins bins() { return bins == null ? null : Csv.bins(bins, "--bins"); }

    /** p_R: a row rearranges when its p_hop &gt; p_R (σ²). */
    public double threshold() { return threshold; }

    /** Frames between a row's structure and the p_hop that labels it. */
    public int lag() { return lag; }

    /** Bootstrap replicates (0: no errors). */
    public int bootstrap() { return bootstrap; }

    /** Fewest rearrangements of a usable point. */
    public long minEvents() { return minEvents; }

    /** P(R|x) at or above which a point is refused. */
    public double pMax() { return pMax; }

    /** These options as {@code fluidity-figures}' P(R|x_α, T) request (bins parsed). */
    public FluidityFiguresStudy.Barriers barriers() {
        return new FluidityFiguresStudy.Barriers(bins(), threshold, lag, bootstrap, minEvents, pMax);
    }
}
