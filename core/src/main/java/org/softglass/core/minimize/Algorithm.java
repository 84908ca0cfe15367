package org.softglass.core.minimize;

import java.util.Locale;

/**
 * Which minimiser {@link Minimizer} runs.
 *
 * <ul>
 *   <li>{@link #FIRE}: FIRE 2.0 (Guénolé et al., Comput. Mater. Sci. 175, 109584 (2020)), as LAMMPS
 *       {@code min_style fire} (29 Sep 2021); see {@link Fire}.</li>
 *   <li>{@link #CG}: Polak–Ribière nonlinear conjugate gradient with the LAMMPS quadratic/backtracking
 *       line search ({@code min_style cg}, {@code min_modify line quadratic}); see {@link ConjugateGradient}.</li>
 *   <li>{@link #CG_FIRE}: CG, then FIRE from where CG stopped, each with the same tolerances and
 *       limits: the protocol that made the LAMMPS inherent-structure fixtures. FIRE cleans up when the
 *       CG line search gives up (zero step) before the force tolerance is met.</li>
 * </ul>
 */
public enum Algorithm {
    FIRE("fire"), CG("cg"), CG_FIRE("cg+fire");

    private final String label;

    Algorithm(String label) { this.label = label; }

    /** The command-line name: {@code fire}, {@code cg} or {@code cg+fire}. */
    public String label() { return label; }

    /**
     * Parses a command-line name (case-insensitive).
     *
     * @throws IllegalArgumentException listing the accepted names
     */
    public static Algorithm parse(String s) {
        String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (Algorithm a : values()) {
            if (a.label.equals(t)) return a;
        }
        throw new IllegalArgumentException("unknown minimiser '" + s + "': expected one of fire, cg, cg+fire");
    }

    @Override
    public String toString() { return label; }
}
