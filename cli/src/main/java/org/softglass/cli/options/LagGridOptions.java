package org.softglass.cli.options;

import picocli.CommandLine.Option;

/**
 * The lag grid of the two-time correlations Q(t) and χ4(t) = N Var Q of {@code overlap} (inherent-state overlap) and
 * {@code persistence} (p_hop persistence), paper 000 eq. 15 and Fig. 4 (τ_Q at Q = 1/e, τ_χ at the χ4 peak): lags k in frames,
 * {@code --per-decade} log-spaced per decade, lag 0 always included, up to {@code --max-lag}; t = k × frame spacing.
 */
public final class LagGridOptions {
    @Option(names = "--per-decade", paramLabel = "N", defaultValue = "10", description = "Log-spaced lags per decade (default: ${DEFAULT-VALUE}); lag 0 is always included.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    private int perDecade;

    @Option(names = "--max-lag", paramLabel = "FRAMES",
            description = "Largest lag in frames (default: the longest usable: overlap frames - 1; persistence the longest stretch of defined frames minus 1).")
    private Integer maxLag;

    /** Lags per decade, as given (the study refuses fewer than 1). */
    public int perDecade() { return perDecade; }

    /** The largest lag (frames), or null for the longest the data allow. */
    public Integer maxLag() { return maxLag; }
}
