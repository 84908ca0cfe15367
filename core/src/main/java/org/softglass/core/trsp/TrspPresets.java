package org.softglass.core.trsp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.params.ModelParameters.Barriers;
import org.softglass.core.params.ModelParameters.ExpCorrelation;
import org.softglass.core.params.ModelParameters.Gaussian;
import org.softglass.core.params.ModelParameters.MeanSoftness;

/**
 * Built-in parameter sets for the TRSP model.
 *
 * <p>{@code ka-002}: Kob–Andersen values in the spirit of {@code 002}. <b>From the papers:</b>
 * T0 = 0.74 and τ_R = 4 ({@code 002} §V: "the rate of rearrangement is taken to be P(R|S,T)/4");
 * the barrier scales ε0 = 7.50, ε1 = −0.90, ε2 = 0.02, Σ0 = 8.70 are the KA values of {@code 001}
 * (DESIGN §2/§5); the functional forms (eq 29 for C_S, σ_Δ, ρ; ⟨S⟩ = a + b/T) are those of {@code 002}.
 * <b>Our choices</b> ({@code 002} prints no numbers for them): σ² = 1, C_S: c1 = 1.2, ξ = 0.7 lattice
 * spacings (C1 &gt; σ² as in the paper; K positive definite on any L ≥ 4); ⟨S⟩ = 1.5 − 1.2/T;
 * σ_Δ: c0 = 0.7, c1 = 0.8, ξ = 0.7; ρ: c1 = 0.6, ξ = 0.6. With these λ_max(K_Δ K'⁻¹) ≈ 0.7 for m = 1
 * and ≈ 0.75 for m = 4 at T = 0.45, inside the detailed-balance bound. ϱ(S) = N(⟨S⟩(T0), σ²) is
 * recorded for the trap model.
 */
public final class TrspPresets {
    private TrspPresets() {
    }

    /** The preset names. */
    public static final String KA_002 = "ka-002";

    /** The preset by name. */
    public static ModelParameters byName(String name) {
        if (KA_002.equals(name)) return ka002();
        throw new IllegalArgumentException("unknown preset '" + name + "', expected one of [" + KA_002 + "]");
    }

    /** The {@code ka-002} preset (see the class comment for the provenance of each number). */
    public static ModelParameters ka002() {
        double t0 = 0.74;
        MeanSoftness meanS = new MeanSoftness(1.5, -1.2);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("preset", KA_002);
        prov.put("fromPapers", "t0=0.74, tauR=4 (002 §V); eps0, eps1, eps2, sigma0 (001 KA, DESIGN §5); functional forms (002 eqs 27-30)");
        prov.put("ourChoice", "cS, meanS, sigmaDelta, rhoDelta numbers (002 prints none)");
        return new ModelParameters(Barriers.KA_001.withT0(t0), new Gaussian(meanS.at(t0), 1.0), 4.0,
                meanS, new ExpCorrelation(1.0, 1.2, 0.7), new ExpCorrelation(0.7, 0.8, 0.7),
                new ExpCorrelation(1.0, 0.6, 0.6), Map.of(), prov);
    }
}
