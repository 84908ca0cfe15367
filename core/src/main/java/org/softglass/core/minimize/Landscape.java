package org.softglass.core.minimize;

/**
 * What {@link Lbfgs} needs of the function it minimises: U(x) over 3N coordinates, its forces
 * F = −∇U, and moves of the form x₀ + α h. {@link Objective} is the particle implementation; tests
 * use analytic functions. Vectors of 3N doubles are component-major (element {@code a·N + i} is
 * component a of particle i), as in {@link Objective}.
 */
interface Landscape {
    /** N (the energy per atom is U/N). */
    int particles();

    /** Forces of the last {@link #evaluate()}, 3N (ε/σ); the array is live, do not modify. */
    double[] forces();

    /** Computes U and F at the current positions. @return U (ε, total) */
    double evaluate();

    /** U of the last evaluation (ε, total). */
    double energy();

    /** Whether U and every force component of the last evaluation are finite. */
    boolean finite();

    /** Evaluations so far. */
    long evaluations();

    /** Copies the positions into {@code x} (3N) and the image counts into {@code img} (3N). */
    void savePositions(double[] x, int[] img);

    /** Sets the positions to {@code x0 + alpha h} and the image counts to {@code img0}. */
    void setPositions(double[] x0, int[] img0, double alpha, double[] h);
}
