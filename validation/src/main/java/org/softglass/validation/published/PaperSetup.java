package org.softglass.validation.published;

/**
 * The simulation set-up behind a paper's KA numbers, as the paper states it, so that a table row can say
 * where our run differs. {@code null} fields mean the paper does not state that item.
 *
 * @param paper paper id ({@code 000}, {@code 001}, {@code 002})
 * @param n number of particles
 * @param lowestT lowest temperature the paper's KA data reach (ε_AA/k_B)
 * @param potential the LJ cut-off treatment, in the paper's words
 * @param dt MD time step (τ = √(mσ_AA²/ε_AA))
 * @param trainingT the temperature the softness hyperplane was trained at
 * @param citation where these items are printed
 */
public record PaperSetup(String paper, Integer n, Double lowestT, String potential, Double dt, Double trainingT, String citation) {

    /** 001 §3: N = 10 000, LJ cut at 2.5σ_AA and smoothed (continuous force), NVT Nosé–Hoover chain, dt = 0.0025τ, IS every τ; T = 0.47 training (§3.3). */
    public static final PaperSetup P001 = new PaperSetup("001", 10_000, 0.47, "cut at 2.5 sigma_AA and smoothed so the force is continuous", 0.0025, 0.47,
            "001 §3 (set-up paragraph), §3.3");
    /** 000 main text and supplement: N = 10 000, training at T = 0.470, KA temperatures 1.0 … 0.42 (Fig. S1); potential and dt not stated. */
    public static final PaperSetup P000 = new PaperSetup("000", 10_000, 0.42, null, null, 0.47, "000 'We study two model supercooled liquids', supplement Fig. S1");
    /** 002 §II: N = 10 000, NVE after equilibration, training at T = 0.47; Fig. 1 temperatures 0.7 … 0.43; potential and dt not stated. */
    public static final PaperSetup P002 = new PaperSetup("002", 10_000, 0.43, null, null, 0.47, "002 §II, Fig. 1");
}
