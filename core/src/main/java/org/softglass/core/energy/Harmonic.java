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
        int ns = sigma.length;
        if (!(eps > 0)) throw new IllegalArgumentException("harmonic eps must be > 0, got " + eps);
        PairParams[] t = new PairParams[ns * ns];
        StringBuilder d = new StringBuilder("harmonic eps=" + eps + ";");
        for (int a = 0; a < ns; a++) {
            for (int b = 0; b < ns; b++) {
                double s = sigma[a][b];
                if (!(s > 0)) throw new IllegalArgumentException("harmonic sigma " + a + "," + b + " must be > 0");
                t[a * ns + b] = new PairParams(PairParams.Form.HARMONIC, s * s, eps, 1.0 / s, 0, 0, 0, 0);
                if (b >= a) d.append(String.format(" %d%d: sigma=%g", a + 1, b + 1, s));
            }
        }
        return new PairPotential(name, d.toString(), ns, t);
    }
}
