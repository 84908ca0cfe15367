package org.softglass.cli.options;

import java.nio.file.Path;
import java.util.List;
import org.softglass.cli.Formats;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The ensemble of inherent structures the elastic observables average over (shear-modulus, stiffness): every frame of
 * the DUMP files, evaluated with the pair model {@code --model}, refused unless at a minimum ({@code --fmax-limit}), and
 * the parent temperature T_p they were quenched from ({@code -T/--temperature}, as every command names its temperature;
 * {@code --parent-temperature} as before), recorded beside the ensemble means G(T_p), κ(T_p) (paper 004 Appendix A 2).
 */
public final class InherentEnsemble {
    @Parameters(arity = "1..*", paramLabel = "DUMP", description = "Inherent structures, all frames used: " + Formats.TRAJECTORY + ".")
    private List<Path> dumps;

    @Mixin
    private PairModelOption pairModel = new PairModelOption();

    @Mixin
    private FmaxLimitOption fmaxLimit = new FmaxLimitOption();

    @Option(names = {"-T", "--temperature", "--parent-temperature"}, paramLabel = "T",
            description = "Parent temperature T_p of the ensemble (recorded in the summary).")
    private Double parentTemperature;

    /** The structure files, in the order given. */
    public List<Path> dumps() { return dumps; }

    /** The pair model's preset name. */
    public String model() { return pairModel.name(); }

    /** The largest force component a structure may have (ε/σ). */
    public double fmaxLimit() { return fmaxLimit.limit(); }

    /** T_p (ε/k_B), or null when not given. */
    public Double parentTemperature() { return parentTemperature; }
}
