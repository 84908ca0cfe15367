package org.softglass.core.elastic;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.space.Box;

/**
 * Columns of a Hessian M against central differences of the analytic forces:
 * {@code M[r][c] ≈ −[F_r(x + h e_c) − F_r(x − h e_c)]/(2h)}, with F from a {@link ForceCompute} over its
 * own neighbour list (independent code), for randomly drawn coordinates c = 3i + a (i the particle, a the
 * axis; the flat layout of {@link Hessian#multiply}). A column whose particle has a pair within 2h of
 * its cutoff is skipped (F jumps there). Used by the Hessian tests and by the validation suite.
 */
public final class HessianFiniteDifference {
    private HessianFiniteDifference() {}

    /**
     * What the comparison saw.
     *
     * @param maxError largest |M[r][c] − FD| over the compared columns (ε/σ²)
     * @param maxEntry largest |M[r][c]| over the compared columns (ε/σ²); a small one means nothing was tested
     * @param columns  columns compared (draws minus skipped ones)
     */
    public record Result(double maxError, double maxEntry, int columns) {}

    /**
     * Compares {@code draws} columns drawn by {@code rnd} (3N coordinates, one {@code nextInt} a draw).
     * {@code q} must hold the configuration of {@code hessian} and be covered by {@code list} (a full
     * list of radius ≥ the cutoff); each coordinate is displaced by ±h and restored to its exact value,
     * so {@code q}'s positions are unchanged on return. Modifies {@code q}'s forces and {@code rnd}.
     */
    public static Result compare(Hessian hessian, ForceCompute fc, ParticleStore q, Box box, PairPotential pot,
                                 NeighborList list, SplittableRandom rnd, int draws, double h) {
        int n = q.size();
        double[] e = new double[3 * n], col = new double[3 * n];
        double maxEntry = 0, maxErr = 0;
        int columns = 0;
        for (int t = 0; t < draws; t++) {
            int idx = rnd.nextInt(3 * n), i = idx / 3, a = idx % 3;
            if (nearCutoff(q, box, pot, i, 2 * h)) continue;
            double x0 = q.pos(i, a);
            q.setPos(i, a, x0 + h);
            fc.forces(q, box, list);
            double[] fp = forces(q);
            q.setPos(i, a, x0 - h);
            fc.forces(q, box, list);
            double[] fm = forces(q);
            q.setPos(i, a, x0);
            Arrays.fill(e, 0);
            e[idx] = 1;
            hessian.multiply(e, col);
            for (int r = 0; r < 3 * n; r++) {
                double fd = -(fp[r] - fm[r]) / (2 * h);
                maxErr = Math.max(maxErr, Math.abs(fd - col[r]));
                maxEntry = Math.max(maxEntry, Math.abs(col[r]));
            }
            columns++;
        }
        return new Result(maxErr, maxEntry, columns);
    }

    /** Whether particle i has a pair whose distance is within {@code margin} of that pair's cutoff. */
    private static boolean nearCutoff(ParticleStore p, Box box, PairPotential pot, int i, double margin) {
        for (int j = 0; j < p.size(); j++) {
            if (j == i) continue;
            double r = Math.sqrt(box.distanceSquared(p.x(i), p.y(i), p.z(i), p.x(j), p.y(j), p.z(j)));
            if (Math.abs(r - pot.cutoff(p.species(i), p.species(j))) < margin) return true;
        }
        return false;
    }

    /** The forces of q, flat: f[3i + a]. */
    private static double[] forces(ParticleStore q) {
        double[] f = new double[3 * q.size()];
        for (int i = 0; i < q.size(); i++) for (int a = 0; a < 3; a++) f[3 * i + a] = q.force(i, a);
        return f;
    }
}
