package org.softglass.cli.models;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The temperatures (ε/k_B) at which the TRSP commands resolve or run the model in equilibrium (run, check), each one
 * independently (paper 002 Sec. VII: the equilibrium dynamics at fixed T).
 */
final class TrspTemperatures {
    @Option(names = {"-T", "--temperature", "--T"}, required = true, split = ",", paramLabel = "T[,T...]",
            description = "Temperatures (comma list; --T is the older spelling).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    private List<Double> list;

    /** The temperatures in the order given. */
    List<Double> list() { return list; }
}
