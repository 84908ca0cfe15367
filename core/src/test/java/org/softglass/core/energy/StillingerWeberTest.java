package org.softglass.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.minimize.Report;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;

/**
 * The Stillinger–Weber model of paper 004 ({@link StillingerWeber}, {@link TripletTerm}, the three-body pass
 * of {@link ForceCompute}) against independent code: a direct O(N³) sum of the textbook formula, central
 * differences, symmetry, and a velocity-Verlet run.
 */
class StillingerWeberTest {
    private static final StillingerWeber SW = StillingerWeber.paper004();
    private static final PairPotential POT = Models.sw();
    private static final double RC = 1.8;

    /** Paper 004's parameters: silicon SW (Stillinger &amp; Weber 1985, LAMMPS Si.sw) with λ = 18.75, ρ = 0.52, one species. */
    @Test
    void parametersAreThoseOfPaper004() {
        assertEquals(18.75, SW.lambda());
        assertEquals(7.049556277, SW.bigA());
        assertEquals(0.6022245584, SW.bigB());
        assertEquals(4.0, SW.p());
        assertEquals(0.0, SW.q());
        assertEquals(1.80, SW.a());
        assertEquals(1.20, SW.gamma());
        assertEquals(-1.0 / 3.0, SW.cosTheta0());
        assertEquals(0.52, Models.defaultDensity("sw"));
        assertEquals(1, POT.speciesCount());
        assertTrue(POT.hasTripletTerm());
        assertEquals(RC, POT.maxCutoff(), 1e-15);
        // the pair well: the SW dimer minimum lies at r = 2^(1/6) σ with depth −ε (Stillinger & Weber 1985, Sec. II)
        double rmin = Math.pow(2, 1.0 / 6.0);
        assertEquals(-1.0, POT.energy(0, 0, rmin * rmin), 1e-6);
        assertEquals(0.0, POT.forceOverR(0, 0, rmin * rmin), 1e-5);
    }

    /**
     * The SW pair term: −U'/r and d(−U'/r)/d(r²) against central differences (h = 1e-6 in r and in r²)
     * from 0.8σ to 1e-3σ inside aσ, where every derivative goes to 0; tolerance 1e-6·max(1, |value|)
     * (truncation h²·(third derivative)/6 with third derivatives ≲ 1e5 at 0.8σ, round-off 1e-16·|U|/h).
     * Beyond aσ all are 0.
     */
    @Test
    void pairTermDerivativesMatchFiniteDifferences() {
        double h = 1e-6;
        for (double r = 0.8; r < RC - 1e-3; r += 0.0097) {
            double s = r * r;
            double f = POT.forceOverR(0, 0, s), fp = POT.forceOverRDerivative(0, 0, s);
            double fdF = -(POT.energy(0, 0, (r + h) * (r + h)) - POT.energy(0, 0, (r - h) * (r - h))) / (2 * h) / r;
            double fdFp = (POT.forceOverR(0, 0, s + h) - POT.forceOverR(0, 0, s - h)) / (2 * h);
            assertEquals(fdF, f, 1e-6 * Math.max(1, Math.abs(f)), "force at r = " + r);
            assertEquals(fdFp, fp, 1e-6 * Math.max(1, Math.abs(fp)), "derivative at r = " + r);
        }
        assertEquals(0.0, POT.energy(0, 0, RC * RC));
        assertEquals(0.0, POT.forceOverR(0, 0, 1.01 * RC * RC));
        assertEquals(0.0, POT.forceOverRDerivative(0, 0, RC * RC));
        double near = (RC - 1e-9) * (RC - 1e-9);
        assertEquals(0.0, POT.energy(0, 0, near), 1e-300, "exp(σ/(r − aσ)) underflows to 0 just inside aσ, without NaN");
        assertEquals(0.0, POT.forceOverRDerivative(0, 0, near), 1e-300);
    }

