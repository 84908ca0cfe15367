package org.softglass.core.aging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MD aging protocol of paper {@code 000} ("Aging", Fig. 5b) and {@code 002} §VII C (Fig. 8a): a
 * system equilibrated at T_I is connected at t_w = 0 to a thermostat at T_F and ⟨S⟩ is measured at
 * waiting times t_w. Per replica r (seed {@code seed + r}): melt at {@code meltTemperature} for
 * {@code meltSteps} (skipped with a start file), {@code equilibrateSteps} at T_I (Nosé–Hoover NVT), then for
 * each T_F an instantaneous quench: the equilibrated positions are kept, the velocities are drawn from the
 * Maxwell–Boltzmann distribution at T_F (zero total momentum, kinetic temperature exactly T_F) and the
 * Nosé–Hoover target is T_F; NVT at T_F for {@link WaitingTimes#lastStep()} steps. Drawing fresh velocities
 * at T_F is the same in distribution as rescaling the T_I velocities by √(T_F/T_I) (a Maxwell–Boltzmann
 * sample at T_I rescaled so is one at T_F). All T_F of one replica start from the same T_I configuration.
 *
 * <p>Units: temperatures ε_AA/k_B, dt and tdamp τ, lengths σ_AA, density N/V.
 *
 * @param model pair model name ({@code ka}, …)
 * @param n particles
 * @param density number density
 * @param fractionA fraction of species A
 * @param tInitial T_I
 * @param tFinal the T_F values (each &gt; 0)
 * @param dt MD time step
 * @param tdamp Nosé–Hoover damping time
 * @param skin neighbour-list skin
 * @param meltTemperature melt temperature (random start only)
 * @param meltSteps melt steps (0 with a start file)
 * @param equilibrateSteps steps at T_I before the quench
 * @param initial a LAMMPS dump whose last frame starts every replica (then equilibrated at T_I with the
 *     replica's own velocities), or null for a random melt per replica
 * @param waiting the waiting times
 * @param inherent whether ⟨S⟩ is measured on inherent-structure positions
 * @param seed base seed
 */
public record QuenchProtocol(String model, int n, double density, double fractionA, double tInitial, List<Double> tFinal,
                             double dt, double tdamp, double skin, double meltTemperature, long meltSteps, long equilibrateSteps,
                             String initial, WaitingTimes waiting, boolean inherent, long seed) {
    public QuenchProtocol {
        tFinal = List.copyOf(tFinal);
        if (!(tInitial > 0)) throw new org.softglass.core.util.InvalidParameter("{tInitial} must be > 0, got " + tInitial);
        if (tFinal.isEmpty()) throw new org.softglass.core.util.InvalidParameter("{tFinal}: give at least one final temperature");
        for (double t : tFinal) if (!(t > 0) || !Double.isFinite(t)) throw new org.softglass.core.util.InvalidParameter("{tFinal} values must be > 0, got " + t);
        if (java.util.Set.copyOf(tFinal).size() != tFinal.size()) throw new org.softglass.core.util.InvalidParameter("{tFinal} values must differ, got " + tFinal);
        if (!(Math.abs(waiting.dt() - dt) <= 1e-15 * dt)) throw new IllegalArgumentException("waiting times use dt " + waiting.dt() + ", protocol " + dt);
    }

    /** The settings as an ordered map (for aging.json, the manifest and the resume key). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model); m.put("n", n); m.put("density", density); m.put("fraction_a", fractionA);
        m.put("T_I", tInitial); m.put("T_F", tFinal); m.put("dt", dt); m.put("tdamp", tdamp); m.put("skin", skin);
        m.put("melt_temperature", meltTemperature); m.put("melt_steps", meltSteps); m.put("equilibrate_steps", equilibrateSteps);
        m.put("initial", initial); m.put("tw_steps", java.util.Arrays.stream(waiting.steps()).boxed().toList());
        m.put("positions", inherent ? "inherent" : "thermal"); m.put("seed", seed);
        return m;
    }

    /** The directory label of a final temperature ({@code T0.610}). */
    public static String label(double t) { return String.format(java.util.Locale.ROOT, "T%.3f", t); }
}
