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
 *   <li>{@link #LBFGS}: limited-memory BFGS (Nocedal &amp; Wright Alg. 7.4) with a dmax-capped
 *       backtracking line search; see {@link Lbfgs}. Memory {@link MinimizeOptions#lbfgsMemory()}.</li>
 *   <li>{@link #LBFGS_FIRE}: L-BFGS, then FIRE from where it stopped (as {@link #CG_FIRE}).</li>
 * </ul>
 */
public enum Algorithm {
    FIRE("fire"), CG("cg"), CG_FIRE("cg+fire"), LBFGS("lbfgs"), LBFGS_FIRE("lbfgs+fire");

    private final String label;

    Algorithm(String label) { this.label = label; }

    /** The command-line name: {@code fire}, {@code cg}, {@code cg+fire}, {@code lbfgs} or {@code lbfgs+fire}. */
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
        throw new IllegalArgumentException("unknown minimiser '" + s + "': expected one of fire, cg, cg+fire, lbfgs, lbfgs+fire");
    }

    /** The stages run in order: a single minimiser, or it followed by {@link #FIRE}. */
    public java.util.List<Algorithm> stages() {
        return switch (this) {
            case FIRE, CG, LBFGS -> java.util.List.of(this);
            case CG_FIRE -> java.util.List.of(CG, FIRE);
            case LBFGS_FIRE -> java.util.List.of(LBFGS, FIRE);
        };
    }

    @Override
    public String toString() { return label; }
}
