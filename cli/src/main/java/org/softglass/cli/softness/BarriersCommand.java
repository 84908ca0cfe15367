package org.softglass.cli.softness;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.core.util.Format;
import org.softglass.cli.options.BarrierFitOptions;
import org.softglass.cli.options.BarrierFitPolicy;
import org.softglass.cli.ExitCodes;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.core.barriers.BarrierAnalysis;
import org.softglass.core.barriers.BlockScheme;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.study.barriers.BarriersStudy;
import org.softglass.study.barriers.TemperatureSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    BarrierFitOptions fit = new BarrierFitOptions();

    @Option(names = "--bootstrap-blocks", defaultValue = "particle", paramLabel = "particle|frames:K",
            description = "Blocks resampled whole by the P(R|S) bootstrap: 'particle' (each particle's time series) or 'frames:K' "
                    + "(K consecutive frames of all particles; K should exceed the rearrangement duration in frames).")
    String bootstrapBlocks;

    @Option(names = "--seed", defaultValue = "1", description = "Bootstrap seed.")
    long seed;

    @Option(names = "--kramers", description = "Fit the Kramers form P = (1/T) exp(Sigma - DeltaE/T) of paper 003.")
    boolean kramers;

    @Mixin
    BarrierFitPolicy policy = new BarrierFitPolicy();

    @Option(names = "--onset-below-only", description = "Leave the highest temperatures out of the onset fit, one at a time, while the fit "
            + "finds them at or above its T0 (they stay in P(R|S) and the per-bin fits); barriers.json lists them.")
    boolean onsetBelowOnly;

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws Exception {
        SoftnessBins b = fit.bins(); // checked before any input is read
        BlockScheme blocks = blockScheme(bootstrapBlocks);
        BarriersStudy.Onset onset = !policy.onset() ? BarriersStudy.Onset.NONE : onsetBelowOnly ? BarriersStudy.Onset.BELOW_ONLY : BarriersStudy.Onset.ALL;
        BarriersStudy.Request req = new BarriersStudy.Request(sets.stream().map(TemperatureSet::parse).toList(), b, fit.threshold(), fit.lag(),
                fit.bootstrap(), blocks, seed, fit.minEvents(), fit.pMax(), kramers, policy.strict(), onset);
        BarriersStudy.Result res = BarriersStudy.run(req, run.dir(), run.context());
        if (res.onsetError() != null) {
            throw new org.softglass.core.util.Refusal(res.onsetError() + " (P(R|S) and the per-bin fits are in " + run.dir() + "; no model-parameter file was written)");
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
