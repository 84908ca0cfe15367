package org.softglass.core.structure;

/**
 * The Cartesian monomials x^a y^b z^c of total degree p = a + b + c ≤ P in graded order: degree 0, then the
 * 3 of degree 1, the 6 of degree 2, …; within a degree, a descending, then b descending. Degree p starts at
 * index {@code start(p) = p(p+1)(p+2)/6} and has d_p = (p+1)(p+2)/2 members; there are start(P + 1) in all.
 * In this order degree p is built from degree p − 1 in three blocks ({@link #fill}, and the Vector-API twin in
 * {@link PanamaDescriptorKernel}): x times each of the d_{p−1} monomials of degree p − 1, then y times its last
 * p (those without x), then z times its last one (z^{p−1}). {@code multinomial[i] = p!/(a! b! c!)} is the
 * weight of x^a y^b z^c in (x u + y v + z w)^p: {@code (r·s)^p = Σ_{|α| = p} multinomial · r^α s^α}. Immutable.
 */
final class Monomials {
    final int maxDegree, count;
    final double[] multinomial;

    Monomials(int maxDegree) {
        if (maxDegree < 0 || maxDegree > 40) throw new IllegalArgumentException("monomial degree must be in [0, 40], got " + maxDegree);
        this.maxDegree = maxDegree;
        this.count = start(maxDegree + 1);
        multinomial = new double[count];
        int i = 0;
        for (int p = 0; p <= maxDegree; p++) {
            for (int a = p; a >= 0; a--) {
                for (int b = p - a; b >= 0; b--, i++) {
                    multinomial[i] = factorial(p) / (factorial(a) * factorial(b) * factorial(p - a - b));
                }
            }
        }
    }

    /** Writes the monomials of degree ≤ maxDegree of (x, y, z) into out[0, start(maxDegree + 1)) by the block recurrence. */
    static void fill(double x, double y, double z, int maxDegree, double[] out) {
        out[0] = 1;
        for (int p = 1; p <= maxDegree; p++) {
            int src = start(p - 1), dst = start(p), d = p * (p + 1) / 2;
            for (int q = 0; q < d; q++) out[dst + q] = out[src + q] * x;
            for (int q = 0; q < p; q++) out[dst + d + q] = out[src + d - p + q] * y;
            out[dst + d + p] = out[src + d - 1] * z;
        }
    }

    /** The smallest degree P whose monomials (indices below start(P + 1)) cover every index below max(hi). */
    static int degreeCovering(int[] hi) {
        int nm = 0, p = 0;
        for (int h : hi) nm = Math.max(nm, h);
        while (start(p + 1) < nm) p++;
        return p;
    }

    /** Index of the first monomial of degree p. */
    static int start(int p) { return p * (p + 1) * (p + 2) / 6; }

    /** Index of x^a y^b z^c. */
    static int index(int a, int b, int c) {
        int p = a + b + c;
        // within degree p: the a-blocks for p, p−1, …, a+1 come first (sizes 1, 2, …, p − a), then b from p − a down
        int before = (p - a) * (p - a + 1) / 2;
        return start(p) + before + (p - a - b);
    }

    private static double factorial(int n) {
        double f = 1;
        for (int k = 2; k <= n; k++) f *= k;
        return f;
    }
}
