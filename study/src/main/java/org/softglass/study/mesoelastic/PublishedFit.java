package org.softglass.study.mesoelastic;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The mesoelastic fit constants paper 004 publishes (eq 3, {@code log(τ_α/t0) = (ℓ̃ a0)² κ(T)/T + log t̃}), for the
 * models it fits: §III A, the paragraph on Fig. 4 (a4)–(d4): "We find that (t̃, ℓ̃) are (0.1, 0.4) for the IPL model and
 * (0.02, 0.4) for the mBLJ model". The paper gives one significant figure and no errors; it fits the activated regime,
 * "from the very start of the activated regime—around t/t0 ≈ 10". Its "log" is read as the natural logarithm, as
 * {@link org.softglass.core.dynamics.MesoelasticFit} fits.
 *
 * @param model    the model preset name ({@code ipl}, {@code mblj})
 * @param tTilde   t̃ as published
 * @param ellTilde ℓ̃ as published
 * @param source   where the numbers stand in the paper
 */
public record PublishedFit(@JsonProperty("model") String model, @JsonProperty("t_tilde") double tTilde, @JsonProperty("ell_tilde") double ellTilde,
                           @JsonProperty("source") String source) {
    private static final String WHERE = "paper 004 (Kapteijns et al.), Sec. III A, paragraph on Fig. 4 (a4)-(d4): "
            + "\"We find that (t~, l~) are (0.1, 0.4) for the IPL model and (0.02, 0.4) for the mBLJ model\" (no errors given)";

    /** The published constants of {@code model}, or null where paper 004 publishes none (it fits IPL and mBLJ only). */
    public static PublishedFit forModel(String model) {
        return switch (model) {
            case "ipl" -> new PublishedFit("ipl", 0.1, 0.4, WHERE);
            case "mblj" -> new PublishedFit("mblj", 0.02, 0.4, WHERE);
            default -> null;
        };
    }
}
