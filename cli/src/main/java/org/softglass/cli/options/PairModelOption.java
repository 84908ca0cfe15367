package org.softglass.cli.options;

import java.util.ArrayList;
import org.softglass.core.energy.Models;
import picocli.CommandLine.Option;

/**
 * The {@code --model NAME} option of the commands that evaluate a built-in pair potential (energy, quench,
 * hessian, stiffness, shear-modulus): one declaration, the preset names of {@link Models#NAMES} offered for
 * completion and shown in the help.
 */
public final class PairModelOption {
    @Option(names = "--model", defaultValue = "ka", paramLabel = "NAME",
            description = "Pair potential preset: ${COMPLETION-CANDIDATES}. ss = harmonic-ss: harmonic soft spheres (paper 000); "
                    + "mblj and sticky-spheres: paper 004's modified binary LJ and Sticky Spheres (004's \"SS\"); sw: 004's Stillinger-Weber glass (pairs and a three-body term).",
            completionCandidates = Names.class)
    private String name;

    /** The preset name as given (checked where the model is built, {@link Models}). */
    public String name() { return name; }

    /** The built-in preset names, for completion and help. */
    public static final class Names extends ArrayList<String> {
        Names() { super(Models.NAMES); }
    }
}
