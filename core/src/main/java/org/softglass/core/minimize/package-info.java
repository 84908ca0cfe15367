/**
 * Energy minimisation to inherent structures: FIRE 2.0, Polak–Ribière conjugate gradient and L-BFGS, with
 * LAMMPS {@code minimize} semantics for the tolerances ({@code ftol} on the 2-norm of the 3N force
 * vector, {@code etol} on the relative energy change per iteration). Entry points:
 * {@link org.softglass.core.minimize.Minimizer} (with {@link org.softglass.core.minimize.MinimizeOptions})
 * returning a {@link org.softglass.core.minimize.Report}.
 */
package org.softglass.core.minimize;
