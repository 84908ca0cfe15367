package org.softglass.cli.options;

import picocli.CommandLine.Option;

/**
 * The {@code --fmax-limit F} option of the commands that take inherent structures as minima of the potential energy
 * (hessian, shear-modulus, stiffness, mesoelastic-study): a structure whose largest force component exceeds F (ε/σ) is
 * not at a minimum, its Hessian is not the harmonic expansion there, and it is refused (paper 004 Appendix A 2).
 */
public final class FmaxLimitOption {
    @Option(names = "--fmax-limit", defaultValue = "1e-6", paramLabel = "F",
            description = "Refuse a structure whose largest force component exceeds F (not at a minimum).")
    private double limit;

    /** The largest force component a structure may have (ε/σ). */
    public double limit() { return limit; }
}
