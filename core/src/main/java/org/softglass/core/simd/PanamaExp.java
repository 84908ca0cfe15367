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

    /** log₂ e; also for callers that turn e^x into 2^(x log₂ e) by folding it into a constant factor of x ({@link #exp2}). */
    public static final double LOG2_E = 1.4426950408889634;
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
        DoubleVector t = x.fma(DoubleVector.broadcast(S, LOG2_E), DoubleVector.broadcast(S, MAGIC));
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

    /**
     * Coefficients of 2^f on |f| ≤ 1/2: the degree-9 polynomial interpolating 2^f at the 10 Chebyshev nodes of that
     * interval (computed in 60-digit arithmetic with mpmath, rounded to double). Its truncation error, with the
     * rounded coefficients, is ≤ 1.9·10⁻¹⁴ relative (checked on 4001 points; degree 10 would give 3·10⁻¹⁶ for one
     * more FMA, which measured ≈ 3 % slower in the descriptor kernel and is not needed at its 10⁻¹⁰ tolerance).
     */
    private static final double R0 = 1.0000000000000135, R1 = 0.6931471805599462, R2 = 0.2402265069564034,
            R3 = 0.05550410866465167, R4 = 0.009618129193934313, R5 = 0.0013333558200794592,
            R6 = 0.0001540343375125101, R7 = 1.5252672924850737e-05, R8 = 1.325964524488711e-06, R9 = 1.0205905413765595e-07;

    /**
     * 2^y for −1000 ≤ y ≤ 1000 (outside, the result is meaningless: callers guarantee the range), inline:
     * y = n + f with n = rint(y) and |f| ≤ 1/2 (f = y − n is exact, so no Cody–Waite split is needed), 2^f by the
     * degree-9 polynomial {@code R0..R9} in Horner form, and 2^n applied by adding n to the exponent field of the
     * polynomial's value (an integer add instead of a multiplication; exact while the result is a normal double,
     * i.e. for y ≥ −1021). Relative error ≤ 1.9·10⁻¹⁴ plus a few roundings (tested against {@link Math#pow} in
     * KernelAgreementTest). Three operations fewer than {@link #exp}: a caller that computes e^(a·x) with a constant
     * a passes y = (a log₂ e)·x, whose one extra rounding (of the constant) adds ≤ 2^−53 |y| ln 2 relative error;
     * for the descriptor kernel's |a x| ≤ 321 that is ≤ 321·2^−53 ≈ 3.6·10⁻¹⁴ (on terms near e^−321, negligible in
     * any sum). Both are far inside the descriptors' 10⁻¹⁰ tolerance; the SW pair term, whose forces are compared
     * with LAMMPS to round-off, keeps {@link #exp}.
     */
    public static DoubleVector exp2(DoubleVector y) {
        DoubleVector t = y.add(MAGIC);
        DoubleVector f = y.sub(t.sub(MAGIC));
        DoubleVector p = DoubleVector.broadcast(S, R9);
        p = p.fma(f, DoubleVector.broadcast(S, R8));
        p = p.fma(f, DoubleVector.broadcast(S, R7));
        p = p.fma(f, DoubleVector.broadcast(S, R6));
        p = p.fma(f, DoubleVector.broadcast(S, R5));
        p = p.fma(f, DoubleVector.broadcast(S, R4));
        p = p.fma(f, DoubleVector.broadcast(S, R3));
        p = p.fma(f, DoubleVector.broadcast(S, R2));
        p = p.fma(f, DoubleVector.broadcast(S, R1));
        p = p.fma(f, DoubleVector.broadcast(S, R0));
        // the low bits of t hold n (two's complement): adding n << 52 to p's bits multiplies p by 2^n
        return p.reinterpretAsLongs().add(t.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
    }
}
