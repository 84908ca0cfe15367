package org.softglass.core.elastic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Dipole stiffness of paper 004, eqs A2–A4: for an interacting pair (i, j) the unit dipole
 * {@code d̂ = (1/√2) ∂r_ij/∂x} (+n̂/√2 on i, −n̂/√2 on j, n̂ = (r_i − r_j)/r_ij), the response
 * {@code z = M⁻¹ d̂} and {@code κ_ij = d̂·M⁻¹·d̂ / d̂·M⁻²·d̂ = (d̂·z)/(z·z)} (ε/σ²).
 * Local stiffness κ_i: mean of κ_ij over the computed dipoles that involve particle i.
 */
public final class DipoleStiffness {
    private DipoleStiffness() {}

    /**
     * One computed dipole stiffness.
     *
     * @param i first particle slot (i &lt; j)
     * @param j second particle slot
     * @param kappa κ_ij (ε/σ²)
     * @param iterations CG iterations (0 for the dense path)
     * @param residual relative residual ‖d̂ − M z‖/‖d̂‖ of the solve
     */
    public record Dipole(int i, int j, double kappa, int iterations, double residual) {}

    /**
     * The unit dipole d̂ of pair (i, j) (3N).
     *
     * @throws IllegalArgumentException if i = j or the pair does not interact (r_ij ≥ r_c)
     */
    public static double[] dipole(Hessian h, int i, int j) {
        if (i == j) throw new IllegalArgumentException("a dipole needs two different particles, got " + i + " twice");
        if (!h.interacts(i, j)) {
            double[] d = new double[3];
            double r = Math.sqrt(Hessian.separation(h.positionsShared(), h.box(), h.shear(), i, j, d));
            double rc = h.potential().cutoff(h.species(i), h.species(j));
            throw new IllegalArgumentException(String.format("particles %d and %d do not interact: r = %.6g >= cutoff %.6g;"
                    + " a dipole stiffness needs an interacting pair", i, j, r, rc));
        }
        double[] d = new double[3];
        double r = Math.sqrt(Hessian.separation(h.positionsShared(), h.box(), h.shear(), i, j, d));
        double s = 1.0 / (Math.sqrt(2.0) * r);
        double[] v = new double[h.dimension()];
        for (int a = 0; a < 3; a++) {
            v[3 * i + a] = d[a] * s;
            v[3 * j + a] = -d[a] * s;
        }
        return v;
    }

    /** κ = (d·z)/(z·z) for a response z = M⁻¹ d. */
    public static double kappa(double[] d, double[] z) {
        return HessianCg.dot(d, z) / HessianCg.dot(z, z);
    }

