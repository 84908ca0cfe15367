package org.softglass.core.trap;

import java.util.LinkedHashMap;
import java.util.Map;
import org.softglass.core.params.ModelParameters;

/**
 * Parameter presets of the trap-like model.
 *
 * <p><b>{@code ka}</b> — Kob–Andersen 80:20, from {@code 001}: ΔE(S) ≈ E0 − E1 S + E2 S² with
 * E0 ≈ 7.50, E1 ≈ 0.90, E2 ≈ 0.02, Σ0 ≈ 8.70 and T0 ≈ 0.86 (= E0/Σ0). In the DESIGN §5 convention
 * ΔE = ε0 + ε1 S + ε2 S² this is ε0 = E0 = 7.50, ε1 = −E1 = −0.90 (softer particles have lower
 * barriers), ε2 = +E2 = 0.02, Σ0 = 8.70, T0 = 0.86; the entropy then follows as
 * Σ(S) = Σ0 + (ε1/T0) S + (ε2/T0) S² = 8.70 − 1.047 S + 0.023 S², close to the independent fit of
 * {@code 001} (Σ1 ≈ 1.1, Σ2 ≈ 0.029). τ_R = 4τ, the mean rearrangement duration of {@code 002}
 * (p_hop &gt; 0.2 frames). ϱ(S): none of the papers prints S0 and σ0 for KA; this preset takes
 * <b>S0 = 0, σ0 = 1</b> (a softness defined as the signed SVM distance is of order one and, at the
 * onset T0 where P(R|S) is flat, centred near the hyperplane). This choice is ours, not the papers':
 * load the parameter file of the softness analysis ({@link ModelParameters#read}) for measured values.
 */
public final class TrapPresets {
    private TrapPresets() {}

    /** The preset names. */
    public static final java.util.List<String> NAMES = java.util.List.of("ka");

    /** The KA preset as a parameter file (with provenance). */
    public static ModelParameters ka() {
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("preset", "ka");
        prov.put("barriers", "paper 001: E0=7.50, E1=0.90, E2=0.02, Sigma0=8.70, T0=0.86; eps1 = -E1 (DESIGN 5)");
        prov.put("tauR", "paper 002: mean rearrangement duration ~4 tau");
        prov.put("rho", "S0 = 0, sigma0 = 1: softglass choice (not given in papers 000-002)");
        return new ModelParameters(ModelParameters.Barriers.KA_001,
                new ModelParameters.Gaussian(0.0, 1.0), 4.0, null, null, null, null, Map.of(), prov);
    }

    /** A preset by name. @throws IllegalArgumentException for an unknown name, listing the known ones */
    public static ModelParameters byName(String name) {
        if ("ka".equalsIgnoreCase(name)) return ka();
        throw new IllegalArgumentException("unknown trap preset '" + name + "', expected one of " + NAMES);
    }
}
