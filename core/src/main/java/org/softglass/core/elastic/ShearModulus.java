package org.softglass.core.elastic;

/**
 * Athermal shear modulus of an inherent structure, paper 004 eq A1:
 * <pre>
 *   G = (1/V) [ ∂²U/∂γ² − Ξ · M⁻¹ · Ξ ],   Ξ = ∂²U/∂γ∂x,
 * </pre>
 * for the simple shear {@code x → x + γ y} (H = I + γ x̂⊗ŷ). With d = r_i − r_j, f = −u'/r and
 * f' = df/d(r²) (so that ∂r²/∂γ = 2 d_x d_y at γ = 0):
 * <pre>
 *   ∂²U/∂γ² = Σ_{i&lt;j} [ −2 f' d_x² d_y² − f d_y² ]                       (Born term × V)
 *   Ξ_i     = Σ_j      [ −2 f' d_x d_y d − f (d_y, d_x, 0) ]
 * </pre>
 * The non-affine term {@code Ξ·M⁻¹·Ξ} is solved by projected CG (Ξ is translation-free). Units ε/σ³.
 * A three-body term (Stillinger–Weber) adds its triplets to both sums ({@link TripletBlocks}).
 *
 * <p>Like the Hessian, this is the curvature of the energy of the fixed network of interacting pairs.
 * For potentials whose force is truncated at r_c (the KA preset, LAMMPS {@code lj/cut} with an energy
 * shift) u has a kink at r_c; pairs that cross the cutoff under strain add an impulsive term that does
 * not vanish as γ → 0 and is not included (a few per cent of G in N = 300 KA quenches: Born term 46.2
 * from the formula against 44.9 from the energy at γ = 1e-4). Paper 004 uses potentials that are
 * smooth at the cutoff (IPL, mBLJ), for which eq A1 is exact.
 *
 * <p>Like the Hessian, this is the curvature of the energy of the fixed network of interacting pairs.
 * For potentials whose force is truncated at r_c (the KA preset, LAMMPS {@code lj/cut} with an energy
 * shift) u has a kink at r_c; pairs that cross the cutoff under strain add an impulsive term that does
 * not vanish as γ → 0 and is not included (it was a few per cent of G for N = 300 KA quenches).
 * Paper 004 uses potentials that are smooth at the cutoff (IPL, mBLJ), for which eq A1 is exact.
 *
 * @param born affine (Born) part {@code (1/V) ∂²U/∂γ²}
 * @param nonAffine non-affine relaxation {@code (1/V) Ξ·M⁻¹·Ξ} (≥ 0)
 * @param modulus G = born − nonAffine
 * @param iterations CG iterations of the non-affine solve
 * @param residual relative residual of that solve
 */
public record ShearModulus(double born, double nonAffine, double modulus, int iterations, double residual) {

    /**
     * G at the Hessian's configuration (which should be a minimum: check with
     * {@link Hessian#requireMinimum}).
     *
     * @throws ElasticException if the solve does not converge or meets negative curvature
     */
    public static ShearModulus compute(Hessian h, double tol, int maxIterations) {
        return compute(h, tol, maxIterations, h::multiply);
    }

    /**
     * G with the product y = M x of the non-affine solve chosen: {@link Hessian#multiplyScalar} gives the same bits
     * in every run, whereas the Vector-API product of {@link Hessian#multiply} sums each row's lanes with
     * {@code reduceLanes(ADD)}, whose order (and so the last bits of G) may differ between the interpreted and the
     * compiled kernel, i.e. between a cold and a warm JVM.
     *
     * @param product M x (x not modified, y overwritten; both 3N)
     * @throws ElasticException if the solve does not converge or meets negative curvature
     */
    public static ShearModulus compute(Hessian h, double tol, int maxIterations, HessianCg.Operator product) {
        double v = h.box().volume();
        double born = (0.5 * bornSum(h) + (h.triplets() != null ? h.triplets().born : 0.0)) / v;
        double[] xi = mixedDerivative(h);
        HessianCg.Result r = HessianCg.solve(product, xi, tol, maxIterations);
        if (!r.converged()) {
            throw new ElasticException(String.format("conjugate gradient did not converge for the non-affine term of G:"
                    + " relative residual %.3g after %d iterations (tolerance %.3g)", r.relativeResidual(), r.iterations(), tol));
        }
        double na = HessianCg.dot(xi, r.solution()) / v;
        return new ShearModulus(born, na, born - na, r.iterations(), r.relativeResidual());
    }

    /** Σ over stored entries (each pair twice) of −2 f' d_x² d_y² − f d_y². */
    private static double bornSum(Hessian h) {
        double[] pos = h.positionsShared(), d = new double[3];
        double s = 0;
        for (int i = 0; i < h.size(); i++) {
            for (int k = h.rowStart(i); k < h.rowStart(i + 1); k++) {
                int j = h.column(k), a = h.species(i), b = h.species(j);
                double r2 = Hessian.separation(pos, h.box(), h.shear(), i, j, d);
                double f = h.potential().forceOverR(a, b, r2), fp = h.potential().forceOverRDerivative(a, b, r2);
                s += -2 * fp * d[0] * d[0] * d[1] * d[1] - f * d[1] * d[1];
            }
        }
        return s;
    }

    /** Ξ = ∂²U/∂γ∂x (3N, ε/σ). */
    public static double[] mixedDerivative(Hessian h) {
        double[] pos = h.positionsShared(), d = new double[3];
        double[] xi = new double[h.dimension()];
        for (int i = 0; i < h.size(); i++) {
            double sx = 0, sy = 0, sz = 0;
            for (int k = h.rowStart(i); k < h.rowStart(i + 1); k++) {
                int j = h.column(k), a = h.species(i), b = h.species(j);
                double r2 = Hessian.separation(pos, h.box(), h.shear(), i, j, d);
                double f = h.potential().forceOverR(a, b, r2), fp = h.potential().forceOverRDerivative(a, b, r2);
                double c = -2 * fp * d[0] * d[1];
                sx += c * d[0] - f * d[1];
                sy += c * d[1] - f * d[0];
                sz += c * d[2];
            }
            xi[3 * i] = sx;
            xi[3 * i + 1] = sy;
            xi[3 * i + 2] = sz;
        }
        if (h.triplets() != null) for (int k = 0; k < xi.length; k++) xi[k] += h.triplets().xi[k];
        return xi;
    }
}
