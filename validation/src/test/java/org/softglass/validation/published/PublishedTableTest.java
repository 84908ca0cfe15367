package org.softglass.validation.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;

class PublishedTableTest {

    private static Comparison row(List<Comparison> rows, String id) {
        return rows.stream().filter(c -> c.published().id().equals(id)).findFirst().orElseThrow();
    }

    /** Per-bin ΔE, Σ on the 001 quadratics exactly, with error {@code err} and noise from {@code rnd} (null: none). */
    private static String arrhenius(double err, Random rnd) {
        StringBuilder b = new StringBuilder("bin,mean,sigma,sigma_err,delta_e,delta_e_err,cov,chi2,dof\n");
        for (int k = 0; k < 20; k++) {
            double s = -2 + 4.0 * k / 19;
            double e = 7.5 - 0.9 * s + 0.02 * s * s, sg = 8.7 - 1.1 * s + 0.029 * s * s;
            if (rnd != null) { e += err * rnd.nextGaussian(); sg += err * rnd.nextGaussian(); }
            b.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,0,1,1%n", k, s, sg, err, e, err));
        }
        return b.toString();
    }

    private static Path fullRun(Path run) throws IOException {
        SyntheticRun.summary(run, 0.85);
        SyntheticRun.softnessAndPhop(run);
        SyntheticRun.write(run.resolve("barriers/arrhenius.csv"), arrhenius(0.05, null));
        SyntheticRun.write(run.resolve("barriers/onset-source.json"), "{\"source\":\"fitted\",\"reason\":null}");
        SyntheticRun.write(run.resolve("barriers/barriers.json"), """
                {"schema":"softglass.barriers/1","onset_fit":{"t0":0.80,"errors":{"t0":0.02},"chi2":10,"dof":8},
                 "tau_r":{"value":4.4,"err":0.1,"runs":50,"threshold":0.2},
                 "mean_fit":{"a":1.0,"b":-0.5,"a_err":0.05,"b_err":0.05}}
                """);
        // trap: <S> = 2 - 1.0/T (|b| = 1.0 > 0.5 of MD); tau_Q(trap) grows faster than MD's
        SyntheticRun.write(run.resolve("trap/relax/relax_summary.csv"), """
                T,mean_s,tau_Q,chi4_star
                0.6,0.3333333333333333,10.0,0.25
                0.5,0.0,60.0,0.2504
                0.47,-0.1276595744680851,200.0,0.25
                """);
        // MD IS overlap: tau_Q = 5, 20, 40 (json at 0.6 and 0.5, a curve at 0.47)
        SyntheticRun.write(run.resolve("observables/T0.600/overlap/overlap.json"), "{\"tau_Q\":5.0,\"tau_Q_err\":0.25,\"tau_chi\":4.0,\"chi4_star\":2.0,\"chi4_star_err\":0.1}");
        SyntheticRun.write(run.resolve("observables/T0.500/overlap/overlap.json"), "{\"tau_Q\":20.0,\"tau_chi\":15.0,\"chi4_star\":4.0}");
        StringBuilder c = new StringBuilder("t,Q,chi4\n");
        for (int i = 0; i <= 100; i++) {
            double t = i;
            c.append(String.format(Locale.ROOT, "%s,%s,%s%n", t, Math.exp(-t / 40.0), 6.0 * Math.exp(-Math.pow(Math.log((t + 1e-9) / 30.0), 2))));
        }
        SyntheticRun.write(run.resolve("observables/T0.470/overlap/overlap.csv"), c.toString());
        SyntheticRun.write(run.resolve("trsp/kick-source.json"), "{\"source\":\"fitted\",\"reason\":null}");
        SyntheticRun.write(run.resolve("trsp/summary.csv"), """
                T,tau_chi,chi4_star
                0.6,4.0,1.0
                0.5,10.0,1.5
                0.47,18.0,2.0
                """);
        SyntheticRun.write(run.resolve("correlations/correlations.json"), "{\"cS\":{\"c0\":0.4,\"c0_err\":0.01,\"c1\":0.5,\"c1_err\":0.02,\"xi\":0.7}}");
        return run;
    }

