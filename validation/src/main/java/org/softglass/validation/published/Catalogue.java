package org.softglass.validation.published;

import java.util.List;
import org.softglass.validation.published.PublishedValue.Kind;

/**
 * Every KA number of papers 000, 001 and 002 that a pipeline run can measure, with its citation and the
 * paper's definition — the one place these numbers live. Quotes are from the papers' text
 * ({@code shared/papers/000_*.txt}, {@code 001_*.txt}, {@code 002_*.txt}).
 */
public final class Catalogue {
    private Catalogue() {}

    private static final String SCALE = "softness coefficient: changes under S -> aS + b (001 §4.1 'the scale and the shift of the hyperplane ... are arbitrary')";

    /** 001 §3.3: "our hyperplane is able to correct separate about 88% of the points into their correct classes" (T = 0.47). */
    public static final PublishedValue CV_ACCURACY_001 = new PublishedValue("cv_accuracy_001", "SVM accuracy at the training T", Kind.VALUE, 0.88, 0.88,
            "about 88 % (T = 0.47)", "001 §3.3",
            "fraction of training examples (rearranging p* > p_c ~ 0.6 vs no rearrangement for tau_c ~ tau_alpha, 001 §3.1) the linear SVM puts in their class",
            PaperSetup.P001, Tolerance.ACCURACY);
    /** 000 supplement: "cross-validation accuracy of 93% in the KALJ system" (T = 0.470, p_hop &gt; 0.6 vs &lt; 0.01 for 1000τ, C = 1). */
    public static final PublishedValue CV_ACCURACY_000 = new PublishedValue("cv_accuracy_000", "SVM cross-validation accuracy", Kind.VALUE, 0.93, 0.93,
            "93 % (T = 0.470)", "000 supplement (training of w_alpha)",
            "cross-validation accuracy, squared-hinge SVM, C = 1; rearranging p_hop > 0.6, non-rearranging p_hop < 0.01 for 1000 tau ~ 2 tau_alpha",
            PaperSetup.P000, Tolerance.ACCURACY);
    /** 001 §3.3 text: "P(S &gt; 0|R) ≈ 0.88"; Fig. 3c caption: "90% of the rearranging particles get assigned S &gt; 0". */
    public static final PublishedValue P_SOFT_GIVEN_R = new PublishedValue("p_s_pos_given_r", "P(S > 0 | R)", Kind.RANGE, 0.88, 0.90,
            "0.88 (text) - 0.90 (Fig. 3c)", "001 §3.3 and Fig. 3c",
            "fraction of particles currently rearranging (p_hop > 0.2, 001 §4.1) with S > 0; A particles at the training T",
            PaperSetup.P001, Tolerance.RANGE);
    /** 001 §4.1: "E(S) ≈ E0 − E1 S + E2 S² with E0 ≈ 7.50". */
    public static final PublishedValue E0 = coeff("e0", "E0", 7.50, "7.50");
    /** 001 §4.1: "E1 ≈ 0.90". */
    public static final PublishedValue E1 = coeff("e1", "E1", 0.90, "0.90");
    /** 001 §4.1: "E2 ≈ 0.02". */
    public static final PublishedValue E2 = coeff("e2", "E2", 0.02, "0.02");
    /** 001 §4.1: "Σ(S) ≈ Σ1 − Σ1 S + Σ2 S² with Σ0 ≈ 8.70" (the constant is Σ0). */
    public static final PublishedValue SIGMA0 = coeff("sigma0", "Sigma0", 8.70, "8.70");
    /** 001 §4.1: "Σ1 ≈ 1.1". */
    public static final PublishedValue SIGMA1 = coeff("sigma1", "Sigma1", 1.1, "1.1");
    /** 001 §4.1: "Σ2 ≈ 0.029". */
    public static final PublishedValue SIGMA2 = coeff("sigma2", "Sigma2", 0.029, "0.029");
    /** 001 §4.1: "giving E1/E2 ∼ 50". */
    public static final PublishedValue E1_OVER_E2 = new PublishedValue("e1_over_e2", "E1/E2", Kind.VALUE, 50, 50, "~ 50", "001 §4.1",
            "ratio of the linear to the quadratic coefficient of E(S)", PaperSetup.P001,
            new Tolerance(0, 0.5, "'~' (order of): 50 %"));
    /** 001 eq 12: "T0 = E0/Σ0 and T1 = E1/Σ1. Note that T0 ≈ T1 ≈ 0.86". */
    public static final PublishedValue T0_001 = new PublishedValue("t0_001", "T0 = E0/Sigma0", Kind.VALUE, 0.86, 0.86, "~ 0.86", "001 eq 12",
            "onset temperature from the quadratic fits, T0 = E0/Sigma0", PaperSetup.P001, Tolerance.APPROX);
    /** 001 eq 12: T1 = E1/Σ1 ≈ 0.86. */
    public static final PublishedValue T1_001 = new PublishedValue("t1_001", "T1 = E1/Sigma1", Kind.VALUE, 0.86, 0.86, "~ 0.86", "001 eq 12",
            "T1 = E1/Sigma1 (invariant under a rescaling of S)", PaperSetup.P001, Tolerance.APPROX);
    /** 002 §V: "we obtain this onset temperature through the best fit of ΔE, Σ to the data ... T0 ≈ 0.74". */
    public static final PublishedValue T0_002 = new PublishedValue("t0_002", "T0 (joint onset fit)", Kind.VALUE, 0.74, 0.74, "~ 0.74", "002 §V, eqs 27-28",
            "onset temperature of the joint fit of ln P(R|S,T) to Sigma(S) - DeltaE(S)/T with DeltaE = e0 + e1 S + e2 S^2, Sigma = Sigma0 - (e1 S + e2 S^2)/T0",
            PaperSetup.P002, Tolerance.APPROX);
    /** 002 §V: "rather than T0 ≈ 0.82" (past work, ref. [23]). */
    public static final PublishedValue T0_PAST = new PublishedValue("t0_002_past", "T0 (past work cited by 002)", Kind.VALUE, 0.82, 0.82, "~ 0.82",
            "002 §V (past work [23])", "onset temperature of the same form fitted over a narrower range of S", PaperSetup.P002, Tolerance.APPROX);
    /** 002 §V: "the average duration of a rearrangement ... where p_hop &gt; 0.2 ... is roughly 4τ". */
    public static final PublishedValue TAU_R = new PublishedValue("tau_r", "rearrangement duration tau_R", Kind.VALUE, 4, 4, "roughly 4 tau", "002 §V (end)",
            "mean number of consecutive frames (separated by tau) with p_hop > 0.2, given at least one, times the frame spacing",
            PaperSetup.P002, Tolerance.ROUGHLY_FRAMES);
    /** 000 supplement: "p_hop &lt; 0.01 for a time of 1000τ ≈ 2τ_α" at T = 0.470 (002 §II: the same with 0.02). */
    public static final PublishedValue TAU_ALPHA_047 = new PublishedValue("tau_alpha_047", "tau_alpha at T = 0.47", Kind.VALUE, 500, 500,
            "1000 tau ~ 2 tau_alpha", "000 supplement; 002 §II", "relaxation time at T = 0.47 (definition not stated; ours: F_s(q, t) = 0.2)",
            PaperSetup.P000, Tolerance.APPROX);
    /** 000 eq 19: "χ4* = m/4" for the trap-like model; m = 1 ("In the end we will take m = 1"). */
    public static final PublishedValue TRAP_CHI4 = new PublishedValue("trap_chi4_star", "trap-model chi4*", Kind.VALUE, 0.25, 0.25, "m/4 = 0.25 (m = 1)",
            "000 eq 19", "peak of chi4(t) = m(Q - Q^2) (eq 17) for independent sites", PaperSetup.P000, Tolerance.CLOSED_FORM);
    /** 000 Fig. 2b caption: "In this system, the dependence of ⟨S⟩ on β is strongly overestimated" (KA). */
    public static final PublishedValue TRAP_MEAN_S = new PublishedValue("trap_mean_s_direction", "trap model vs MD: |d<S>/d(1/T)|", Kind.DIRECTION, 1, 1,
            "trap overestimates", "000 Fig. 2b; text 'the change of <S> with T is overestimated'",
            "statistic |b_trap| - |b_MD|, b from <S>(T) = a + b/T over the run's temperatures (002 Fig. 2a form)", PaperSetup.P000, Tolerance.DIRECTION);
    /** 000 Fig. 4b and text: "the trap-like model ... overestimate[s] it [τ_Q] for the KA system". */
    public static final PublishedValue TRAP_TAU_Q = new PublishedValue("trap_tau_q_direction", "trap model vs MD: tau_Q", Kind.DIRECTION, 1, 1,
            "trap overestimates", "000 Fig. 4b; supplement 'Rescaling of rearrangement rate'",
            "statistic ln(tau_Q,trap/tau_Q,MD) at the lowest T after matching tau at the highest T (one T-independent factor); MD tau_Q from the IS overlap Q(t) = 1/e",
            PaperSetup.P000, Tolerance.DIRECTION);
    /** 000: "taking T_g = 0.40, we find m is slightly overpredicted by the model (m = 45.2 vs. m = 37.2)" — the MD value. */
    public static final PublishedValue FRAGILITY_MD = new PublishedValue("fragility_md", "fragility m (MD)", Kind.VALUE, 37.2, 37.2, "37.2 (T_g = 0.40)",
            "000 eq 22 and text", "m = d ln tau_Q / d(T_g/T) at T_g = 0.40, tau_Q from the IS overlap, parabolic-law fit of ln tau_Q vs 1/T",
            PaperSetup.P000, Tolerance.APPROX);
    /** 000: the trap-model value 45.2. */
    public static final PublishedValue FRAGILITY_TRAP = new PublishedValue("fragility_trap", "fragility m (trap model)", Kind.VALUE, 45.2, 45.2,
            "45.2 (T_g = 0.40)", "000 eq 22 and text", "as fragility_md, tau_Q of the trap-like model", PaperSetup.P000, Tolerance.APPROX);
    /** 000: "m is slightly overpredicted by the model". */
    public static final PublishedValue FRAGILITY_DIRECTION = new PublishedValue("fragility_direction", "trap vs MD fragility", Kind.DIRECTION, 1, 1,
            "trap overpredicts", "000 eq 22 and text", "statistic m_trap - m_MD", PaperSetup.P000, Tolerance.DIRECTION);
    /** 002 §VII A, Fig. 5b: "the TRSP model clearly underestimates ... the overall magnitude of χ4*(T)". */
    public static final PublishedValue TRSP_CHI4 = new PublishedValue("trsp_chi4_direction", "TRSP vs MD: chi4*", Kind.DIRECTION, -1, -1,
            "TRSP underestimates", "002 §VII A, Fig. 5b",
            "statistic: mean over the run's temperatures of ln(chi4*_TRSP / chi4*_MD), MD chi4* from the IS overlap", PaperSetup.P002, Tolerance.DIRECTION);
    /** 002 §VII A, Fig. 5a: "the TRSP model clearly underestimates the fragility (strength of non-Arrhenius behavior in τ_χ vs. T)". */
    public static final PublishedValue TRSP_FRAGILITY = new PublishedValue("trsp_fragility_direction", "TRSP vs MD: growth of tau_chi", Kind.DIRECTION, -1, -1,
            "TRSP underestimates", "002 §VII A, Fig. 5a",
            "statistic: [ln tau_chi(T_low) - ln tau_chi(T_high)]_TRSP - [same]_MD, MD tau_chi from the IS overlap", PaperSetup.P002, Tolerance.DIRECTION);
    /** 002 eq 29: "where C0 = σ², C1 &gt; σ²". */
    public static final PublishedValue CS_C1 = new PublishedValue("cs_c1_gt_c0", "C_S(r) fit: C1 > C0 = sigma^2", Kind.DIRECTION, 1, 1, "C1 > sigma^2",
            "002 eq 29", "statistic C1 - C0 of the fit C(0) = C0, C(r > 0) = C1 exp(-r/xi)", PaperSetup.P002, Tolerance.DIRECTION);

    /** The catalogue in table order. */
    public static List<PublishedValue> all() {
        return List.of(CV_ACCURACY_001, CV_ACCURACY_000, P_SOFT_GIVEN_R, E0, E1, E2, SIGMA0, SIGMA1, SIGMA2, E1_OVER_E2, T0_001, T1_001, T0_002, T0_PAST,
                TAU_R, TAU_ALPHA_047, TRAP_CHI4, TRAP_MEAN_S, TRAP_TAU_Q, FRAGILITY_MD, FRAGILITY_TRAP, FRAGILITY_DIRECTION, TRSP_CHI4, TRSP_FRAGILITY, CS_C1);
    }

    private static PublishedValue coeff(String id, String name, double v, String printed) {
        return new PublishedValue(id, name, Kind.VALUE, v, v, "~ " + printed, "001 §4.1, Fig. 5a,b",
                "quadratic fit E(S) = E0 - E1 S + E2 S^2, Sigma(S) = Sigma0 - Sigma1 S + Sigma2 S^2 to the per-bin Arrhenius fits ln P_R(S) = Sigma(S) - E(S)/T (eq 11); " + SCALE,
                PaperSetup.P001, Tolerance.APPROX);
    }
}
