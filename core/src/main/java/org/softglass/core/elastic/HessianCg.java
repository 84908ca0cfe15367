package org.softglass.core.elastic;

import java.util.Objects;

/**
 * Projected conjugate gradient for {@code M z = b} with a symmetric positive semi-definite M whose
 * null space is the 3 translations (paper 004, Appendix A: "M⁻¹ is the inverse in the (N−1)d
 * positive-definite subspace"). The right-hand side is projected onto the translation-free subspace
 * ({@link Hessian#projectTranslations}) and so is the residual after every update, so round-off cannot
 * accumulate a zero-mode component; the solution is translation-free.
 *
 * <p>Stopping: {@code ‖r‖₂ ≤ tol ‖P b‖₂} (relative residual of the recursion); the reported residual
 * is then recomputed as {@code ‖P b − M z‖₂ / ‖P b‖₂} with one more product. A search direction with
 * {@code p·Mp ≤ 0} means M is not positive definite beyond the translations: {@link ElasticException}.
 * Vector operations are plain Java loops over double[] (a native BLAS call per dot product costs
 * more than it saves at these sizes; the product dominates). Serial reductions: deterministic.
 */
public final class HessianCg {
    private HessianCg() {}

    /** A matrix-vector product {@code y = A x} (x not modified, y overwritten). */
    @FunctionalInterface
    public interface Operator {
        void apply(double[] x, double[] y);
    }

    /**
     * @param solution the translation-free z (3N)
     * @param iterations CG iterations done
     * @param relativeResidual {@code ‖P b − M z‖ / ‖P b‖} recomputed at the end
     * @param converged whether the recursion met the tolerance within the iteration limit
     */
    public record Result(double[] solution, int iterations, double relativeResidual, boolean converged) {}

    /** Default iteration limit: 10·3N, ample for a stable glass (CG needs O(√cond) ≈ hundreds). */
    public static int defaultMaxIterations(int dimension) { return Math.max(100, 10 * dimension); }