    @Test
    void syntheticRunGivesTheKnownValuesErrorsAndFlags(@TempDir Path dir) throws IOException {
        List<Comparison> rows = PublishedTable.evaluate(fullRun(dir));
        assertEquals(Catalogue.all().size(), rows.size());

        // CV accuracy 0.85 ± sqrt(.85 .15 / 1000): 0.03 from 0.88 agrees (allowed 0.04 + 2σ), 0.08 from 0.93 does not
        Comparison cv1 = row(rows, "cv_accuracy_001"), cv0 = row(rows, "cv_accuracy_000");
        assertEquals(0.85, cv1.ours().value(), 0);
        assertEquals(Math.sqrt(0.85 * 0.15 / 1000), cv1.ours().error(), 1e-15);
        assertEquals(Status.AGREES, cv1.status());
        assertEquals(Status.DISAGREES, cv0.status());

        // P(S > 0 | R) = 3/5 (A particles only; NaN p_hop frame and the B particle excluded), cluster error by hand
        Comparison ps = row(rows, "p_s_pos_given_r");
        assertEquals(0.6, ps.ours().value(), 1e-15);
        assertEquals(Math.sqrt(Math.pow(2 - 1.8, 2) + Math.pow(1 - 0.6, 2) + Math.pow(0 - 0.6, 2)) / 5, ps.ours().error(), 1e-15);
        assertEquals(Status.AGREES, ps.status());   // 0.28 below 0.88, but 2σ = 0.30 from only three particles

        // exact quadratics: the 001 coefficients come back to round-off, so every one agrees
        assertEquals(0.90, row(rows, "e1").ours().value(), 1e-9);
        assertEquals(0.02, row(rows, "e2").ours().value(), 1e-9);
        assertEquals(1.1, row(rows, "sigma1").ours().value(), 1e-9);
        assertEquals(0.029, row(rows, "sigma2").ours().value(), 1e-9);
        assertEquals(7.5 / 8.7, row(rows, "t0_001").ours().value(), 1e-9);
        assertEquals(0.9 / 1.1, row(rows, "t1_001").ours().value(), 1e-9);
        for (String id : List.of("e0", "e1", "e2", "sigma0", "sigma1", "sigma2", "t0_001", "t1_001", "e1_over_e2")) assertEquals(Status.AGREES, row(rows, id).status(), id);

        // T0 = 0.80 ± 0.02: within 10 % + 2σ of 0.74 (0.06 ≤ 0.114) and of 0.82
        assertEquals(Status.AGREES, row(rows, "t0_002").status());
        assertEquals(0.02, row(rows, "t0_002").ours().error(), 0);
        assertEquals(Status.AGREES, row(rows, "tau_r").status());
        assertEquals(520, row(rows, "tau_alpha_047").ours().value(), 0);
        // trap chi4*: the worst temperature, 0.2504, is within 1e-3 of 0.25
        assertEquals(0.2504, row(rows, "trap_chi4_star").ours().value(), 0);
        assertEquals(Status.AGREES, row(rows, "trap_chi4_star").status());

        // trap <S>: |b_trap| - |b_MD| = 1.0 - 0.5 with the MD error 0.05
        Comparison ms = row(rows, "trap_mean_s_direction");
        assertEquals(0.5, ms.ours().value(), 1e-9);
        assertEquals(0.05, ms.ours().error(), 0);
        assertEquals(Status.AGREES, ms.status());
        // trap tau_Q matched at T = 0.6 (10 vs 5), compared at 0.47 (200 vs 40 from the curve): ln(5/2)
        Comparison tq = row(rows, "trap_tau_q_direction");
        assertEquals(Math.log(200.0 / 40.0) - Math.log(10.0 / 5.0), tq.ours().value(), 1e-3);
        assertEquals(Status.AGREES, tq.status());
        // chi4*: TRSP below MD at all three temperatures
        Comparison ch = row(rows, "trsp_chi4_direction");
        assertEquals((Math.log(1.0 / 2.0) + Math.log(1.5 / 4.0) + Math.log(2.0 / 6.0)) / 3, ch.ours().value(), 1e-6);
        assertEquals(Status.AGREES, ch.status());
        // tau_chi growth: TRSP ln(18/4) vs MD ln(30/4)
        assertEquals(Math.log(18.0 / 4.0) - Math.log(30.0 / 4.0), row(rows, "trsp_fragility_direction").ours().value(), 1e-9);
        // C1 - C0 = 0.1 ± 0.0224
        assertEquals(0.1, row(rows, "cs_c1_gt_c0").ours().value(), 1e-12);
        assertEquals(Status.AGREES, row(rows, "cs_c1_gt_c0").status());
        // three temperatures are too few for the parabolic law with a residual: stated, not invented
        assertEquals(Status.NOT_MEASURED, row(rows, "fragility_md").status());

        // the setup note says where the run differs
        String note = row(rows, "e1").setupNote();
        assertTrue(note.contains("N 1000 vs 10000") && note.contains("energy-shifted") && note.contains("dt 0.005 vs 0.0025"), note);
    }