    /** Direct sum of the textbook SW energy: all pairs, all centres with all j &lt; k (independent of the bond table). */
    static double directEnergy(ParticleStore p, Box box) {
        int n = p.size();
        double[][] d = new double[n * n][];
        double u = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                d[i * n + j] = new double[] {box.minimumImage(p.x(j) - p.x(i), 0), box.minimumImage(p.y(j) - p.y(i), 1),
                        box.minimumImage(p.z(j) - p.z(i), 2)};
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double r = norm(d[i * n + j]);
                if (r < RC) u += SW.bigA() * (SW.bigB() * Math.pow(r, -4) - 1) * Math.exp(1 / (r - RC));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = j + 1; k < n; k++) {
                    if (j == i || k == i) continue;
                    double[] a = d[i * n + j], b = d[i * n + k];
                    double ra = norm(a), rb = norm(b);
                    if (!(ra < RC && rb < RC)) continue;
                    double c = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / (ra * rb) + 1.0 / 3.0;
                    u += 18.75 * c * c * Math.exp(1.2 / (ra - RC)) * Math.exp(1.2 / (rb - RC));
                }
            }
        }
        return u;
    }

    private static double norm(double[] v) { return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]); }

    private static ParticleStore config(int n, long seed) {
        ParticleStore p = Configs.random(n, Box.cubicForDensity(n, 0.52), 1.0, 0.85, seed);
        return p;
    }

    /**
     * U of {@link ForceCompute} (FULL and HALF lists, 1 and 3 threads, cell-ordered list) equals the direct
     * sum to round-off (1e-12 relative), per-atom energies add up to U, the cell-ordered list (rows in list
     * positions, written back by slot) gives the forces of the slot-indexed one, and the three-body part is a large
     * share of U (the test sees it: U without it differs by more than 10 %).
     */
    @Test
    void energyEqualsDirectSum() {
        for (int n : new int[] {64, 216}) {
            Box box = Box.cubicForDensity(n, 0.52);
            for (long seed = 1; seed <= 2; seed++) {
                try (ParticleStore p = config(n, seed)) {
                    double ref = directEnergy(p, box);
                    double pairOnly = 0;
                    for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) {
                        pairOnly += POT.energy(0, 0, box.distanceSquared(p.x(i), p.y(i), p.z(i), p.x(j), p.y(j), p.z(j)));
                    }
                    assertTrue(Math.abs(ref - pairOnly) > 0.1 * Math.abs(ref), "three-body share too small to test: " + ref + " vs " + pairOnly);
                    for (NeighborList.Kind kind : NeighborList.Kind.values()) {
                        for (int threads : new int[] {1, 3}) {
                            try (ForceCompute fc = new ForceCompute(POT, threads);
                                 NeighborList nl = Configs.bruteForce(p, box, RC + 0.3, kind)) {
                                double[] e = new double[n];
                                double u = fc.compute(p, box, nl, e).energy();
                                assertEquals(ref, u, 1e-12 * Math.abs(ref), n + " seed " + seed + " " + kind + " threads " + threads);
                                double s = 0;
                                for (double v : e) s += v;
                                assertEquals(u, s, 1e-12 * Math.abs(u), "per-atom energies sum to U");
                            }
                        }
                    }
                    try (ForceCompute fc = new ForceCompute(POT, 2);
                         NeighborList full = Configs.bruteForce(p, box, RC + 0.3, NeighborList.Kind.FULL);
                         NeighborListBuilder b = new NeighborListBuilder(box, RC + 0.3, 2).cellOrdered(true);
                         NeighborList nl = b.build(p, NeighborList.Kind.HALF)) {
                        fc.compute(p, box, full, null);
                        double[] f = new double[3 * n];
                        double fmax = 0;
                        for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) {
                            f[3 * i + a] = p.force(i, a);
                            fmax = Math.max(fmax, Math.abs(f[3 * i + a]));
                        }
                        assertEquals(ref, fc.compute(p, box, nl, null).energy(), 1e-12 * Math.abs(ref), "cell-ordered HALF list");
                        for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) {
                            assertEquals(f[3 * i + a], p.force(i, a), 1e-12 * fmax, "cell-ordered HALF list: force of slot " + i);
                        }
                    }
                }
            }
        }
    }

    /**
     * With a FULL list the forces, per-atom energies, U and W are bit-identical for 1, 2 and 5 threads (the
     * three-body pass writes per-centre and per-bond entries and gathers them in a fixed order).
     */
    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        int n = 216;
        Box box = Box.cubicForDensity(n, 0.52);
        try (ParticleStore p = config(n, 8); NeighborList nl = Configs.bruteForce(p, box, RC + 0.3, NeighborList.Kind.FULL)) {
            double[][] ref = null;
            ForceCompute.Result r0 = null;
            for (int threads : new int[] {1, 2, 5}) {
                try (ForceCompute fc = new ForceCompute(POT, threads)) {
                    double[] e = new double[n];
                    ForceCompute.Result r = fc.compute(p, box, nl, e);
                    double[][] out = new double[4][n];
                    for (int i = 0; i < n; i++) {
                        for (int a = 0; a < 3; a++) out[a][i] = p.force(i, a);
                        out[3][i] = e[i];
                    }
                    if (ref == null) {
                        ref = out;
                        r0 = r;
                    } else {
                        for (int a = 0; a < 4; a++) org.junit.jupiter.api.Assertions.assertArrayEquals(ref[a], out[a], 0.0, "threads " + threads);
                        assertEquals(r0, r, "threads " + threads);
                    }
                }
            }
        }
    }

    /**
     * The Vector-API triplet kernel gives the scalar kernel's forces, per-atom energies, U and W bit for
     * bit (tolerance 0, see {@link org.softglass.core.simd.TripletKernel}), with FULL and HALF lists and
     * 1, 2 and 5 threads, forces-only and with energies, on a random configuration where particle 1 sits
     * at aσ − 1e-9 from particle 0, particle 2 at aσ − 1e-6 on the far side of 0 (a near-linear triplet
     * 1–0–2, cos θ ≈ −1) and particle 3 nearly along 0→1 (cos θ ≈ 1 − 1e-12).
     */
    @Test
    void vectorTripletKernelGivesTheScalarBits() {
        int n = 216;
        Box box = Box.cubicForDensity(n, 0.52);
        try (ParticleStore p = config(n, 21)) {
            double x0 = p.x(0), y0 = p.y(0), z0 = p.z(0);
            double ux = 0.48, uy = 0.6, uz = 0.64; // unit vector
            p.setPosition(1, x0 + (RC - 1e-9) * ux, y0 + (RC - 1e-9) * uy, z0 + (RC - 1e-9) * uz);
            p.setPosition(2, x0 - (RC - 1e-6) * ux, y0 - (RC - 1e-6) * uy + 1e-7, z0 - (RC - 1e-6) * uz);
            p.setPosition(3, x0 + 0.9 * ux + 1e-6, y0 + 0.9 * uy, z0 + 0.9 * uz);
            for (NeighborList.Kind kind : NeighborList.Kind.values()) {
                try (NeighborList nl = Configs.bruteForce(p, box, RC + 0.3, kind)) {
                    for (int threads : new int[] {1, 2, 5}) {
                        double[][][] out = new double[2][][];
                        ForceCompute.Result[] res = new ForceCompute.Result[2];
                        org.softglass.core.simd.TripletKernel[] kernels = {
                            org.softglass.core.simd.TripletKernels.scalar(), org.softglass.core.simd.TripletKernels.panama()};
                        for (int k = 0; k < 2; k++) {
                            try (org.softglass.core.parallel.Parallel team = new org.softglass.core.parallel.Parallel(threads);
                                 ForceCompute fc = new ForceCompute(POT, team, org.softglass.core.simd.PairKernels.scalar(), kernels[k])) {
                                fc.forces(p, box, nl);
                                double[] fOnly = new double[3 * n];
                                for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) fOnly[3 * i + a] = p.force(i, a);
                                double[] e = new double[n];
                                res[k] = fc.compute(p, box, nl, e);
                                double[] f = new double[3 * n];
                                for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) f[3 * i + a] = p.force(i, a);
                                out[k] = new double[][] {fOnly, f, e};
                            }
                        }
                        String what = kind + " threads " + threads;
                        for (int c = 0; c < 3; c++) org.junit.jupiter.api.Assertions.assertArrayEquals(out[0][c], out[1][c], 0.0, what + " output " + c);
                        assertEquals(res[0], res[1], what);
                    }
                }
            }
        }
    }

    /**
     * Forces are −∂U/∂x by central differences of the total energy (h = 1e-6 σ; tolerance
     * 1e-6·max(1, |F|): h² truncation ≈ 1e-12·U''' and round-off 1e-16·|U|/h ≈ 1e-8), for several random
     * configurations of N = 64 and 216, with FULL and HALF lists. Random configurations hold many pairs
     * just inside aσ and angles of every size, θ₀ included.
     */
    @Test
    void forcesAreMinusGradientOfEnergy() {
        for (int n : new int[] {64, 216}) {
            Box box = Box.cubicForDensity(n, 0.52);
            for (long seed = 4; seed <= 5; seed++) {
                for (NeighborList.Kind kind : NeighborList.Kind.values()) {
                    try (ParticleStore p = config(n, seed); ForceCompute fc = new ForceCompute(POT, 2);
                         NeighborList nl = Configs.bruteForce(p, box, RC + 0.3, kind)) {
                        fc.compute(p, box, nl, null);
                        double[] f = new double[3 * n];
                        double fsum[] = new double[3];
                        for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) {
                            f[3 * i + a] = p.force(i, a);
                            fsum[a] += f[3 * i + a];
                        }
                        double fmax = 0;
                        for (double v : f) fmax = Math.max(fmax, Math.abs(v));
                        for (int a = 0; a < 3; a++) assertEquals(0, fsum[a], 1e-12 * fmax * n, "forces sum to zero");
                        double h = 1e-6;
                        for (int i = 0; i < n; i += n / 16) {
                            for (int a = 0; a < 3; a++) {
                                double fd = FiniteDifferenceForce.of(fc, p, box, nl, i, a, h);
                                final int ii = i, aa = a;
                                assertEquals(fd, f[3 * i + a], 1e-6 * Math.max(1, Math.abs(fd)), () -> "particle " + ii + " axis " + aa);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * One triplet: the gradient of {@link TripletTerm#evaluate} and {@link TripletTerm#hessian} against
     * central differences, at random geometries and at the hard places: θ = θ₀ (where h and ∂h/∂c
     * vanish), distances within 0.02σ of aσ, θ near 0 and π. h = 1e-6; tolerance 1e-6 relative to the
     * largest entry plus 1e-9 absolute (truncation h²·h'''/6 ≈ 1e-12 × third derivatives of at most
     * ~1e3 here, round-off 1e-16·|h|/1e-6 ≈ 1e-10; at θ₀ the gradient is exactly 0 and only this floor
     * applies).
     */
    @Test
    void tripletGradientAndHessianMatchFiniteDifferences() {
        TripletTerm t = SW.tripletTerm();
        SplittableRandom rnd = new SplittableRandom(3);
        double t0 = Math.acos(-1.0 / 3.0);
        for (int c = 0; c < 60; c++) {
            double r1 = 0.9 + 0.88 * rnd.nextDouble(), r2 = 0.9 + 0.88 * rnd.nextDouble();
            double theta = Math.PI * rnd.nextDouble();
            if (c % 6 == 1) theta = t0;
            if (c % 6 == 2) r1 = RC - 0.02 * rnd.nextDouble();
            if (c % 6 == 3) { r1 = RC - 0.01; r2 = RC - 0.015; }
            if (c % 6 == 4) theta = 1e-3;
            if (c % 6 == 5) theta = Math.PI - 1e-3;
            // d1 along a random unit vector u, d2 at angle θ in a random plane
            double[] u = unit(rnd), w = unit(rnd);
            double dot = u[0] * w[0] + u[1] * w[1] + u[2] * w[2];
            double[] v = {w[0] - dot * u[0], w[1] - dot * u[1], w[2] - dot * u[2]};
            double vn = norm(v);
            double[] x = new double[6];
            for (int a = 0; a < 3; a++) {
                x[a] = r1 * u[a];
                x[3 + a] = r2 * (Math.cos(theta) * u[a] + Math.sin(theta) * v[a] / vn);
            }
            double[] g = new double[6], hh = new double[36];
            t.evaluate(x[0], x[1], x[2], x[3], x[4], x[5], g);
            t.hessian(x[0], x[1], x[2], x[3], x[4], x[5], hh);
            double scaleG = 1e-300, scaleH = 1e-300;
            for (double q : g) scaleG = Math.max(scaleG, Math.abs(q));
            for (double q : hh) scaleH = Math.max(scaleH, Math.abs(q));
            double step = 1e-6;
            for (int p = 0; p < 6; p++) {
                double[] xp = x.clone(), xm = x.clone();
                xp[p] += step;
                xm[p] -= step;
                double[] gp = new double[6], gm = new double[6];
                double hp = t.evaluate(xp[0], xp[1], xp[2], xp[3], xp[4], xp[5], gp);
                double hm = t.evaluate(xm[0], xm[1], xm[2], xm[3], xm[4], xm[5], gm);
                final int cc = c, pp = p;
                assertEquals((hp - hm) / (2 * step), g[p], 1e-6 * scaleG + 1e-9, () -> "case " + cc + " gradient " + pp);
                for (int q = 0; q < 6; q++) {
                    final int qq = q;
                    assertEquals((gp[q] - gm[q]) / (2 * step), hh[6 * q + p], 1e-6 * scaleH + 1e-9, () -> "case " + cc + " hessian " + qq + "," + pp);
                    assertEquals(hh[6 * p + q], hh[6 * q + p], 1e-12 * scaleH, "symmetric");
                }
            }
            if (c % 6 == 1) assertEquals(0.0, t.evaluate(x[0], x[1], x[2], x[3], x[4], x[5], g), 1e-12, "h vanishes at θ0");
        }
    }

    private static double[] unit(SplittableRandom rnd) {
        double[] v = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        double n = norm(v);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    /**
     * Rotation invariance: an isolated cluster (20 particles in a ball of radius 2σ, in a box of 20σ)
     * has the same energy after a rotation (1e-12 relative) and zero net torque Σ r × F (1e-11·Σ|r||F|);
     * forces sum to zero.
     */
    @Test
    void clusterIsRotationInvariant() {
        int n = 20;
        Box box = Box.cubicForDensity(8000, 1.0); // L = 20
        SplittableRandom rnd = new SplittableRandom(9);
        try (ParticleStore p = ParticleStore.allocate(n); ParticleStore q = ParticleStore.allocate(n); ForceCompute fc = new ForceCompute(POT, 1)) {
            double cx = box.lo(0) + 10, cy = box.lo(1) + 10, cz = box.lo(2) + 10;
            for (int i = 0; i < n; i++) {
                while (true) {
                    double x = 4 * rnd.nextDouble() - 2, y = 4 * rnd.nextDouble() - 2, z = 4 * rnd.nextDouble() - 2;
                    if (x * x + y * y + z * z > 4) continue;
                    boolean ok = true;
                    for (int j = 0; j < i && ok; j++) {
                        double dx = x - (p.x(j) - cx), dy = y - (p.y(j) - cy), dz = z - (p.z(j) - cz);
                        ok = dx * dx + dy * dy + dz * dz > 0.85 * 0.85;
                    }
                    if (!ok) continue;
                    p.setPosition(i, cx + x, cy + y, cz + z);
                    break;
                }
                p.setSpecies(i, 0);
                q.setSpecies(i, 0);
            }
            // rotation by 0.7 rad about (1, 2, 2)/3
            double ang = 0.7, kx = 1 / 3.0, ky = 2 / 3.0, kz = 2 / 3.0, co = Math.cos(ang), si = Math.sin(ang);
            for (int i = 0; i < n; i++) {
                double x = p.x(i) - cx, y = p.y(i) - cy, z = p.z(i) - cz;
                double kd = kx * x + ky * y + kz * z;
                double rx = x * co + (ky * z - kz * y) * si + kx * kd * (1 - co);
                double ry = y * co + (kz * x - kx * z) * si + ky * kd * (1 - co);
                double rz = z * co + (kx * y - ky * x) * si + kz * kd * (1 - co);
                q.setPosition(i, cx + rx, cy + ry, cz + rz);
            }
            double u, torqueScale = 0;
            double[] tq = new double[3], fs = new double[3];
            try (NeighborList nl = Configs.bruteForce(p, box, RC + 0.3, NeighborList.Kind.FULL)) {
                u = fc.compute(p, box, nl, null).energy();
                for (int i = 0; i < n; i++) {
                    double x = p.x(i) - cx, y = p.y(i) - cy, z = p.z(i) - cz, fx = p.force(i, 0), fy = p.force(i, 1), fz = p.force(i, 2);
                    tq[0] += y * fz - z * fy;
                    tq[1] += z * fx - x * fz;
                    tq[2] += x * fy - y * fx;
                    fs[0] += fx;
                    fs[1] += fy;
                    fs[2] += fz;
                    torqueScale += Math.sqrt(x * x + y * y + z * z) * Math.sqrt(fx * fx + fy * fy + fz * fz);
                }
            }
            assertTrue(torqueScale > 1, "the cluster interacts");
            for (int a = 0; a < 3; a++) {
                assertEquals(0, tq[a], 1e-11 * torqueScale, "torque");
                assertEquals(0, fs[a], 1e-11 * torqueScale, "net force");
            }
            try (NeighborList nl = Configs.bruteForce(q, box, RC + 0.3, NeighborList.Kind.FULL)) {
                assertEquals(u, fc.compute(q, box, nl, null).energy(), 1e-12 * Math.abs(u), "rotated energy");
            }
        }
    }

    /**
     * The virial W = Σ r·F (pairs and triplets) equals −dU/ds for a uniform dilation r → s r of the
     * positions and the box (central difference at s = 1 ± 1e-6; tolerance 1e-6·max(1, |W|)).
     */
    @Test
    void virialIsTheDilationDerivative() {
        int n = 216;
        Box box = Box.cubicForDensity(n, 0.52);
        try (ParticleStore p = config(n, 12); ForceCompute fc = new ForceCompute(POT, 2)) {
            double w;
            try (NeighborList nl = Configs.bruteForce(p, box, RC + 0.3, NeighborList.Kind.HALF)) {
                w = fc.compute(p, box, nl, null).virial();
            }
            double h = 1e-6;
            double up = dilated(p, box, 1 + h, fc), um = dilated(p, box, 1 - h, fc);
            assertEquals(-(up - um) / (2 * h), w, 1e-6 * Math.max(1, Math.abs(w)));
        }
    }

    private static double dilated(ParticleStore p, Box box, double s, ForceCompute fc) {
        Box b = Box.cubicForDensity(p.size(), 0.52 / (s * s * s));
        try (ParticleStore q = p.copy()) {
            for (int i = 0; i < q.size(); i++) {
                q.setPosition(i, b.lo(0) + s * (p.x(i) - box.lo(0)), b.lo(1) + s * (p.y(i) - box.lo(1)), b.lo(2) + s * (p.z(i) - box.lo(2)));
            }
            try (NeighborList nl = Configs.bruteForce(q, b, RC + 0.3, NeighborList.Kind.FULL)) {
                return fc.compute(q, b, nl, null).energy();
            }
        }
    }

    /**
     * NVE velocity Verlet (N = 64, quenched, then velocities at T ≈ 0.05 ε, 400 steps): the total energy
     * stays within 2e-4 ε per particle of its start at dt = 0.004, and its spread shrinks by more than
     * half when dt is halved (a second-order integrator with consistent forces gives ×4; wrong three-body
     * forces would drift). The list is rebuilt every step (brute force).
     */
    @Test
    void nveConservesEnergy() {
        int n = 64;
        Box box = Box.cubicForDensity(n, 0.52);
        double[] span = new double[2];
        try (ParticleStore start = config(n, 21)) {
            Report r = Minimizer.quench(start, box, POT, MinimizeOptions.defaults().withFtol(1e-8).withThreads(1));
            assertTrue(r.converged(), r.toString());
            SplittableRandom rnd = new SplittableRandom(5);
            double tv = Math.sqrt(0.05);
            for (int i = 0; i < n; i++) start.setVelocity(i, tv * rnd.nextGaussian(), tv * rnd.nextGaussian(), tv * rnd.nextGaussian());
            for (int k = 0; k < 2; k++) {
                double dt = 0.004 / (1 << k);
                try (ParticleStore p = start.copy(); ForceCompute fc = new ForceCompute(POT, 1)) {
                    double e0 = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
                    double u = forces(fc, p, box);
                    for (int step = 0; step <= 400 * (1 << k); step++) {
                        if (step > 0) {
                            kick(p, 0.5 * dt);
                            for (int i = 0; i < n; i++) {
                                p.setPosition(i, p.x(i) + dt * p.vel(i, 0), p.y(i) + dt * p.vel(i, 1), p.z(i) + dt * p.vel(i, 2));
                            }
                            u = forces(fc, p, box);
                            kick(p, 0.5 * dt);
                        }
                        double kin = 0;
                        for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) kin += 0.5 * p.vel(i, a) * p.vel(i, a);
                        double e = (u + kin) / n;
                        if (step == 0) e0 = e;
                        min = Math.min(min, e);
                        max = Math.max(max, e);
                    }
                    span[k] = max - min;
                    assertTrue(Math.abs(max - e0) < 2e-4 && Math.abs(min - e0) < 2e-4, "dt " + dt + ": energy per particle from " + min + " to " + max);
                }
            }
        }
        assertTrue(span[1] < 0.5 * span[0], "spread " + span[0] + " at dt, " + span[1] + " at dt/2");
    }

    private static double forces(ForceCompute fc, ParticleStore p, Box box) {
        try (NeighborList nl = Configs.bruteForce(p, box, RC + 0.3, NeighborList.Kind.FULL)) {
            return fc.compute(p, box, nl, null).energy();
        }
    }

    private static void kick(ParticleStore p, double c) {
        for (int i = 0; i < p.size(); i++) {
            p.setVelocity(i, p.vel(i, 0) + c * p.force(i, 0), p.vel(i, 1) + c * p.force(i, 1), p.vel(i, 2) + c * p.force(i, 2));
        }
    }
}