    /**
     * Solves {@code M z = P b}.
     *
     * @param m the product (e.g. {@link Hessian#multiply} or {@link Hessian#multiplySerial})
     * @param b right-hand side (3N, not modified)
     * @param tol relative residual tolerance, in (0, 1)
     * @param maxIterations iteration limit, ≥ 1
     * @throws ElasticException if a direction of non-positive curvature is met
     */
    public static Result solve(Operator m, double[] b, double tol, int maxIterations) {
        Objects.requireNonNull(m, "operator");
        if (!(tol > 0 && tol < 1)) throw new IllegalArgumentException("CG tolerance must be in (0, 1), got " + tol);
        if (maxIterations < 1) throw new IllegalArgumentException("CG iteration limit must be >= 1, got " + maxIterations);
        int len = b.length;
        double[] rhs = b.clone();
        Hessian.projectTranslations(rhs);
        double bnorm = Math.sqrt(dot(rhs, rhs));
        double[] z = new double[len];
        if (bnorm == 0) return new Result(z, 0, 0.0, true);
        double[] r = rhs.clone(), p = rhs.clone(), ap = new double[len];
        double rr = dot(r, r), stop = tol * tol * bnorm * bnorm;
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            m.apply(p, ap);
            double pap = dot(p, ap);
            if (!(pap > 0)) {
                throw new ElasticException(String.format("Hessian is not positive definite beyond the 3 translations:"
                        + " conjugate gradient met curvature p·Mp/p·p = %.3g at iteration %d (a rattler or an unstable configuration)",
                        pap / dot(p, p), it));
            }
            double alpha = rr / pap;
            for (int k = 0; k < len; k++) {
                z[k] += alpha * p[k];
                r[k] -= alpha * ap[k];
            }
            Hessian.projectTranslations(r);
            it++;
            double rrNew = dot(r, r);
            if (rrNew <= stop) {
                converged = true;
                break;
            }
            double beta = rrNew / rr;
            for (int k = 0; k < len; k++) p[k] = r[k] + beta * p[k];
            rr = rrNew;
        }
        Hessian.projectTranslations(z);
        m.apply(z, ap);
        double res = 0;
        for (int k = 0; k < len; k++) {
            double d = rhs[k] - ap[k];
            res += d * d;
        }
        return new Result(z, it, Math.sqrt(res) / bnorm, converged);
    }

    /** Σ a_k b_k, serial. */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }

    /**
     * Solves {@code M z_r = P b_r} for several right-hand sides in lockstep, with one blocked product
     * {@link Hessian#multiplyMany} per iteration (the matrix is read once for all of them). Each
     * system runs its own CG (own α, β, stopping test) exactly as {@link #solve}; with the scalar
     * blocked product ({@code simd = false}) it gives the same result as {@link #solve} with
     * {@link Hessian#multiplyScalar} bit for bit, with the SIMD one it differs in the last bits. A
     * converged system is frozen while the others continue. Calling thread only.
     *
     * @param bs right-hand sides, each 3N (not modified)
     * @throws ElasticException if a direction of non-positive curvature is met
     */
    public static Result[] solveMany(Hessian h, double[][] bs, double tol, int maxIterations) {
        return solveMany(h, bs, tol, maxIterations, true);
    }

    /** {@link #solveMany(Hessian, double[][], double, int)} with the product chosen: SIMD if allowed and enabled, else scalar. */
    public static Result[] solveMany(Hessian h, double[][] bs, double tol, int maxIterations, boolean simd) {
        if (!(tol > 0 && tol < 1)) throw new IllegalArgumentException("CG tolerance must be in (0, 1), got " + tol);
        if (maxIterations < 1) throw new IllegalArgumentException("CG iteration limit must be >= 1, got " + maxIterations);
        int nr = bs.length, len = h.dimension();
        Result[] out = new Result[nr];
        if (nr == 0) return out;
        double[][] rhs = new double[nr][], z = new double[nr][len], r = new double[nr][], p = new double[nr][];
        double[] rr = new double[nr], stop = new double[nr], bnorm = new double[nr];
        int[] it = new int[nr];
        boolean[] active = new boolean[nr], conv = new boolean[nr];
        for (int q = 0; q < nr; q++) {
            if (bs[q].length != len) throw new IllegalArgumentException("right-hand side " + q + " must have length " + len);
            rhs[q] = bs[q].clone();
            Hessian.projectTranslations(rhs[q]);
            bnorm[q] = Math.sqrt(dot(rhs[q], rhs[q]));
            r[q] = rhs[q].clone();
            p[q] = rhs[q].clone();
            rr[q] = dot(r[q], r[q]);
            stop[q] = tol * tol * bnorm[q] * bnorm[q];
            active[q] = bnorm[q] > 0;
            conv[q] = bnorm[q] == 0;
        }
        double[] xb = new double[len * nr], yb = new double[len * nr], ap = new double[len];
        for (int step = 0; step < maxIterations; step++) {
            boolean any = false;
            for (int q = 0; q < nr; q++) any |= active[q];
            if (!any) break;
            for (int k = 0; k < len; k++) for (int q = 0; q < nr; q++) xb[k * nr + q] = p[q][k];
            if (simd) h.multiplyMany(xb, yb, nr);
            else h.multiplyManyScalar(xb, yb, nr);
            for (int q = 0; q < nr; q++) {
                if (!active[q]) continue;
                for (int k = 0; k < len; k++) ap[k] = yb[k * nr + q];
                double pap = dot(p[q], ap);
                if (!(pap > 0)) {
                    throw new ElasticException(String.format("Hessian is not positive definite beyond the 3 translations:"
                            + " conjugate gradient met curvature p·Mp/p·p = %.3g at iteration %d (a rattler or an unstable configuration)",
                            pap / dot(p[q], p[q]), it[q]));
                }
                double alpha = rr[q] / pap;
                double[] zq = z[q], rq = r[q], pq = p[q];
                for (int k = 0; k < len; k++) {
                    zq[k] += alpha * pq[k];
                    rq[k] -= alpha * ap[k];
                }
                Hessian.projectTranslations(rq);
                it[q]++;
                double rrNew = dot(rq, rq);
                if (rrNew <= stop[q]) {
                    conv[q] = true;
                    active[q] = false;
                    continue;
                }
                double beta = rrNew / rr[q];
                for (int k = 0; k < len; k++) pq[k] = rq[k] + beta * pq[k];
                rr[q] = rrNew;
            }
        }
        for (int q = 0; q < nr; q++) {
            Hessian.projectTranslations(z[q]);
            if (bnorm[q] == 0) {
                out[q] = new Result(z[q], 0, 0.0, true);
                continue;
            }
            h.multiplyScalar(z[q], ap);
            double res = 0;
            for (int k = 0; k < len; k++) res += (rhs[q][k] - ap[k]) * (rhs[q][k] - ap[k]);
            out[q] = new Result(z[q], it[q], Math.sqrt(res) / bnorm[q], conv[q]);
        }
        return out;
    }
}