    @Test
    void missingQuantitiesAndFallbacksAreNotMeasuredWithTheReason(@TempDir Path dir) throws IOException {
        SyntheticRun.summary(dir, 0.85);
        SyntheticRun.write(dir.resolve("barriers/onset-source.json"), "{\"source\":\"ka-002 preset\",\"reason\":\"onset fit refused\"}");
        SyntheticRun.write(dir.resolve("barriers/barriers.json"), "{\"onset_error\":\"onset fit refused: T = 0.6 is at or above T0\"}");
        SyntheticRun.write(dir.resolve("trap/relax/relax_summary.csv"), "T,mean_s,tau_Q,chi4_star\n0.6,0,1,0.25\n0.5,0,2,0.25\n");
        List<Comparison> rows = PublishedTable.evaluate(dir);
        for (String id : List.of("p_s_pos_given_r", "e1", "t0_002", "tau_r", "trap_mean_s_direction", "trap_tau_q_direction", "fragility_md",
                "trsp_chi4_direction", "cs_c1_gt_c0")) {
            Comparison c = row(rows, id);
            assertEquals(Status.NOT_MEASURED, c.status(), id);
            assertNull(c.ours(), id);
            assertTrue(c.reason().startsWith("not measured in this run: "), c.reason());
        }
        assertTrue(row(rows, "t0_002").reason().contains("onset fit was refused"), row(rows, "t0_002").reason());
        assertTrue(row(rows, "trap_mean_s_direction").reason().contains("ka-002 preset"), row(rows, "trap_mean_s_direction").reason());
        assertTrue(row(rows, "tau_alpha_047").reason().contains("no MD at T = 0.47") == false); // 0.47 is in this run
        assertEquals("n.a.", row(rows, "fragility_md").status().agrees());
        // the trap chi4* closed form does not depend on the barrier parameters: still measured
        assertEquals(Status.AGREES, row(rows, "trap_chi4_star").status());
    }

