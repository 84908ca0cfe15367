package org.softglass.cli.options;

import picocli.CommandLine.Option;

/**
 * The {@code --min-tau-t0 X} option of the mesoelastic fits (mesoelastic, mesoelastic-study): eq 3 of paper 004,
 * ln(τ_α/t0) = (ℓ̃ a0)² κ/T + ln t̃, is fitted over the state points with τ_α/t0 ≥ X only, the activated regime where
 * the paper finds it valid (Sec. III A: from τ_α/t0 ≈ 10). Dimensionless; 0 fits all.
 */
public final class MesoelasticFitOption {
    @Option(names = "--min-tau-t0", defaultValue = "10", paramLabel = "X",
            description = "Fit only state points with tau_alpha/t0 >= X: the activated regime, where paper 004 finds eq 3 valid (from t/t0 ~ 10); 0 fits all.")
    private double minTauT0;

    /** The smallest τ_α/t0 of a fitted state point. */
    public double minTauT0() { return minTauT0; }
}
