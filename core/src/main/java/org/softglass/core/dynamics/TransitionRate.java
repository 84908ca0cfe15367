package org.softglass.core.dynamics;

/**
 * Inter-basin transition rate of an inherent-structure trajectory (paper 004, Fig. 5): a transition
 * is counted between consecutive IS frames whose energies differ by more than {@code threshold}
 * (ε, total energy; a threshold well above the minimiser's energy noise, e.g. 1e-6 N, separates a
 * new basin from the same one reached twice). Rate = transitions / (frames − 1) / dt, and in the
 * paper's reduced time, per {@code N t/(N0 t_ballistic)} with t_ballistic = 0.1 t0.
 *
 * @param transitions number of consecutive frame pairs in different basins
 * @param rate transitions per unit time (τ⁻¹)
 * @param reducedRate transitions per reduced time unit {@code N0 t_ballistic / N} (dimensionless)
 */
public record TransitionRate(int transitions, double rate, double reducedRate) {

    /**
     * @param energies IS energies per frame (ε, total)
     * @param dt time between frames (τ)
     * @param threshold smallest energy change counted as a transition (ε)
     * @param n particles N
     * @param n0 reference size N0 of the reduced time
     * @param t0 a0/√T (τ)
     */
    public static TransitionRate of(double[] energies, double dt, double threshold, int n, int n0, double t0) {
        if (energies.length < 2) throw new IllegalArgumentException("need at least 2 inherent-structure energies");
        if (!(dt > 0) || !(threshold > 0) || n < 1 || n0 < 1 || !(t0 > 0)) {
            throw new IllegalArgumentException("need dt > 0, threshold > 0, N >= 1, N0 >= 1, t0 > 0");
        }
        int c = 0;
        for (int k = 1; k < energies.length; k++) if (Math.abs(energies[k] - energies[k - 1]) > threshold) c++;
        double rate = c / ((energies.length - 1) * dt);
        return new TransitionRate(c, rate, rate * n0 * 0.1 * t0 / n);
    }
}