    @Test
    void notARunDirectoryIsRefused(@TempDir Path dir) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> PublishedTable.evaluate(dir));
        assertTrue(e.getMessage().contains("report/summary.json"), e.getMessage());
    }

    /**
     * The quadratic-fit errors are honest: with Gaussian noise of the stated σ on every bin, the 1σ interval of E1 and
     * of T1 = E1/Σ1 holds the truth in ≈ 68 % of 400 replicates (binomial σ 2.3 %; the χ²/dof ≥ 1 scaling can only
     * widen the interval, so the band is [0.60, 0.80]).
     */
    @Test
    void quadraticFitErrorsCoverTheTruth() {
        Random rnd = new Random(7);
        int inE1 = 0, inT1 = 0, reps = 400;
        for (int r = 0; r < reps; r++) {
            double[] s = new double[20], e = new double[20], ee = new double[20], sg = new double[20], se = new double[20], cov = new double[20];
            for (int k = 0; k < 20; k++) {
                s[k] = -2 + 4.0 * k / 19;
                e[k] = 7.5 - 0.9 * s[k] + 0.02 * s[k] * s[k] + 0.1 * rnd.nextGaussian();
                sg[k] = 8.7 - 1.1 * s[k] + 0.029 * s[k] * s[k] + 0.1 * rnd.nextGaussian();
                ee[k] = se[k] = 0.1;
            }
            BarrierCoefficients c = BarrierCoefficients.fit(s, e, ee, sg, se, cov);
            if (Math.abs(c.e1()[0] - 0.9) < c.e1()[1]) inE1++;
            if (Math.abs(c.t1()[0] - 0.9 / 1.1) < c.t1()[1]) inT1++;
        }
        assertTrue(inE1 > 0.60 * reps && inE1 < 0.80 * reps, "E1 coverage " + inE1 + "/" + reps);
        assertTrue(inT1 > 0.60 * reps && inT1 < 0.80 * reps, "T1 coverage " + inT1 + "/" + reps);
    }

    @Test
    void judgeAppliesTheRuleAtItsEdges() {
        PublishedValue p = Catalogue.T0_002;   // 0.74, 10 %
        assertEquals(Status.AGREES, Comparison.judge(p, new Estimate(0.74 + 0.074 + 0.2 - 1e-9, 0.1, "m"), "").status());
        assertEquals(Status.DISAGREES, Comparison.judge(p, new Estimate(0.74 + 0.074 + 0.2 + 1e-9, 0.1, "m"), "").status());
        PublishedValue d = Catalogue.TRSP_CHI4;   // expected negative
        assertEquals(Status.AGREES, Comparison.judge(d, new Estimate(-0.5, 0.1, "m"), "").status());
        assertEquals(Status.DISAGREES, Comparison.judge(d, new Estimate(0.5, 0.1, "m"), "").status());
        assertEquals(Status.INCONCLUSIVE, Comparison.judge(d, new Estimate(-0.15, 0.1, "m"), "").status());
    }

    @Test
    void e1OverE2IsNotMeasuredWhenE2IsConsistentWithZero(@TempDir Path dir) throws IOException {
        SyntheticRun.summary(dir, 0.85);
        StringBuilder b = new StringBuilder("bin,mean,sigma,sigma_err,delta_e,delta_e_err,cov,chi2,dof\n");
        for (int k = 0; k < 20; k++) {
            double s = -2 + 4.0 * k / 19;
            b.append(String.format(Locale.ROOT, "%d,%s,%s,0.05,%s,0.05,0,1,1%n", k, s, 8.7 - 1.1 * s, 7.5 - 0.9 * s));   // E2 = 0 exactly
        }
        SyntheticRun.write(dir.resolve("barriers/arrhenius.csv"), b.toString());
        List<Comparison> rows = PublishedTable.evaluate(dir);
        assertEquals(Status.NOT_MEASURED, row(rows, "e1_over_e2").status());
        assertTrue(row(rows, "e1_over_e2").reason().contains("undetermined"), row(rows, "e1_over_e2").reason());
        assertEquals(0.0, row(rows, "e2").ours().value(), 1e-9);   // E2 itself is still reported
    }

    /** Eq 22 on an exact parabolic law ln τ = a + b/T + c/T²: m = x(b + 2cx) at x = 1/0.40; jackknife error 0 with 5 points, none with 4. */
    @Test
    void fragilityOfAnExactParabolicLaw() throws Exception {
        double a = -3, b = -2, c = 2.0;
        double[] temps = {0.9, 0.8, 0.7, 0.6, 0.5};
        List<double[]> pts = new java.util.ArrayList<>();
        for (double t : temps) pts.add(new double[] {t, Math.exp(a + b / t + c / (t * t))});
        Estimate m = PublishedTable.fragility(pts, "test");
        assertEquals(2.5 * (b + 2 * c * 2.5), m.value(), 1e-6);
        assertEquals(0, m.error(), 1e-6);
        assertTrue(Double.isNaN(PublishedTable.fragility(pts.subList(0, 4), "test").error()));
        assertThrows(PublishedTable.Missing.class, () -> PublishedTable.fragility(pts.subList(0, 3), "test"));
    }
}
