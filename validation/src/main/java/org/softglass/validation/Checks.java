package org.softglass.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of validation checks, in report order: MD invariants and published KA values,
 * LAMMPS parity, oracles (finite differences, brute force, scikit-learn), the trap model and the TRSP model.
 * Checks marked {@link Check#full()} (minutes each) run only in the full set.
 */
public final class Checks {
    private Checks() {}

    private static final List<Check> ALL = List.of(
            LammpsChecks.forces(), LammpsChecks.thermalEnergy(), LammpsChecks.thermalPressure(), LammpsChecks.isEnergy(), LammpsChecks.isPressure(),
            LammpsChecks.minimiserFixedPoint(), LammpsChecks.quench(),
            OracleChecks.forcesFiniteDifference(), ModelChecks.hessianFiniteDifference(), OracleChecks.neighbourList(),
            OracleChecks.descriptors(), ModelChecks.svmSklearn(),
            MdChecks.nveDrift(), MdChecks.kaT2Energy(), MdChecks.kaT2Pressure(), MdChecks.kaT2Temperature(),
            MdChecks.kaT1028Energy(), MdChecks.diffusionT08(),
            TrapChecks.overlapVsQuadrature(), TrapChecks.equilibriumMeanS(), TrapChecks.agingZ(), TrapChecks.agingChi2(),
            TrspChecks.trapLimitQ(), TrspChecks.trapLimitChi4(), TrspChecks.trapLimitMeanS(),
            TrspChecks.detailedBalance(), TrspChecks.conditioningMonteCarlo());

    private static final Map<String, Check> BY_NAME = new LinkedHashMap<>();

    static {
        for (Check c : ALL) {
            if (BY_NAME.put(c.name(), c) != null) throw new ExceptionInInitializerError("duplicate check name " + c.name());
        }
    }

    /** Every check, default and full, in report order. */
    public static List<Check> all() { return ALL; }

    /** The default set (everything not marked full), in report order. */
    public static List<Check> defaults() {
        return ALL.stream().filter(c -> !c.full()).toList();
    }

    /** All names, in report order. */
    public static List<String> names() { return List.copyOf(BY_NAME.keySet()); }

    /**
     * The check of that name.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the valid names)
     */
    public static Check byName(String name) {
        Check c = BY_NAME.get(name);
        if (c == null) throw new IllegalArgumentException("unknown check '" + name + "', expected one of " + String.join(", ", names()));
        return c;
    }

    /** The checks of those names, in report order, each once; unknown names as {@link #byName}. */
    public static List<Check> byNames(List<String> names) {
        for (String n : names) byName(n);
        List<Check> out = new ArrayList<>();
        for (Check c : ALL) if (names.contains(c.name())) out.add(c);
        return out;
    }
}
