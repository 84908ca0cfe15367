package org.softglass.core.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exponential of the Panama kernels, inline (no library call): {@link VectorOperators#EXP} is not used because its
 * SVML intrinsic (compiled code) and its Java fallback (interpreted code) round differently, so a result would depend
 * on when C2 compiles the loop, and the same seed and thread count would not give the same output. Every operation
 * here is an IEEE operation of fixed order, so the result is the same interpreted or compiled. Stateless.
 *
 * <p>Imports {@code jdk.incubator.vector}: reached only from the Panama kernels (see {@link PanamaSupport}).
 */
public final class PanamaExp {
    private PanamaExp() {}

    private static final VectorSpecies<Double> S = PanamaSupport.DOUBLE;

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238, LN2_LO = 1.9082149292705877e-10;
    private static final double MAGIC = 0x1.8p52;

    /**
     * Coefficients of e^t on |t| ≤ ln 2 / 2: the degree-10 polynomial interpolating e^t at the 11 Chebyshev
     * nodes of that interval (computed in 50-digit arithmetic, rounded to double; the constant term is 1).
     * Its truncation error is ≤ 2.9·10⁻¹⁶ relative (near-minimax: the degree-12 Taylor polynomial used
     * before had 1.7·10⁻¹⁶ with two more FMAs).
     */
    private static final double P1 = 1.0000000000000067, P2 = 0.5000000000000006, P3 = 0.16666666666554406,
            P4 = 0.04166666666657314, P5 = 0.008333333385667782, P6 = 0.0013888888932488599,
            P7 = 0.00019841170270440067, P8 = 2.4801504346997686e-05, P9 = 2.764018079620985e-06,
            P10 = 2.7626357241447223e-07;

    /**
     * exp(x) for |x| ≤ 708 (outside, the result is meaningless: callers guarantee the range), inline (no
     * library call): x = n ln 2 + t with n = rint(x / ln 2) and |t| ≤ ln 2 / 2 (Cody–Waite split of ln 2,
     * exact for |n| &lt; 2^20), e^t by the degree-10 polynomial {@code P1..P10} in Horner form (truncation
     * ≤ 2.9·10⁻¹⁶ relative), times 2^n built in the exponent bits. Relative error a few units of 10⁻¹⁶
     * (tested against {@link Math#exp} in KernelAgreementTest). Callers keep |x| ≤ 708 for every
     * lane that enters a result (the descriptor kernel's levels: |x| ≤ 321; the SW pair term: −700 &lt; x &lt; 0); lanes
     * outside the range only occur in lanes that are blended away.
     */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector t = x.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, MAGIC));
        DoubleVector n = t.sub(MAGIC);
        DoubleVector r = n.fma(DoubleVector.broadcast(S, -LN2_HI), x);
        r = n.fma(DoubleVector.broadcast(S, -LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(S, P10);
        p = p.fma(r, DoubleVector.broadcast(S, P9));
        p = p.fma(r, DoubleVector.broadcast(S, P8));
        p = p.fma(r, DoubleVector.broadcast(S, P7));
        p = p.fma(r, DoubleVector.broadcast(S, P6));
        p = p.fma(r, DoubleVector.broadcast(S, P5));
        p = p.fma(r, DoubleVector.broadcast(S, P4));
        p = p.fma(r, DoubleVector.broadcast(S, P3));
        p = p.fma(r, DoubleVector.broadcast(S, P2));
        p = p.fma(r, DoubleVector.broadcast(S, P1));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0));
        // the low bits of t hold n (two's complement); 2^n = (n + 1023) << 52
        DoubleVector scale = t.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)
                .add(1023L << 52).reinterpretAsDoubles();
        return p.mul(scale);
    }
}
