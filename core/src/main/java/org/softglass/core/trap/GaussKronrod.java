package org.softglass.core.trap;

import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive Gauss–Kronrod quadrature (7-point Gauss, 15-point Kronrod; the QUADPACK QAG
 * scheme): the interval is first cut into {@code pieces} equal parts, then the part with the largest
 * error estimate |K15 − G7| is bisected until the summed estimate is at most
 * max(absTol, relTol·|I|) or {@code maxPieces} parts exist.
 *
 * <p>The initial partition is what makes integrands with a narrow peak somewhere in a wide interval
 * safe: each part is sampled at 15 points before any refinement. Non-finite integrand values are an
 * error. Stateless; thread-safe.
 */
public final class GaussKronrod {
    private GaussKronrod() {}

    /** The value, the error estimate (sum of |K15 − G7| over the parts) and the number of integrand calls. */
    public record Result(double value, double error, int evaluations) {}

    // Kronrod nodes (positive half, descending) and weights; Gauss weights for the odd-indexed nodes
    // (QUADPACK qk15).
    private static final double[] XGK = {0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
            0.864864423359769072789712788640926, 0.741531185599394439863864773280788, 0.586087235467691130294144845693013,
            0.405845151377397166906606412076961, 0.207784955007898467600689403773245, 0.0};
    private static final double[] WGK = {0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
            0.104790010322250183839876322541518, 0.140653259715525918745189590510238, 0.169004726639267902826583426598550,
            0.190350578064785409913256402421014, 0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
            0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    private record Part(double a, double b, double value, double error) {}

    /**
     * ∫_a^b f(x) dx.
     *
     * @param f the integrand (called 15 times per part)
     * @param a lower limit
     * @param b upper limit (&gt; a)
     * @param pieces initial number of equal parts (≥ 1)
     * @param relTol relative tolerance on the integral
     * @param absTol absolute tolerance (use a tiny positive number when the integral may vanish)
     * @param maxPieces limit on the number of parts; when reached the current estimate is returned
     *     with its (larger) error
     * @throws IllegalArgumentException for bad limits or arguments
     * @throws ArithmeticException when f returns a non-finite value
     */
    public static Result integrate(DoubleUnaryOperator f, double a, double b, int pieces,
                                   double relTol, double absTol, int maxPieces) {
        if (!(b > a) || !Double.isFinite(a) || !Double.isFinite(b)) throw new IllegalArgumentException("bad interval [" + a + ", " + b + "]");
        if (pieces < 1 || maxPieces < pieces) throw new IllegalArgumentException("need 1 <= pieces <= maxPieces");
        PriorityQueue<Part> queue = new PriorityQueue<>((p, q) -> Double.compare(q.error, p.error));
        double value = 0, error = 0;
        double w = (b - a) / pieces;
        for (int i = 0; i < pieces; i++) {
            double lo = a + i * w, hi = i == pieces - 1 ? b : a + (i + 1) * w;
            Part p = rule(f, lo, hi);
            queue.add(p);
            value += p.value;
            error += p.error;
        }
        int n = pieces;
        while (error > Math.max(absTol, relTol * Math.abs(value)) && n < maxPieces) {
            Part worst = queue.poll();
            double mid = 0.5 * (worst.a + worst.b);
            Part l = rule(f, worst.a, mid), r = rule(f, mid, worst.b);
            queue.add(l);
            queue.add(r);
            value += l.value + r.value - worst.value;
            error += l.error + r.error - worst.error;
            n++;
            if (n % 64 == 0) {                         // resum: the running sums drift by round-off
                value = 0; error = 0;
                for (Part p : queue) { value += p.value; error += p.error; }
            }
        }
        value = 0; error = 0;
        for (Part p : queue) { value += p.value; error += p.error; }
        return new Result(value, error, 15 * (2 * n - pieces));
    }

    private static Part rule(DoubleUnaryOperator f, double a, double b) {
        double c = 0.5 * (a + b), h = 0.5 * (b - a);
        double fc = eval(f, c);
        double k = fc * WGK[7], g = fc * WG[3];
        for (int j = 0; j < 7; j++) {
            double dx = h * XGK[j];
            double s = eval(f, c - dx) + eval(f, c + dx);
            k += WGK[j] * s;
            if ((j & 1) == 1) g += WG[j >> 1] * s;
        }
        return new Part(a, b, k * h, Math.abs((k - g) * h));
    }

    private static double eval(DoubleUnaryOperator f, double x) {
        double v = f.applyAsDouble(x);
        if (!Double.isFinite(v)) throw new ArithmeticException("integrand is " + v + " at x = " + x);
        return v;
    }
}
