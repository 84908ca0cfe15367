package org.softglass.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.bench.JmhCompare.Row;
import org.softglass.bench.JmhCompare.Rule;
import org.softglass.bench.JmhCompare.Verdict;
import org.softglass.bench.JmhResults.Result;
import org.softglass.core.io.InputFormatException;

/**
 * The comparison logic of {@link JmhCompare} on hand-made JMH-shaped files in
 * {@code src/test/resources/org/softglass/bench/jmh}: {@code baseline.json} and {@code new.json} (the
 * scores of each entry and the verdict expected are spelled out in the tests below) and {@code same.json} (the baseline with every score 2 % higher). Scores are exact decimal inputs, so the
 * changes compared below are exact up to double round-off (1e-12).
 */
class JmhCompareTest {
    @TempDir
    Path tmp;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(JmhCompareTest.class.getResource("jmh/" + name).toURI());
    }

    /** Verdicts keyed by "Class.method params" of the comparison of new.json with baseline.json. */
    static Map<String, Row> rows(Rule rule) throws Exception {
        List<Row> rows = JmhCompare.compare(JmhResults.read(resource("baseline.json")), JmhResults.read(resource("new.json")), rule);
        Map<String, Row> m = new HashMap<>();
        for (Row r : rows) {
            Result any = r.now() != null ? r.now() : r.base();
            m.put(any.benchmark().substring("org.softglass.bench.".length()) + " " + any.paramString(), r);
        }
        assertEquals(rows.size(), m.size(), "one row per benchmark and parameter set");
        return m;
    }

    @Test
    void readsBenchmarkModeParamsScoreErrorAndNaN() throws Exception {
        List<Result> base = JmhResults.read(resource("baseline.json"));
        assertEquals(9, base.size());
        Result force = base.get(0);
        assertEquals("org.softglass.bench.ForceBench.forces", force.benchmark());
        assertEquals("avgt", force.mode());
        assertEquals("kernel=simd,kind=HALF,threads=1", force.paramString(), "parameters sorted by name");
        assertEquals(500.0, force.score());
        assertEquals(10.0, force.error());
        assertEquals("ns/op", force.unit());
        assertEquals("f1 wi3x1 s i5x1 s", force.config());
        Result shot = base.get(6);
        assertEquals("ss", shot.mode());
        assertTrue(Double.isNaN(shot.error()), "JMH writes an unknown error as the string \"NaN\"");
        assertEquals("", base.get(1).paramString(), "a benchmark without @Param");
    }

    @Test
    void tenPercentSlowdownBeyondTheThresholdIsARegression() throws Exception {
        // 500 ± 10 → 550 ± 11 ns/op: +10 %, combined relative error sqrt(0.02² + 0.02²) = 2.8 %, limit max(2.8 %, 5 %)
        Row r = rows(new Rule(1, 0.05)).get("ForceBench.forces kernel=simd,kind=HALF,threads=1");
        assertEquals(Verdict.REGRESSION, r.verdict());
        assertEquals(0.10, r.change(), 1e-12);
        assertEquals(0.05, r.limit(), 1e-12);
        // the same 10 % is not flagged when the floor is above it
        assertEquals(Verdict.OK, rows(new Rule(1, 0.12)).get("ForceBench.forces kernel=simd,kind=HALF,threads=1").verdict());
    }

    @Test
    void changeWithinTheJmhErrorsIsNotFlagged() throws Exception {
        // 250 ± 50 → 270 ± 54 ms/op: +8 % with 20 % errors on each side; limit = 1 × sqrt(0.2² + 0.2²) = 28.3 %
        Row r = rows(new Rule(1, 0.05)).get("TrapBench.aging ");
        assertEquals(Verdict.OK, r.verdict());
        assertEquals(0.08, r.change(), 1e-12);
        assertEquals(Math.sqrt(0.08), r.limit(), 1e-12);
        // with K = 0.25 the error part is 7.1 % < 8 %: flagged
        assertEquals(Verdict.REGRESSION, rows(new Rule(0.25, 0.05)).get("TrapBench.aging ").verdict());
    }

    @Test
    void throughputIsBetterHigherAndTimeBetterLower() throws Exception {
        Map<String, Row> m = rows(new Rule(1, 0.05));
        assertEquals(Verdict.REGRESSION, m.get("TrspBench.eventRate side=20").verdict(), "ops/s 1000 → 800");
        assertEquals(-0.2, m.get("TrspBench.eventRate side=20").change(), 1e-12);
        assertEquals(Verdict.IMPROVED, m.get("TrspBench.eventRate side=64").verdict(), "ops/s 1000 → 1200");
        assertEquals(Verdict.IMPROVED, m.get("PhopBench.frame threads=2").verdict(), "ns/op 100 → 70");
        assertEquals(Verdict.OK, m.get("PhopBench.frame threads=1").verdict(), "ns/op 100 → 100.5, other params of the same method");
    }

    @Test
    void missingAndNewBenchmarksAreReportedNotFlagged() throws Exception {
        Map<String, Row> m = rows(new Rule(1, 0.05));
        assertEquals(Verdict.MISSING, m.get("NeighborListBench.build kind=FULL,threads=1").verdict());
        assertEquals(Verdict.NEW, m.get("SoftnessBench.train solver=PRIMAL").verdict());
        assertTrue(Double.isNaN(m.get("SoftnessBench.train solver=PRIMAL").change()));
    }

    @Test
    void unitsAreConvertedAndANaNErrorLeavesOnlyTheFloor() throws Exception {
        Map<String, Row> m = rows(new Rule(1, 0.05));
        Row mv = m.get("HessianBench.matvec threads=1");        // 3 ± 0.1 ms/op vs 3000 ± 100 us/op
        assertEquals(Verdict.OK, mv.verdict());
        assertEquals(0.0, mv.change(), 1e-12);
        assertArrayEquals(new double[] {3000, 100}, mv.baseScaled(), 1e-9);
        assertTrue(mv.note().contains("baseline in ms/op"));
        Row shot = m.get("DescriptorBench.frame kernel=panama,threads=1"); // 10 ± NaN → 10.3 ± 0.2 s: r = 1.9 %
        assertEquals(Verdict.OK, shot.verdict());
        assertEquals(0.05, shot.limit(), 1e-12);
        assertTrue(shot.note().contains("config differs"), shot.note());
        assertEquals(Verdict.REGRESSION, rows(new Rule(1, 0.02)).get("DescriptorBench.frame kernel=panama,threads=1").verdict(),
                "+3 % > max(1.94 %, 2 %)");
        assertEquals(1e3, TimeUnits.factor("ops/ms", "ops/s"));
        assertEquals(1e-3, TimeUnits.factor("ns/op", "us/op"), 1e-18);
        assertTrue(Double.isNaN(TimeUnits.factor("ns/op", "ops/s")));
    }

    @Test
    void exitCodeIsOneOnRegressionAndZeroOtherwise() throws Exception {
        Path base = resource("baseline.json");
        assertEquals(1, run(resource("new.json").toString(), "--baseline", base.toString(), "--threshold", "5"));
        // the same run +2 %: within the 5 % floor everywhere
        assertEquals(0, run(resource("same.json").toString(), "--baseline", base.toString(), "--threshold", "5"));
        // +10 % with a 12 % floor: the slowdown is not flagged, but ops/s −20 % still is
        assertEquals(1, run(resource("new.json").toString(), "--baseline", base.toString(), "--threshold", "12"));
        assertEquals(0, run(resource("new.json").toString(), "--baseline", base.toString(), "--threshold", "21"));
    }

    @Test
    void printsOneLinePerBenchmarkWithVerdicts() throws Exception {
        String out = output(resource("new.json").toString(), "--baseline", resource("baseline.json").toString(), "--threshold", "5");
        assertTrue(out.contains("ForceBench.forces"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("TrspBench.eventRate") && l.contains("-20.0%") && l.contains("REGRESSION")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("NeighborListBench.build") && l.contains("missing")), out);
        assertTrue(out.contains("8 compared: 4 ok, 2 REGRESSION, 2 improved; 1 new, 1 missing"), out);
    }

    @Test
    void badInputAndUsageGiveOneLineAndExitCodes() throws Exception {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"benchmark\": \"x\"}");
        Path base = resource("baseline.json");
        assertEquals(3, run(broken.toString(), "--baseline", base.toString()));
        assertTrue(lastErr.startsWith("compare-jmh: " + broken + ": found a JSON object, expected a JSON array"), lastErr);
        Path noScore = tmp.resolve("noscore.json");
        Files.writeString(noScore, "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"primaryMetric\": {\"scoreUnit\": \"ns/op\"}}]");
        assertThrows(InputFormatException.class, () -> JmhResults.read(noScore));
        Path empty = tmp.resolve("empty.json");
        Files.writeString(empty, " \n");
        assertEquals(empty + ": found an empty file, expected a JSON array of JMH results (-rf json)",
                assertThrows(InputFormatException.class, () -> JmhResults.read(empty)).getMessage());
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "[\n{\"benchmark\": x}]");
        assertTrue(assertThrows(InputFormatException.class, () -> JmhResults.read(bad)).getMessage().startsWith(bad + ":2: not valid JSON ("));
        assertEquals(2, run("--threshold", "ten"));
        assertEquals(2, run(resource("new.json").toString(), "--threshold", "-1", "--baseline", base.toString()));
        assertEquals(2, run("--frobnicate"));
        assertEquals(2, run(resource("new.json").toString(), "--baseline", tmp.resolve("none.json").toString()));
        assertEquals(2, run(tmp.resolve("none.json").toString(), "--baseline", base.toString()));
        assertTrue(lastErr.startsWith("compare-jmh: no such file " + tmp.resolve("none.json")), lastErr);
    }

    @Test
    void updateBaselineCopiesTheNewRunAndDefaultsComeFromTheRoot() throws Exception {
        Path results = Files.createDirectories(tmp.resolve("bench/results"));
        Path older = Files.copy(resource("baseline.json"), results.resolve("jmh-20260101T000000Z.json"));
        Path newer = Files.copy(resource("new.json"), results.resolve("jmh-20260102T000000Z.json"));
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
        Files.setLastModifiedTime(newer, java.nio.file.attribute.FileTime.fromMillis(2_000_000L));
        Path baseline = tmp.resolve("bench/baseline/jmh-baseline.json");
        assertEquals(2, runIn(tmp, new String[0]), "no baseline yet");
        assertEquals(0, runIn(tmp, new String[] {older.toString(), "--update-baseline"}), "creates the baseline");
        assertArrayEquals(Files.readAllBytes(older), Files.readAllBytes(baseline));
        assertEquals(1, runIn(tmp, new String[] {"--threshold", "5"}), "newest jmh-*.json against the baseline");
        assertEquals(0, runIn(tmp, new String[] {"--threshold", "5", "--update-baseline"}), "accepts the new figures");
        assertArrayEquals(Files.readAllBytes(newer), Files.readAllBytes(baseline));
        assertEquals(0, runIn(tmp, new String[] {"--threshold", "5"}), "the new run against itself");
    }

    @Test
    void mergeConcatenatesResultArrays() throws Exception {
        Path out = tmp.resolve("sub/merged.json");
        JmhResults.merge(out, List.of(resource("baseline.json"), resource("new.json")));
        List<Result> all = JmhResults.read(out);
        assertEquals(18, all.size());
        assertEquals("org.softglass.bench.ForceBench.forces", all.get(9).benchmark());
        assertEquals(550.0, all.get(9).score());
    }

    /**
     * The default rule on the two back-to-back runs of the same code on the idle machine (47 benchmark/
     * parameter sets): no false alarm in either order.
     */
    @Test
    void defaultRuleOnTheIdleSameCodeRuns() throws Exception {
        List<Result> a = JmhResults.read(Path.of("results/jmh-20261121T110517Z.json"));
        List<Result> b = JmhResults.read(Path.of("results/jmh-20261121T111355Z.json"));
        assertEquals(47, a.size());
        for (List<Result>[] p : List.of(new List[] {a, b}, new List[] {b, a})) {
            List<Row> rows = JmhCompare.compare(p[0], p[1], Rule.defaults());
            assertEquals(47, rows.size());
            assertTrue(rows.stream().noneMatch(r -> r.verdict() == Verdict.REGRESSION), "a false alarm on same-code idle runs");
        }
    }

    /**
     * The rule for a busy machine, --threshold 100 (bench/RESULTS.md, "JMH suite and regression tracking"):
     * three back-to-back runs of the full suite, same code, on the shared machine, each with the 45
     * benchmark/parameter sets of the suite. This rule flags 13 of the 270 comparisons of one run
     * against another (both orders), and with the runs in time order only HessianBench.assemble at 2 threads
     * in run 1 → 2, as documented there and in {@link JmhCompare}.
     */
    @Test
    void busyMachineRuleOnTheMeasuredSameCodeRuns() throws Exception {
        Rule busy = new Rule(1.0, 1.0);
        List<List<Result>> runs = new java.util.ArrayList<>();
        for (String t : new String[] {"100033", "101204", "102235"}) {
            runs.add(JmhResults.read(Path.of("results/jmh-20261121T" + t + "Z.json")));
        }
        int flagged = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(45, runs.get(i).size());
            for (int j = 0; j < 3; j++) {
                if (i == j) continue;
                List<Row> rows = JmhCompare.compare(runs.get(i), runs.get(j), busy);
                assertTrue(rows.stream().allMatch(r -> r.base() != null && r.now() != null), "the same benchmarks");
                List<String> reg = rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION).map(r -> r.now().key()).toList();
                flagged += reg.size();
                if (i < j) {
                    assertEquals(i == 0 && j == 1 ? List.of("org.softglass.bench.HessianBench.assemble threads=2") : List.of(), reg,
                            "run " + (i + 1) + " -> " + (j + 1));
                }
            }
        }
        assertEquals(13, flagged);
    }

    @Test
    void defaultRuleIsTheDocumentedOne() {
        Rule d = Rule.defaults();
        assertEquals(JmhCompare.DEFAULT_K, d.k());
        assertEquals(JmhCompare.DEFAULT_THRESHOLD_PCT / 100, d.floor());
        assertThrows(IllegalArgumentException.class, () -> new Rule(-1, 0.1));
    }

    private String lastOut = "", lastErr = "";

    /** Runs the command with the working directory as root; keeps its stdout and stderr. */
    private int run(String... args) {
        return runIn(Path.of("."), args);
    }

    private int runIn(Path root, String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = JmhCompare.run(args, root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        lastOut = out.toString(StandardCharsets.UTF_8);
        lastErr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    private String output(String... args) {
        run(args);
        return lastOut;
    }
}
