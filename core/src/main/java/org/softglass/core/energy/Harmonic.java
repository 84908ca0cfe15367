package org.softglass.core.energy;

import org.softglass.core.simd.PairParams;

/**
 * Harmonic soft spheres (Berthier–Witten): {@code U(r) = (ε/2)(1 − r/σ_ab)²} for r &lt; σ_ab, else 0.
 * The potential and its force vanish continuously at contact, so no shift is needed.
 */
public final class Harmonic {
    private Harmonic() {}

    /**
     * @param eps   energy scale ε (ε_AA units), same for all pairs
     * @param sigma ns×ns symmetric contact distances σ_ab (σ_AA units)
     */
    public static PairPotential of(String name, double eps, double[][] sigma) {
        if (!(eps > 0)) throw new IllegalArgumentException("harmonic eps must be > 0, got " + eps);
        return PairTable.build(name, "harmonic eps=" + eps + ";", sigma.length, (a, b) -> {
            double s = sigma[a][b];
            if (!(s > 0)) throw new IllegalArgumentException("harmonic sigma " + a + "," + b + " must be > 0");
            return new PairTable.Entry(new PairParams(PairParams.Form.HARMONIC, s * s, eps, 1.0 / s, 0, 0, 0, 0), PairTable.text("sigma=%g", s));
        });
    }
}
