package org.softglass.cli.report;

import org.softglass.cli.pipeline.PipelinePreset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.trsp.TrspPresets;

/**
 * {@link PipelineReport} on a synthetic run directory holding just the files the report reads (two
 * temperatures, exponential overlaps with known τ_Q): the time-scale matching (summary block, matched
 * comparison values) and the fallback banner and fields, with and without each fallback marker.
 */
class PipelineReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] TS = {0.9, 0.7};
    // τ_Q of the synthetic curves: MD, trap, TRSP per temperature (trap/MD = 3 and TRSP/MD = 4 at T = 0.9)
    private static final double[] TAU_MD = {2.0, 10.0}, TAU_TRAP = {6.0, 50.0}, TAU_TRSP = {8.0, 24.0};
    private static final double[] TAU_CHI_TRAP = {4.5, 33.0}, TAU_CHI_TRSP = {5.0, 20.0};

    private static PipelinePreset preset() {
        return new PipelinePreset("synthetic", 500, TS, 0.005, PipelinePreset.same(TS.length, 1), PipelinePreset.same(TS.length, 1), 1, true, PipelinePreset.IS_MIN, "fluidity-100", new double[] {0.7}, 10, 0.3, 0.02, 8, 0.2,
                8, 2, 4000, 50);
    }

    /** Which fallback markers the synthetic run carries. */
    private record Markers(boolean onsetPreset, boolean kicksPreset, boolean csReduced, boolean mdTauQ) {}

    private static final Markers NONE = new Markers(false, false, false, true);

    private static void write(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private static String l(double t) { return PipelinePreset.label(t); }

    /** Q = exp(−t/τ) on a log grid from 0.01 τ to 100 τ that contains t = τ exactly (so the read-off τ_Q is τ). */
    private static String curve(String prefix, double tau, boolean withZero) {
        StringBuilder b = new StringBuilder();
        if (withZero) b.append(prefix).append("0,1,0\n");
        for (int i = -20; i <= 20; i++) {
            double t = tau * Math.pow(10, i / 10.0), q = Math.exp(-t / tau);
            b.append(prefix).append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g%n", t, q, 4 * q * (1 - q)));
        }
        return b.toString();
    }

    private static Path run(Path root, Markers m) throws IOException {
        StringBuilder relax = new StringBuilder("T,t,Q,chi4\n"), trspQ = new StringBuilder("T,t,Q,chi4\n");
        StringBuilder relaxSum = new StringBuilder("T,tau_Q,tau_chi,chi4_star\n"), trspSum = new StringBuilder("T,tau_chi,chi4_star,xi4\n");
        StringBuilder db = new StringBuilder("T,A,B,n_AB,n_BA\n"), moments = new StringBuilder();
        for (int k = 0; k < TS.length; k++) {
            double t = TS[k];
            write(root.resolve("md").resolve(l(t)).resolve("thermo.csv"),
                    "step,time,temperature,pe,ke,press,conserved\n0,0.0," + t + ",-6.1,1.3,9.0,-1.7\n400,2.0," + t + ",-6.2,1.3,8.8,-1.7\n");
            write(root.resolve("observables").resolve(l(t)).resolve("fs").resolve("fs.json"), "{\"tau_alpha\": " + 2 * TAU_MD[k] + "}");
            Path od = root.resolve("observables").resolve(l(t)).resolve(MdOverlap.MD_OVERLAP);
            write(od.resolve(MdOverlap.MD_OVERLAP + ".csv"), "t,Q,chi4\n" + curve("", TAU_MD[k], true));
            write(od.resolve(MdOverlap.MD_OVERLAP + ".json"), "{\"tau_Q\": " + (m.mdTauQ() ? TAU_MD[k] : "null")
                    + ", \"tau_chi\": " + TAU_MD[k] + ", \"chi4_star\": 1.0, \"a\": 0.3, \"xi4\": 1.5, \"blocks\": []}");
            Path pd = root.resolve("observables").resolve(l(t)).resolve("persistence");
            write(pd.resolve("persistence.csv"), "t,Q,chi4\n" + curve("", TAU_MD[k] / 2, true));
            write(pd.resolve("persistence.json"), "{\"tau_Q\": " + TAU_MD[k] / 2 + ", \"tau_chi\": null, \"chi4_star\": null}");
            relax.append(curve(t + ",", TAU_TRAP[k], false));
            trspQ.append(curve(t + ",", TAU_TRSP[k], false));
            relaxSum.append(t).append(',').append(TAU_TRAP[k]).append(',').append(TAU_CHI_TRAP[k]).append(",0.25\n");
            trspSum.append(t).append(',').append(TAU_CHI_TRSP[k]).append(",2.0,1.2\n");
            db.append(t).append(",0,1,30,28\n");
            moments.append(k > 0 ? "," : "").append("{\"T\": ").append(t).append(", \"mean\": -0.1, \"std\": 1.0}");
        }
        write(root.resolve("trap").resolve("relax").resolve("relax.csv"), relax.toString());
        write(root.resolve("trap").resolve("relax").resolve("relax_summary.csv"), relaxSum.toString());
        write(root.resolve("trap").resolve("equilibrium").resolve("equilibrium.csv"), "T,inv_T,mean_s\n0.9,1.111,-0.1\n0.7,1.429,-0.3\n");
        write(root.resolve("trsp").resolve("overlap.csv"), trspQ.toString());
        write(root.resolve("trsp").resolve("summary.csv"), trspSum.toString());
        write(root.resolve("trsp").resolve("block_chi4.csv"), "T,ell,t,chi4\n");
        write(root.resolve("trsp").resolve("detailed_balance.csv"), db.toString());
        write(root.resolve("train").resolve("model").resolve("model.json"),
                "{\"training\": {\"samples\": 100, \"train_accuracy\": 0.8, \"cv_accuracy\": 0.75}}");
        write(root.resolve("barriers").resolve("barriers.json"), "{\"onset_fit\": {\"eps0\": 7.5, \"eps1\": -0.9, \"eps2\": 0.02, \"sigma0\": 8.7, "
                + "\"t0\": 0.8, \"chi2\": 10, \"dof\": 8, \"error_scale\": 1.118, \"errors_scaled_by_chi2\": true, \"errors\": {\"eps0\": 0.1, \"eps1\": 0.1, \"eps2\": 0.01, \"sigma0\": 0.1, \"t0\": 0.02}}, "
                + "\"mean_fit\": {\"a\": 1.5, \"b\": -1.2, \"a_err\": 0.1, \"b_err\": 0.1}, \"moments\": [" + moments + "]}");
        write(root.resolve("barriers").resolve("arrhenius.csv"), "bin,mean,sigma,sigma_err,delta_e,delta_e_err\n0,-1.0,3.0,1.0,3.2,0.9\n");
        Files.createDirectories(root.resolve("correlations"));
        TrspPresets.ka002().write(root.resolve("correlations").resolve("model-parameters.json"));
        write(root.resolve("stages").resolve("trsp.json"), "{\"seconds\": 1.5}");
        if (m.onsetPreset()) {
            TrspPresets.ka002().write(root.resolve("barriers").resolve("model-parameters.json"));
            write(root.resolve("barriers").resolve("onset-source.json"), "{\"source\": \"ka-002 preset\", \"reason\": \"onset fit refused: T0 too low\"}");
        } else {
            write(root.resolve("barriers").resolve("onset-source.json"), "{\"source\": \"fitted\", \"reason\": null}");
        }
        if (m.kicksPreset()) {
            write(root.resolve("correlations").resolve("kicks-error.json"), "{\"reason\": \"sigma_Delta(0) is undetermined\"}");
            write(root.resolve("trsp").resolve("kick-source.json"), "{\"source\": \"ka-002 preset kicks, sigmaDelta scaled by 0.6\", "
                    + "\"reason\": \"the TRSP model needs the parameter section 'sigmaDelta'\"}");
        } else {
            write(root.resolve("trsp").resolve("kick-source.json"), "{\"source\": \"fitted\", \"reason\": null}");
        }
        write(root.resolve("trsp").resolve("cs-source.json"), m.csReduced()
                ? "{\"source\": \"c1 reduced until positive definite on the lattice\", \"c1_fitted\": 1.5, \"c1_used\": 0.9}"
                : "{\"source\": \"fitted\", \"c1_fitted\": 1.2, \"c1_used\": 1.2}");
        Path out = root.resolve("report");
        new PipelineReport(root, preset(), 1, 1).write(out);
        return out;
    }

    /** The factors are τ_model/τ_MD at the highest T (0.9): 3 and 4; every model time is divided by its factor. */
    @Test
    void matchesModelTimesAtTheHighestTemperature(@TempDir Path tmp) throws IOException {
        Path out = run(tmp, NONE);
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        JsonNode m = s.get("time_matching");
        assertEquals("tau_Q (Q = 1/e)", m.get("observable").asText());
        assertEquals(0.9, m.get("reference_T").asDouble(), 0);
        // trap τ_Q is read from relax_summary (exact); TRSP τ_Q is read off the curve at a grid point (round-off)
        assertEquals(3.0, m.get("trap").get("factor").asDouble(), 1e-12);
        assertEquals(4.0, m.get("trsp").get("factor").asDouble(), 1e-9);
        assertTrue(m.get("trap").get("error").isNull(), "no error given for any tau_Q");
        for (int k = 0; k < TS.length; k++) {
            JsonNode r = s.get("comparison").get(k);
            assertEquals(TS[k], r.get("T").asDouble(), 0);
            assertEquals(TAU_TRAP[k] / 3, r.get("tau_Q_trap_matched").asDouble(), 1e-12 * TAU_TRAP[k]);
            assertEquals(TAU_CHI_TRAP[k] / 3, r.get("tau_chi_trap_matched").asDouble(), 1e-12 * TAU_CHI_TRAP[k]);
            assertEquals(TAU_TRSP[k] / 4, r.get("tau_Q_trsp_matched").asDouble(), 1e-9 * TAU_TRSP[k]);
            assertEquals(TAU_CHI_TRSP[k] / 4, r.get("tau_chi_trsp_matched").asDouble(), 1e-9 * TAU_CHI_TRSP[k]);
            assertEquals(TAU_TRAP[k], r.get("tau_Q_trap").asDouble(), 0, "raw values stay");
        }
        // at the reference temperature the matched model equals the MD
        assertEquals(TAU_MD[0], s.get("comparison").get(0).get("tau_Q_trap_matched").asDouble(), 1e-12);
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("factor f = <b>3.000</b>") && html.contains("factor f = <b>4.000</b>"), "the HTML states the factors");
        // χ²/dof = 10/8 > 1: the onset errors are stated as scaled, in the page and the summary
        assertTrue(html.contains("scaled by √(χ²/dof) = 1.118"), "the page says the onset errors are scaled");
        assertTrue(s.get("onset_fit").get("errors_scaled_by_chi2").asBoolean());
        for (String f : new String[] {"q_T0.900.png", "chi4_T0.700.png", "tau.png"}) assertTrue(Files.size(out.resolve(f)) > 1000, f);
        // no fallback: the field says so and there is no banner
        assertFalse(s.get("fallback_used").asBoolean());
        assertEquals(0, s.get("fallbacks").size());
        assertFalse(html.contains("class=\"fallback\""), "no banner without a fallback");
    }

    /**
     * The published-versus-measured table (issue 15 item 7) is part of the report: one row per catalogued
     * number in summary.json (with counts per verdict that add up), published.csv/.json beside the page,
     * and a section of the page.
     */
    @Test
    void reportCarriesThePublishedTable(@TempDir Path tmp) throws IOException {
        Path out = run(tmp, NONE);
        JsonNode p = JSON.readTree(out.resolve("summary.json").toFile()).get("published");
        assertTrue(p != null && p.get("error") == null, "published block: " + p);
        int rows = org.softglass.validation.published.Catalogue.all().size();
        assertEquals(rows, p.get("rows").size());
        assertEquals(rows, p.get("agrees").asInt() + p.get("disagrees").asInt() + p.get("inconclusive").asInt() + p.get("not_measured").asInt());
        assertEquals(rows + 1, Files.readAllLines(out.resolve("published.csv")).size());
        JsonNode j = JSON.readTree(out.resolve("published.json").toFile());
        assertEquals("softglass.published/1", j.get("schema").asText());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("id=\"published\""), "the page has the section");
        assertTrue(html.contains("<td class=\"l\">" + j.get("rows").get(0).get("quantity").asText() + "</td>"), "rows are shown");
    }

    /** Without any MD τ_Q there is nothing to match: the block says why and the matched values are null; the report is still written. */
    @Test
    void refusesMatchingWithoutAnMdTime(@TempDir Path tmp) throws IOException {
        Path out = run(tmp, new Markers(false, false, false, false));
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        JsonNode m = s.get("time_matching");
        assertTrue(m.get("reference_T").isNull());
        for (String k : new String[] {"trap", "trsp"}) {
            assertTrue(m.get(k).get("factor").isNull(), k);
            assertTrue(m.get(k).get("refused").asText().contains("no temperature has both"), m.get(k).toString());
        }
        assertTrue(s.get("comparison").get(0).get("tau_Q_trap_matched").isNull());
        assertTrue(Files.readString(out.resolve("index.html")).contains("not matched"));
    }

    /** Each fallback marker alone gives one listed fallback and the banner, at the top before any table; all three give three. */
    @Test
    void everyFallbackIsABannerAndAField(@TempDir Path tmp) throws IOException {
        Map<String, Markers> cases = Map.of("onset fit", new Markers(true, false, false, true),
                "TRSP kicks", new Markers(false, true, false, true),
                "TRSP C_S(r) c1", new Markers(false, false, true, true));
        for (var c : cases.entrySet()) {
            Path out = run(tmp.resolve(c.getKey().replace(' ', '_').replace("(", "").replace(")", "")), c.getValue());
            JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
            assertTrue(s.get("fallback_used").asBoolean(), c.getKey());
            assertEquals(1, s.get("fallbacks").size(), c.getKey());
            JsonNode f = s.get("fallbacks").get(0);
            assertTrue(f.get("what").asText().startsWith(c.getKey()), f.toString());
            for (String k : new String[] {"substitute", "reason"}) assertFalse(f.get(k).asText().isBlank(), k);
            String html = Files.readString(out.resolve("index.html"));
            int banner = html.indexOf("class=\"fallback\"");
            assertTrue(banner > 0 && banner < html.indexOf("<table"), "banner before the first table: " + c.getKey());
            assertTrue(html.indexOf(PipelineHtml.esc(f.get("reason").asText())) > banner, "the reason is in the banner");
        }
        JsonNode s = JSON.readTree(run(tmp.resolve("all"), new Markers(true, true, true, true)).resolve("summary.json").toFile());
        assertEquals(3, s.get("fallbacks").size());
        JsonNode kicks = s.get("fallbacks").get(1);
        assertTrue(kicks.get("substitute").asText().contains("ka-002 preset kicks"), kicks.toString());
        assertTrue(kicks.get("reason").asText().contains("sigma_Delta(0) is undetermined"), "the kicks-error reason is given: " + kicks);
        // no fitted kicks existed, so the TRSP check's complaint about the missing section is not a reason
        assertFalse(kicks.get("reason").asText().contains("refused by the TRSP model"), kicks.toString());
        assertTrue(s.get("fallbacks").get(2).get("substitute").asText().contains("0.9"), "the c1 used");
    }
}
