package org.softglass.core.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.nativebridge.DenseArrays;
import org.softglass.nativebridge.Triangle;

/**
 * A perfect FCC crystal (LJ AA of the KA model, ρ = 1.2, 4×4×4 cubic cells, N = 256): closed-form checks of
 * the periodic assembly. The spectrum of the 3N × 3N Hessian equals the phonon spectrum from the 3×3
 * dynamical matrices {@code D(k) = Σ_R K(R)(1 − cos k·R)} over the lattice vectors R within the cutoff
 * and the k commensurate with the box; and since every atom is a centre of inversion, Ξ = ∂²U/∂γ∂x
 * vanishes, so G has no non-affine part.
 */
class CrystalTest {
    static final int CELLS = 4;
    static final double A = Math.cbrt(4 / 1.2);

    static ParticleStore fcc(Box[] box) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        ParticleStore p = ParticleStore.allocate(4 * CELLS * CELLS * CELLS);
        int k = 0;
        for (int x = 0; x < CELLS; x++) for (int y = 0; y < CELLS; y++) for (int z = 0; z < CELLS; z++) {
            for (double[] b : basis) {
                p.setPosition(k, (x + b[0]) * A, (y + b[1]) * A, (z + b[2]) * A);
                p.setSpecies(k++, 0);
            }
        }
        box[0] = Box.cubic(CELLS * A);
        return p;
    }

    /**
     * Hessian eigenvalues (dsyevr) against the dynamical-matrix eigenvalues. k = 2πn/L with n ∈ {0..7}³
     * covers every commensurate k twice (n and n + (4,4,4) differ by the reciprocal vector (2π/a)(1,1,1)),
     * so every other value of the sorted 3·512 list is the spectrum. Both are sums of the same ~40 pair
     * blocks (entries ≤ 1e3) in different orders: agreement to 1e-9·λ_max (round-off of dsyevr, ~1e-13·λ_max,
     * and of the sums, with margin).
     */
    @Test
    void spectrumEqualsPhononDispersion() {
        Box[] b = new Box[1];
        PairPotential pot = Models.ka();
        try (ParticleStore p = fcc(b); Hessian h = Hessian.assemble(p, b[0], pot, 1)) {
            assertTrue(h.maxForce() < 1e-12, "a Bravais lattice is force-free: " + h.maxForce());
            double[] ev = HessianModes.of(h).eigenvalues();
            // lattice vectors within the cutoff: R = (a/2) m, m integer with even sum
            double rc = pot.cutoff(0, 0);
            List<double[]> rs = new ArrayList<>();
            int mmax = (int) Math.ceil(2 * rc / A);
            for (int i = -mmax; i <= mmax; i++) for (int j = -mmax; j <= mmax; j++) for (int k = -mmax; k <= mmax; k++) {
                if (((i + j + k) & 1) != 0 || (i == 0 && j == 0 && k == 0)) continue;
                double[] r = {i * A / 2, j * A / 2, k * A / 2};
                if (r[0] * r[0] + r[1] * r[1] + r[2] * r[2] < rc * rc) rs.add(r);
            }
            double l = CELLS * A;
            double[] disp = new double[3 * 512];
            int q = 0;
            for (int nx = 0; nx < 8; nx++) for (int ny = 0; ny < 8; ny++) for (int nz = 0; nz < 8; nz++) {
                double kx = 2 * Math.PI * nx / l, ky = 2 * Math.PI * ny / l, kz = 2 * Math.PI * nz / l;
                double[] d = new double[9];
                for (double[] r : rs) {
                    double r2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
                    double f = pot.forceOverR(0, 0, r2), fp = pot.forceOverRDerivative(0, 0, r2);
                    double w = 1 - Math.cos(kx * r[0] + ky * r[1] + kz * r[2]);
                    for (int s = 0; s < 3; s++) for (int t = 0; t < 3; t++) d[s + 3 * t] += w * ((s == t ? -f : 0) - 2 * fp * r[s] * r[t]);
                }
                double[] e = DenseArrays.dsyevr(Triangle.LOWER, 3, d, 3, false).values();
                for (double v : e) disp[q++] = v;
            }
            Arrays.sort(disp);
            double lmax = ev[ev.length - 1];
            for (int k = 0; k < ev.length; k++) assertEquals(disp[2 * k], ev[k], 1e-9 * lmax, "mode " + k);
        }
    }

    /** Ξ = 0 for a centrosymmetric crystal, so G equals its Born term (Ξ at round-off, ≤ 1e-10; non-affine part ≤ 1e-12 of G). */
    @Test
    void crystalShearModulusIsAffine() {
        Box[] b = new Box[1];
        try (ParticleStore p = fcc(b); Hessian h = Hessian.assemble(p, b[0], Models.ka(), 1)) {
            double[] xi = ShearModulus.mixedDerivative(h);
            for (double v : xi) assertEquals(0.0, v, 1e-10);
            ShearModulus g = ShearModulus.compute(h, 1e-10, 10_000);
            assertEquals(g.born(), g.modulus(), 1e-12 * g.born());
            assertTrue(g.born() > 0);
        }
    }
}
