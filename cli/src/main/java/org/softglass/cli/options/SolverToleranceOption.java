package org.softglass.cli.options;

import picocli.CommandLine.Option;

/**
 * The {@code --tol} option of the elastic commands that solve M x = b with the Hessian M by projected conjugate
 * gradients (shear-modulus: the non-affine part of G, eq A1; stiffness: the dipole response, eq A4; mesoelastic-study:
 * both; paper 004 Appendix A 1): the relative residual |b − M x|/|b| at which CG stops. Dimensionless.
 */
public final class SolverToleranceOption {
    @Option(names = "--tol", defaultValue = "1e-10", description = "CG relative residual tolerance of the Hessian solves (kappa, G).")
    private double tol;

    /** The relative residual tolerance of CG. */
    public double tol() { return tol; }
}
