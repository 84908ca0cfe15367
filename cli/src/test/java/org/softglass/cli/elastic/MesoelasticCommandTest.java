package org.softglass.cli.elastic;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fs (τ_α and the inherent-structure transition rate) and mesoelastic (the fit of eq 3) end to end. */
class MesoelasticCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * fs on the fixture trajectory: q_max from S(q) near the KA A-peak (≈ 7.2–7.4), τ_α found, t0 = a0/√T;
     * a hand-made IS energy series (steps 200 apart, dt 0.005: 1 τ) with 2 changes above 1e-8 per atom
     * in 4 intervals gives 2 transitions and rate 0.5 τ⁻¹.
     */
    @Test
    void fsOfFixtureTrajectory(@TempDir Path dir) throws Exception {
        Path ise = dir.resolve("is_energy.csv");
        Files.writeString(ise, "frame,timestep,u_is_per_atom,fnorm\n0,0,-7.55,0\n1,200,-7.55,0\n2,400,-7.56,0\n3,600,-7.56000000000001,0\n4,800,-7.54,0\n");
        CliRunner.Result r = CliRunner.run("fs", CliRunner.fixture("ka_N1000_T0.8_traj.dump.gz").toString(), "--out", dir.resolve("f").toString(),
                "--temperature", "0.8", "--quiet", "--is-energy", ise.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(dir.resolve("f/fs.json").toFile());
        double q = j.get("q").asDouble();
        assertTrue(q > 7.0 && q < 7.6, "q_max " + q);
        assertEquals(1.0, j.get("frame_dt").asDouble(), 0.0);
        assertEquals(Math.cbrt(1 / 1.2) / Math.sqrt(0.8), j.get("t0").asDouble(), 1e-12);
        double tau = j.get("tau_alpha").asDouble();
        assertTrue(tau > 1 && tau < 20, "tau_alpha " + tau);
        assertEquals(2, j.get("is_transitions").asInt());
        assertEquals(0.5, j.get("is_transition_rate").asDouble(), 1e-12);
        // paper 004 Fig. 5: Γ t_ballistic N0/N with t_ballistic = 0.1 t0 and N0 = 1000 (here N = 1000 too: once N0/N = 1,
        // so the fixture alone cannot tell N0 from N; TransitionRate's own test covers N != N0)
        assertEquals(0.5 * 0.1 * j.get("t0").asDouble() * 1000 / 1000, j.get("is_transition_rate_reduced").asDouble(), 1e-12);
    }

    /**
     * The reduced IS transition rate of paper 004 Fig. 5 is Γ t_ballistic N0/N with N0 = 1000 whatever N: on N = 500
     * frames (400 steps = 2 τ apart) a series with 3 changes in 4 intervals has Γ = 3/(4·2 τ) and reduced rate
     * Γ · 0.1 t0 · 1000/500 (it was once Γ · 0.1 t0, N0 taken as N).
     */
    @Test
    void reducedTransitionRateUsesN0Of1000(@TempDir Path dir) throws Exception {
        Path ise = dir.resolve("is_energy.csv");
        Files.writeString(ise, "frame,timestep,u_is_per_atom,fnorm\n0,0,-7.55,0\n1,400,-7.56,0\n2,800,-7.56,0\n3,1200,-7.57,0\n4,1600,-7.55,0\n");
        Path traj = Path.of("..", "examples", "data", "study", "ka_N500_T0.610_traj.dump.gz");
        CliRunner.Result r = CliRunner.run("fs", traj.toString(), "--out", dir.resolve("f").toString(), "--temperature", "0.61", "--quiet",
                "--is-energy", ise.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(dir.resolve("f/fs.json").toFile());
        double gamma = 3 / (4 * 2.0);
        assertEquals(gamma, j.get("is_transition_rate").asDouble(), 1e-12);
        assertEquals(gamma * 0.1 * j.get("t0").asDouble() * 1000 / 500, j.get("is_transition_rate_reduced").asDouble(), 1e-12);
    }

    /** Synthetic table from eq 3 with ℓ̃ = 0.4, t̃ = 0.1: recovered to round-off (the CSV holds 17 digits). */
    @Test
    void mesoelasticFit(@TempDir Path dir) throws Exception {
        double a0 = Math.cbrt(1 / 0.82);
        StringBuilder sb = new StringBuilder("T,tau_alpha,kappa,G\n");
        double[] t = {0.5, 0.6, 0.8}, k = {20, 17, 13};
        for (int i = 0; i < 3; i++) {
            double tau = a0 / Math.sqrt(t[i]) * 0.1 * Math.exp(0.16 * a0 * a0 * k[i] / t[i]);
            sb.append(t[i]).append(',').append(tau).append(',').append(k[i]).append(',').append(10 + i).append('\n');
        }
        Path tab = dir.resolve("t.csv");
        Files.writeString(tab, sb);
        // these synthetic points have tau_alpha/t0 = 1.9 ... 45: all are fitted with --min-tau-t0 0
        CliRunner.Result r = CliRunner.run("mesoelastic", tab.toString(), "--out", dir.resolve("m").toString(), "--density", "0.82",
                "--min-tau-t0", "0");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(dir.resolve("m/mesoelastic.json").toFile());
        assertEquals(0.4, j.get("ell_tilde").asDouble(), 1e-10);
        assertEquals(0.1, j.get("t_tilde").asDouble(), 1e-10);
        assertTrue(j.get("ell_tilde_err").asDouble() < 1e-8, "an exact line has no scatter: " + j.get("ell_tilde_err"));
        assertTrue(Files.size(dir.resolve("m/kappa_G_vs_T.png")) > 1000);
    }

    /**
     * The fit over the activated regime (default tau_alpha/t0 >= 10, paper 004): a non-activated point off the line
     * is left out and named; the errors are the least-squares ones from the scatter, checked against the closed form
     * for three points with known residuals.
     */
    @Test
    void mesoelasticFitsTheActivatedRegimeWithErrors(@TempDir Path dir) throws Exception {
        double a0 = Math.cbrt(1 / 0.82), ell = 0.4, tt = 0.1;
        double[] t = {0.45, 0.5, 0.55, 0.6, 1.6}, k = {22, 20, 18, 17, 10}, noise = {0.05, -0.1, 0.05, 0, 0};   // tau/t0 = 800 ... 18, then 3
        StringBuilder sb = new StringBuilder("T,tau_alpha,kappa\n");
        for (int i = 0; i < t.length; i++) {
            double t0 = a0 / Math.sqrt(t[i]);
            double tau = i == 4 ? 3 * t0 : t0 * tt * Math.exp(ell * ell * a0 * a0 * k[i] / t[i] + noise[i]);   // T = 1.6: tau/t0 = 3, off the line
            sb.append(t[i]).append(',').append(tau).append(',').append(k[i]).append('\n');
        }
        Path tab = dir.resolve("t.csv");
        Files.writeString(tab, sb);
        CliRunner.Result r = CliRunner.run("mesoelastic", tab.toString(), "--out", dir.resolve("m").toString(), "--density", "0.82");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(dir.resolve("m/mesoelastic.json").toFile());
        assertEquals(4, j.get("points").asInt());
        assertEquals(1.6, j.get("excluded_temperatures").get(0).asDouble(), 0.0);
        // closed form: OLS of y on x over the 4 kept points, s^2 = SSR/(m-2), se(slope) = sqrt(s^2/Sxx)
        double[] x = new double[4], y = new double[4];
        for (int i = 0; i < 4; i++) {
            x[i] = k[i] / t[i];
            y[i] = Math.log(tt) + ell * ell * a0 * a0 * x[i] + noise[i];
        }
        double mx = java.util.Arrays.stream(x).average().orElseThrow(), my = java.util.Arrays.stream(y).average().orElseThrow(), sxx = 0, sxy = 0;
        for (int i = 0; i < 4; i++) { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my); }
        double b = sxy / sxx, a = my - b * mx, ssr = 0;
        for (int i = 0; i < 4; i++) ssr += Math.pow(y[i] - a - b * x[i], 2);
        double seB = Math.sqrt(ssr / 2 / sxx);
        assertEquals(seB, j.get("slope_err").asDouble(), 1e-9 * seB);
        assertEquals(seB / (2 * a0 * Math.sqrt(b)), j.get("ell_tilde_err").asDouble(), 1e-9);
        assertEquals(Math.sqrt(b) / a0, j.get("ell_tilde").asDouble(), 1e-9);
        // every point below the bound: a clear refusal, a failed computation (exit 1), not a usage error
        CliRunner.Result none = CliRunner.run("mesoelastic", tab.toString(), "--out", dir.resolve("n").toString(), "--density", "0.82",
                "--min-tau-t0", "1e9");
        assertEquals(ExitCodes.FAILED, none.code(), none.err());
        assertTrue(none.err().contains("0 state point(s) have tau_alpha/t0 >= 1.0E9"), none.err());
    }
}
