package org.softglass.cli.options;

import org.softglass.cli.OptionChecks;
import picocli.CommandLine.Option;

/**
 * The linear-SVM training options of {@code train} and {@code fluidity-figures} (liblinear, squared hinge, L2; paper 001
 * §3.3, paper 003 §II B): the penalty C and the k of the stratified k-fold cross-validation. The annotated C = 1 is
 * {@code train}'s; {@code fluidity-figures} gives paper 003's C = 10⁻² through its {@link MixinDefaults}.
 */
public final class SvmTrainingOptions {
    @Option(names = "--C", defaultValue = "1", description = "SVM penalty C (paper 003: 10^-2).")
    private double c;

    @Option(names = "--folds", defaultValue = "5", description = "k of the stratified k-fold cross-validation (train: 0 skips it).")
    private int folds;

    /** C, refused unless finite and &gt; 0 (naming {@code --C}). */
    public double c() { return OptionChecks.positive(c, "--C"); }

    /** k of the cross-validation, as given (its range depends on the command). */
    public int folds() { return folds; }
}
