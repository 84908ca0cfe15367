package org.softglass.cli.options;

import org.softglass.cli.OptionChecks;
import org.softglass.core.rearrange.TrainsetRun;
import org.softglass.study.fluidity.FluidityFiguresStudy;
import picocli.CommandLine.Option;

/**
 * The rules that label particles rearranging (1) or stable (0) from p_hop, shared by {@code trainset} and
 * {@code fluidity-figures}; thresholds in σ², times in τ.
 * <ul>
 *   <li>softness labels (papers 000–002; paper 001 §3.1): an event opens when p_hop &gt; p_L ({@code --pl-event}) and
 *       is a rearrangement when its peak p* &gt; p_c ({@code --pc}), structure taken {@code --lead} before its start;
 *       a particle is stable when p_hop &lt; p_l ({@code --p-stable}) for τ_c ({@code --tau-c}), structure at the
 *       middle of that interval;</li>
 *   <li>tail labels (paper 003 §II B): the highest / lowest {@code --tail-fraction} of all p_hop values, structure
 *       {@code --lead} before the p_hop time.</li>
 * </ul>
 * The annotated defaults are the KA values of papers 000–002 (p_c = 0.6, p_l = 0.02, no τ_c); {@code fluidity-figures}
 * gives paper 003's (p_c = 0.2, p_l = 0.0085, τ_c = 120) through its {@link MixinDefaults}.
 */
public final class PhopLabelOptions {
    @Option(names = "--pl-event", paramLabel = "P", defaultValue = "0.05", description = "Event threshold p_L: p_hop > p_L opens an event.")
    private double pL;

    @Option(names = "--pc", paramLabel = "P", defaultValue = "0.6",
            description = "Rearranging threshold p_c on an event's peak p* (softness labels; KA: 0.6, paper 003: 0.2).")
    private double pc;

    @Option(names = "--p-stable", paramLabel = "P", defaultValue = "0.02", description = "Stable threshold p_l of the softness labels.")
    private double pStable;

    @Option(names = "--tau-c", paramLabel = "TIME",
            description = "Stable duration tau_c (tau) of the softness labels, about tau_alpha; trainset requires it with --mode softness.")
    private Double tauC;

    @Option(names = "--lead", paramLabel = "TIME", defaultValue = "2", description = "Structure taken this long (tau) before t_start (or the p_hop time t).")
    private double lead;

    @Option(names = "--tail-fraction", paramLabel = "Q", defaultValue = "0.00033", description = "Fraction of the p_hop distribution per tail (0.00033 = 0.033%%, paper 003).")
    private double tailFraction;

    @Option(names = "--max-per-label", paramLabel = "N", defaultValue = "0", description = "At most N samples per label (0: no cap).")
    private int maxPerLabel;

    /** Refuses, naming the option, a threshold or duration out of range: p_L, p_c, τ_c &gt; 0; p_l, lead ≥ 0; tail in (0, 0.5]. */
    public void check() {
        OptionChecks.positive(pL, "--pl-event");
        OptionChecks.positive(pc, "--pc");
        OptionChecks.nonNegative(pStable, "--p-stable");
        if (tauC != null) OptionChecks.positive(tauC, "--tau-c");
        OptionChecks.nonNegative(lead, "--lead");
        OptionChecks.inRange(tailFraction, Double.MIN_VALUE, 0.5, "--tail-fraction");
        OptionChecks.atLeast(maxPerLabel, 0, "--max-per-label");
    }

    /** τ_c (τ), or null when neither given nor defaulted by the command. */
    public Double tauC() { return tauC; }

    /** The trainset specification of these labels on window {@code w}; τ_c NaN when not given (not needed by the tail modes). */
    public TrainsetRun.Spec spec(TrainsetRun.Mode mode, PhopWindow w, long seed, String species) {
        return new TrainsetRun.Spec(mode, w.tR(), w.dt(), pL, pc, pStable, tauC == null ? Double.NaN : tauC, lead, tailFraction, seed,
                maxPerLabel, species);
    }

    /** The labelling rules of {@code fluidity-figures} on window {@code w} (τ_c must be set: the command defaults it). */
    public FluidityFiguresStudy.Labelling labelling(PhopWindow w) {
        return new FluidityFiguresStudy.Labelling(w.tR(), w.dt(), lead, tailFraction, pL, pc, pStable, tauC, maxPerLabel);
    }
}
