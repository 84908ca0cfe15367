/**
 * Mesoscopic elasticity of inherent structures (paper {@code 004}, Appendix A): the analytic Hessian
 * {@code M = ∂²U/∂x∂x} of pair potentials in sparse 3×3-block form ({@link org.softglass.core.elastic.Hessian}),
 * solves {@code M z = d} in the space orthogonal to the 3 translations by conjugate gradient
 * ({@link org.softglass.core.elastic.HessianCg}) or dense Cholesky with one pinned particle
 * ({@link org.softglass.core.elastic.DenseHessian}), the dipole stiffness κ_ij (eq A4,
 * {@link org.softglass.core.elastic.DipoleStiffness}) and the athermal shear modulus G with its
 * non-affine term (eq A1, {@link org.softglass.core.elastic.ShearModulus}). Units: ε, σ; κ in ε/σ², G in ε/σ³.
 */
package org.softglass.core.elastic;