    /**
     * {@code count} distinct interacting pairs (i &lt; j) drawn uniformly from all interacting pairs
     * with a {@link SplittableRandom} of the seed (same seed → same pairs), in draw order.
     *
     * @throws IllegalArgumentException if count exceeds the number of interacting pairs or is &lt; 1
     */
    public static int[][] randomPairs(Hessian h, int count, long seed) {
        int pairs = h.pairs();
        if (count < 1 || count > pairs) throw new IllegalArgumentException("number of dipoles must be in [1, " + pairs + "], got " + count);
        // the half list: entries (i, j) with j > i, in row order
        int[] ri = new int[pairs], rj = new int[pairs];
        int q = 0;
        for (int i = 0; i < h.size(); i++) {
            for (int k = h.rowStart(i); k < h.rowStart(i + 1); k++) {
                int j = h.column(k);
                if (j > i) {
                    ri[q] = i;
                    rj[q++] = j;
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] idx = new int[pairs];
        for (int k = 0; k < pairs; k++) idx[k] = k;
        int[][] out = new int[count][];
        for (int k = 0; k < count; k++) { // partial Fisher–Yates
            int s = k + rnd.nextInt(pairs - k);
            int t = idx[k]; idx[k] = idx[s]; idx[s] = t;
            out[k] = new int[] {ri[idx[k]], rj[idx[k]]};
        }
        return out;
    }

    /** Every interacting pair (i &lt; j), in row order. */
    public static int[][] allPairs(Hessian h) {
        List<int[]> l = new ArrayList<>(h.pairs());
        for (int i = 0; i < h.size(); i++) {
            for (int k = h.rowStart(i); k < h.rowStart(i + 1); k++) if (h.column(k) > i) l.add(new int[] {i, h.column(k)});
        }
        return l.toArray(new int[0][]);
    }

    /** Dipoles solved together in one blocked CG ({@link HessianCg#solveMany}). */
    public static final int BATCH = 8;

    /**
     * κ for each pair by projected CG. Pairs are cut into fixed batches of {@link #BATCH}; each batch
     * is solved by {@link HessianCg#solveMany} (one pass over the matrix per iteration for the whole
     * batch) on one worker of the Hessian's team, batches in parallel. Each κ equals a single-RHS
     * scalar CG bit for bit, so results do not depend on the thread count.
     *
     * @param pairs {i, j} per dipole, either order (not modified); the result has i &lt; j
     * @throws IllegalArgumentException for a non-interacting pair
     * @throws ElasticException if a solve does not converge or meets negative curvature
     */
    public static Dipole[] solveCg(Hessian h, int[][] pairs, double tol, int maxIterations) {
        double[][] ds = dipoles(h, pairs);
        Dipole[] out = new Dipole[pairs.length];
        h.parallel().forChunks(pairs.length, BATCH, (w, c, from, to) -> {
            HessianCg.Result[] rs = HessianCg.solveMany(h, java.util.Arrays.copyOfRange(ds, from, to), tol, maxIterations);
            for (int q = 0; q < rs.length; q++) {
                int k = from + q;
                HessianCg.Result r = rs[q];
                if (!r.converged()) {
                    throw new ElasticException(String.format("conjugate gradient did not converge for dipole (%d, %d): relative residual"
                            + " %.3g after %d iterations (tolerance %.3g)", lo(pairs[k]), hi(pairs[k]), r.relativeResidual(), r.iterations(), tol));
                }
                out[k] = new Dipole(lo(pairs[k]), hi(pairs[k]), kappa(ds[k], r.solution()), r.iterations(), r.relativeResidual());
            }
        });
        return out;
    }

    /** κ for each pair from a dense Cholesky factor, all right-hand sides in one LAPACK call. */
    public static Dipole[] solveDense(Hessian h, DenseHessian dense, int[][] pairs) {
        double[][] ds = dipoles(h, pairs);
        double[][] zs = dense.solve(ds);
        Dipole[] out = new Dipole[pairs.length];
        double[] mz = new double[h.dimension()];
        for (int c = 0; c < pairs.length; c++) {
            h.multiply(zs[c], mz);
            double res = 0;
            for (int k = 0; k < mz.length; k++) res += (ds[c][k] - mz[k]) * (ds[c][k] - mz[k]);
            out[c] = new Dipole(lo(pairs[c]), hi(pairs[c]), kappa(ds[c], zs[c]), 0, Math.sqrt(res));
        }
        return out;
    }

    /** The unit dipoles of the pairs (each given as {i, j} in either order; the array is not modified). */
    private static double[][] dipoles(Hessian h, int[][] pairs) {
        double[][] ds = new double[pairs.length][];
        for (int c = 0; c < pairs.length; c++) {
            if (pairs[c].length != 2) throw new IllegalArgumentException("pair " + c + " must hold two particle slots");
            ds[c] = dipole(h, lo(pairs[c]), hi(pairs[c]));
        }
        return ds;
    }

    private static int lo(int[] p) { return Math.min(p[0], p[1]); }

    private static int hi(int[] p) { return Math.max(p[0], p[1]); }

    /**
     * Local stiffness κ_i: the mean of κ_ij over the given dipoles that involve particle i; NaN for a
     * particle in none of them.
     */
    public static double[] localKappa(int n, Dipole[] dipoles) {
        double[] s = new double[n];
        int[] c = new int[n];
        for (Dipole d : dipoles) {
            s[d.i()] += d.kappa();
            c[d.i()]++;
            s[d.j()] += d.kappa();
            c[d.j()]++;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = c[i] == 0 ? Double.NaN : s[i] / c[i];
        return out;
    }

    /** Mean of κ over the dipoles. */
    public static double mean(Dipole[] dipoles) {
        return Arrays.stream(dipoles).mapToDouble(Dipole::kappa).sum() / dipoles.length;
    }

}
