package org.softglass.cli.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import picocli.CommandLine;

/** {@code softglass mesoelastic-study} end to end on a tiny IPL system, and a bad option. */
class MesoelasticStudyCommandTest {
    private static final String[] TINY = {"--n", "100", "-T", "2.0,1.2", "--steps", "3000", "--equilibrate", "1000", "--melt-steps", "500",
            "--dump-every", "10", "--structures", "2", "--dipoles", "8", "--blocks", "2", "--min-tau-t0", "0", "--threads", "2", "--quiet"};

    /** Two temperatures, two structures each, structures in parallel on 2 threads: exit 0, the table, the fit, the published constants. */
    @Test
    void happyPath(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("m");
        String[] args = new String[TINY.length + 3];
        args[0] = "mesoelastic-study";
        args[1] = "--out";
        args[2] = out.toString();
        System.arraycopy(TINY, 0, args, 3, TINY.length);
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err().strip());
        assertEquals(3, Files.readAllLines(out.resolve("table.csv")).size());
        JsonNode j = new ObjectMapper().readTree(out.resolve("mesoelastic_fit.json").toFile());
        assertEquals("softglass.mesoelastic-study/1", j.get("schema").asText());
        assertTrue(j.get("refusal").isNull(), j.toString());
        assertEquals(2, j.get("fitted_temperatures").size());
        assertEquals(0.4, j.get("published").get("ell_tilde").asDouble());
        assertTrue(Files.readString(out.resolve("published_vs_measured.csv")).startsWith("quantity,published,measured,measured_err,source\nt_tilde,0.1,"));
        assertTrue(Files.size(out.resolve("tau_vs_kappa_over_T.png")) > 1000);
    }

    /**
     * Two tiny studies with other seeds pooled by {@code mesoelastic-pool}: exit 0, one table row per temperature with the
     * structures of both; the same directory twice is refused in one line (exit 1) before anything is written.
     */
    @Test
    void poolOfTwoSeeds(@TempDir Path dir) throws Exception {
        for (String seed : new String[] {"1", "2"}) {
            String[] args = new String[TINY.length + 7];
            args[0] = "mesoelastic-study";
            args[1] = "--out";
            args[2] = dir.resolve("s" + seed).toString();
            args[3] = "--seed";
            args[4] = seed;
            args[5] = "--q";   // one q for both: the pool refuses F_s at different q (each run's own S(q) peak by default)
            args[6] = "6.0";
            System.arraycopy(TINY, 0, args, 7, TINY.length);
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(0, r.code(), r.err());
        }
        Path out = dir.resolve("pool");
        CliRunner.Result r = CliRunner.run("mesoelastic-pool", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("mesoelastic-pool: 2 runs pooled"), r.out());
        List<String> table = Files.readAllLines(out.resolve("table.csv"));
        assertEquals(3, table.size());
        for (String row : table.subList(1, 3)) assertEquals(List.of("4", "32"), List.of(row.split(",")).subList(9, 11), "2 + 2 structures, 8 dipoles each");
        Path refused = dir.resolve("refused");
        CliRunner.Result twice = CliRunner.run("mesoelastic-pool", dir.resolve("s1").toString(), dir.resolve("s1").toString(), "--out", refused.toString());
        twice.assertOneLineError(ExitCodes.FAILED, "have the same seed 1");
        assertFalse(Files.exists(refused.resolve("table.csv")));
    }

    /** Unset temperatures and steps come from --model: IPL's as shipped before, mBLJ's own; given ones are kept. */
    @Test
    void perModelDefaults(@TempDir Path dir) {
        MesoelasticStudyCommand ipl = parse("--out", dir.toString());
        assertEquals(List.of(0.80, 0.76, 0.73, 0.70), ipl.request().temperatures());
        assertEquals(List.of(30_000L, 40_000L, 60_000L, 100_000L), ipl.request().md().steps());
        assertEquals(List.of(10_000L, 10_000L, 15_000L, 25_000L), ipl.request().md().equilibrate());
        assertEquals(0.82, ipl.request().density());
        MesoelasticStudyCommand mblj = parse("--out", dir.toString(), "--model", "mblj");
        assertEquals(List.of(0.72, 0.65, 0.61, 0.58), mblj.request().temperatures());
        assertEquals(List.of(10_000L, 10_000L, 20_000L, 40_000L), mblj.request().md().equilibrate());
        assertEquals(1.2, mblj.request().density());
        assertEquals(null, mblj.request().dynamics().type(), "the study picks the largest species (mBLJ: A, ModelDefaultsTest)");
        MesoelasticStudyCommand given = parse("--out", dir.toString(), "--model", "mblj", "-T", "0.9,0.8", "--steps", "5000", "--equilibrate", "2000");
        assertEquals(List.of(0.9, 0.8), given.request().temperatures());
        assertEquals(List.of(5000L), given.request().md().steps());
    }

    private static MesoelasticStudyCommand parse(String... args) {
        MesoelasticStudyCommand c = new MesoelasticStudyCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    /** A negative temperature: one line naming the option, exit 2, nothing written. */
    @Test
    void badTemperatureIsOneLineAndUsageExit(@TempDir Path dir) {
        Path out = dir.resolve("m");
        CliRunner.Result r = CliRunner.run("mesoelastic-study", "--out", out.toString(), "-T", "0.8,-0.7", "--quiet");
        r.assertOneLineError(ExitCodes.USAGE, "--temperatures must be a finite number > 0, got -0.7");
        assertFalse(Files.exists(out.resolve("table.csv")));
    }

    /** Two temperatures without --steps: the 4 default step counts are for the 4 default temperatures; one line saying so. */
    @Test
    void otherTemperatureCountWithoutStepsSaysWhichDefault(@TempDir Path dir) {
        Path out = dir.resolve("m");
        CliRunner.Result r = CliRunner.run("mesoelastic-study", "--out", out.toString(), "-T", "0.8,0.7", "--quiet");
        r.assertOneLineError(ExitCodes.USAGE, "--steps has 4 default values, one per default temperature; with 2 temperature(s) give --steps");
        assertFalse(Files.exists(out));
        // --steps given: then --equilibrate's defaults are named
        r = CliRunner.run("mesoelastic-study", "--out", out.toString(), "-T", "0.8,0.7", "--steps", "3000", "--quiet");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--equilibrate has 4 default values"), r.err());
    }
}
