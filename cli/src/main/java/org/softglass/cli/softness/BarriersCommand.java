package org.softglass.cli.softness;

import org.softglass.core.util.Format;
import org.softglass.cli.options.OutputDir;
import org.softglass.cli.Csv;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.RunOptions;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.core.barriers.BarrierAnalysis;
import org.softglass.core.barriers.BlockScheme;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.study.barriers.BarriersStudy;
import org.softglass.study.barriers.TemperatureSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code softglass barriers --set T=..:SOFTNESS_DIR:PHOP_DIR ... --out DIR}: P(S), P(R|S,T), per-bin Arrhenius/Kramers
 * fits, the onset fit, ⟨S⟩(T), τ_R and the model-parameter file ({@link BarriersStudy}). A refused onset fit is exit 1
 * after P(R|S) and the per-bin fits are written.
 */
@Command(name = "barriers", mixinStandardHelpOptions = true,
        description = {"Energy barriers from softness and p_hop at several temperatures (papers 001, 000, 003).",
                "Writes DIR/prs.csv, DIR/arrhenius.csv, DIR/barriers.json, DIR/model-parameters.json (when the onset fit is run),",
                "DIR/prs.png, DIR/barriers.png and DIR/barriers.manifest.json."})
public final class BarriersCommand implements Callable<Integer> {
    @Option(names = "--set", required = true, paramLabel = "T=TEMP:SOFTNESS_DIR:PHOP_DIR",
            description = "One temperature: its softness directory (softness.npy, rows.npy) and p_hop directory (phop.npy, phop.json). Repeat, at least twice.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    List<String> sets;

    @picocli.CommandLine.Mixin
    OutputDir output = new OutputDir();

    @Option(names = "--bins", paramLabel = "LO:HI:N", description = "Softness bins (default: 24 bins over the 0.5-99.5 percent range of all S).")
    String bins;

    @Option(names = "--p-threshold", defaultValue = "0.2", description = "Rearranging when p_hop > this.")
    double threshold;

    @Option(names = "--lag", defaultValue = "0", description = "Label a row by p_hop this many frames after its structure.")
    int lag;

    @Option(names = "--bootstrap", defaultValue = "200", description = "Block-bootstrap replicates for P(R|S) errors; a block is one particle's "
            + "whole time series at a temperature.")
    int bootstrap;

    @Option(names = "--bootstrap-blocks", defaultValue = "particle", paramLabel = "particle|frames:K",
            description = "Blocks resampled whole by the P(R|S) bootstrap: 'particle' (each particle's time series) or 'frames:K' "
                    + "(K consecutive frames of all particles; K should exceed the rearrangement duration in frames).")
    String bootstrapBlocks;

    @Option(names = "--seed", defaultValue = "1", description = "Bootstrap seed.")
    long seed;

    @Option(names = "--min-events", defaultValue = "10", description = "Fewest rearrangements for a usable (bin, T) point.")
    long minEvents;

    @Option(names = "--p-max", defaultValue = "0.9", description = "P(R|S) at or above which a point is refused as saturated.")
    double pMax;

    @Option(names = "--kramers", description = "Fit the Kramers form P = (1/T) exp(Sigma - DeltaE/T) of paper 003.")
    boolean kramers;

    @Option(names = "--strict", description = "Refuse (error) instead of dropping points with too few rearrangements or P(R|S) ~ 1.")
    boolean strict;

    @Option(names = "--no-onset", description = "Skip the global onset fit (and the model-parameter file).")
    boolean noOnset;

    @Option(names = "--onset-below-only", description = "Leave the highest temperatures out of the onset fit, one at a time, while the fit "
            + "finds them at or above its T0 (they stay in P(R|S) and the per-bin fits); barriers.json lists them.")
    boolean onsetBelowOnly;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws Exception {
        SoftnessBins b = bins != null ? Csv.bins(bins, "--bins") : null; // checked before any input is read
        BlockScheme blocks = blockScheme(bootstrapBlocks);
        BarriersStudy.Onset onset = noOnset ? BarriersStudy.Onset.NONE : onsetBelowOnly ? BarriersStudy.Onset.BELOW_ONLY : BarriersStudy.Onset.ALL;
        BarriersStudy.Request req = new BarriersStudy.Request(sets.stream().map(TemperatureSet::parse).toList(), b, threshold, lag, bootstrap, blocks,
                seed, minEvents, pMax, kramers, strict, onset);
        BarriersStudy.Result res = BarriersStudy.run(req, output.dir(), run.context());
        if (res.onsetError() != null) {
            throw new org.softglass.core.util.Refusal(res.onsetError() + " (P(R|S) and the per-bin fits are in " + output.dir() + "; no model-parameter file was written)");
        }
        BarrierAnalysis.Result r = res.analysis();
        if (!run.quiet()) {
            System.out.println(r.fits().size() + " bins fitted, " + r.dropped().size() + " points/bins dropped (listed in barriers.json)"
                    + (r.onset() != null ? "; T0 = " + Format.g4(r.onset().t0()) + ", eps1 = " + Format.g4(r.onset().eps1()) : ""));
        }
        return ExitCodes.OK;
    }

    /** {@code --bootstrap-blocks}: "particle" or "frames:K" with K ≥ 1. */
    static BlockScheme blockScheme(String spec) {
        String usage = "--bootstrap-blocks: expected 'particle' or 'frames:K' with K >= 1 frames per block, got '" + spec + "'";
        if (spec.equals("particle")) return BlockScheme.particles();
        if (!spec.startsWith("frames:")) throw new IllegalArgumentException(usage);
        try {
            int k = Integer.parseInt(spec.substring("frames:".length()));
            if (k < 1) throw new IllegalArgumentException(usage);
            return BlockScheme.frames(k);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage);
        }
    }
}
