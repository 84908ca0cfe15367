package org.softglass.cli.pipeline;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.slurm.SlurmPipelineTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * The checks of {@code softglass study}'s configuration ({@link StudyConfig}, {@link StudyPlan}): every
 * problem is one line naming the file before any work starts; a good configuration becomes the analysis
 * settings with run lengths read from the trajectories.
 */
class StudyPlanTest {
    @TempDir Path dir;

    /** A dump of {@code frames} frames of 4 particles in a box of 5, {@code spacing} steps apart; frame {@code drop} has 3. */
    private Path dump(String name, int frames, long spacing, int drop, long jumpAt) throws IOException {
        Path f = dir.resolve(name);
        Box box = Box.cubic(5);
        LammpsDumpWriter.write(f, LammpsDumpWriter.WRAPPED_IMAGES, w -> {
            for (int k = 0; k < frames; k++) {
                int n = k == drop ? 3 : 4;
                try (ParticleStore s = ParticleStore.allocate(n)) {
                    for (int i = 0; i < n; i++) {
                        s.setId(i, i + 1);
                        s.setSpecies(i, i % 2);
                        s.setPosition(i, 1 + i, 1 + 0.01 * k, 2);
                    }
                    w.write(spacing * k + (k >= jumpAt ? 7 : 0), box, s, Map.of());
                }
            }
        });
        return f;
    }

    private Path config(String text) throws IOException {
        Path c = dir.resolve("study.yaml");
        Files.writeString(c, text);
        return c;
    }

    private String refused(String text) throws IOException {
        Path c = config(text);
        InputFormatException e = assertThrows(InputFormatException.class, () -> StudyPlan.of(c));
        assertTrue(e.getMessage().startsWith(c.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static void contains(String message, String part) {
        assertTrue(message.contains(part), message);
    }

    private static final String HEAD = "inherent_structures: true\ntrajectories:\n  - {temperature: 0.6, file: a.dump}\n  - {temperature: 0.7, file: b.dump}\n";

    @Test
    void aGoodConfigurationBecomesTheAnalysisSettings() throws IOException {
        dump("a.dump", 5, 200, -1, 99);
        dump("b.dump", 5, 200, -1, 99);
        dump("b-thermal.dump", 9, 100, -1, 99);
        StudyPlan p = StudyPlan.of(config("name: mine\nmodel: ka\ninherent_structures: false\ndt: 0.002\ntrajectories:\n"
                + "  - {temperature: 0.6, file: a.dump}\n  - {temperature: 0.7, file: b.dump, thermal: b-thermal.dump}\n"
                + "tau_c: 25\ntrsp: {L: 12}\n"));
        PipelinePreset s = p.preset();
        assertEquals("mine", s.name());
        assertEquals(4, s.n());
        assertArrayEquals(new double[] {0.7, 0.6}, s.temperatures(), "hottest first");
        assertArrayEquals(new double[] {0.6}, s.trainTemperatures(), "default: the lowest");
        assertArrayEquals(new long[] {800, 800}, s.steps());
        assertEquals(200, s.dumpEvery());
        assertEquals(0.002, s.dt());
        assertFalse(s.inherent());
        assertEquals(25, s.tauC());
        assertEquals(10, s.tR(), "default");
        assertEquals(12, s.trspSide());
        assertEquals(8, s.trspTrajectories(), "default");
        assertEquals(dir.resolve("b-thermal.dump"), p.inputs().thermal(0.7));
        assertEquals(dir.resolve("a.dump"), p.inputs().thermal(0.6), "no thermal file: the same one");
        assertEquals(4 / 125.0, p.inputs().density(), 1e-15);
        assertEquals("ka", p.inputs().settings(s).get("model"));
        // JSON too
        Path json = dir.resolve("study.json");
        Files.writeString(json, "{\"inherent_structures\": true, \"trajectories\": [{\"temperature\": 0.6, \"file\": \"a.dump\"},"
                + " {\"temperature\": 0.7, \"file\": \"b.dump\"}]}");
        assertEquals("study", StudyPlan.of(json).preset().name());
    }

    /** The README's example configuration is valid and names the shipped trajectories. */
    @Test
    void theShippedExampleIsValid() throws IOException {
        StudyPlan p = StudyPlan.of(Path.of("..", "examples", "study-ka-small.yaml"));
        assertEquals("ka-small", p.preset().name());
        assertEquals(500, p.preset().n());
        assertArrayEquals(new double[] {0.90, 0.75, 0.66, 0.61}, p.preset().temperatures());
        assertArrayEquals(new long[] {10_000, 10_000, 10_000, 10_000}, p.preset().steps());
        assertEquals(400, p.preset().dumpEvery());
        assertTrue(p.preset().inherent());
        assertEquals(1.2, p.inputs().density(), 1e-9);
    }

    /** A quench block: thermal frames are quenched to inherent structures first (defaults lbfgs+fire, 1e-4); checked keys. */
    @Test
    void quenchBlockDefaultsAndChecks() throws IOException {
        dump("a.dump", 5, 200, -1, 99);
        dump("b.dump", 5, 200, -1, 99);
        StudyPlan p = StudyPlan.of(config(HEAD + "quench: {model: ka}\n"));
        assertEquals(new StudyConfig.Quench("ka", "lbfgs+fire", 1e-4), p.inputs().quench());
        contains(refused(HEAD.replace("true", "false") + "quench: {model: ka}\n"), "'quench' with inherent_structures: false");
        contains(refused(HEAD + "quench: {model: lj}\n"), "quench.model 'lj'");
        contains(refused(HEAD + "quench: {model: ka, min: newton}\n"), "quench.min 'newton'");
        contains(refused(HEAD + "quench: {min: cg}\n"), "Missing required creator property 'model'");
        // the quench block is checked before any trajectory is read (a missing file is not reached)
        contains(refused(HEAD.replace("b.dump", "nothere.dump") + "quench: {model: lj}\n"), "quench.model 'lj'");
        contains(refused("inherent_structures: true\nsimulate: {n: 10, temperatures: [0.9, 0.8], equilibrate: 0, steps: 10, dump_every: 5}\n"
                + "quench: {model: ka}\n"), "'quench' with 'simulate'");
    }

    /**
     * The shipped thermal trajectories (N = 500, four temperatures) quenched by the study and then analysed: a run killed
     * after its first p_hop item resumes without redoing the quenches, every stage runs, p_hop is computed on the study's
     * own is.dump, and a rerun skips everything.
     */
    @Test
    void aStudyQuenchesThermalFramesThenAnalysesThem() throws IOException, InterruptedException {
        StringBuilder y = new StringBuilder("name: quenched\nmodel: ka\ninherent_structures: true\ntrajectories:\n");
        for (String t : new String[] {"0.900", "0.750", "0.660", "0.610"}) {
            y.append("  - {temperature: ").append(t).append(", file: ")
                    .append(Path.of("..", "examples", "data", "study", "ka_N500_T" + t + "_traj.dump.gz").toAbsolutePath().normalize()).append("}\n");
        }
        y.append("train_temperatures: [0.75, 0.66, 0.61]\ntau_c: 8\ntrsp: {L: 8, trajectories: 2, events: 4000}\nbootstrap: 20\n")
                .append("quench: {model: ka}\n");
        Path c = config(y.toString()), out = dir.resolve("run");
        // killed once the quench of the lowest T and the p_hop of the hottest are recorded, then resumed
        PipelineRuns.interruptAfter(out, "phop-T0.900", "study", c.toString());
        java.util.Map<String, String> before = PipelineRuns.created(out, "simulate-", "phop-T0.900");
        assertEquals(5, before.size(), "4 quenches and a p_hop item done before the kill: " + before.keySet());
        CliRunner.Result r = CliRunner.run("study", c.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals(before, PipelineRuns.created(out, "simulate-", "phop-T0.900"), "finished items were redone after the kill");
        for (String t : new String[] {"T0.900", "T0.610"}) {
            Path is = out.resolve("md").resolve(t).resolve("is.dump");
            assertTrue(Files.size(is) > 10_000, t);
            assertTrue(Files.readString(out.resolve("phop").resolve(t).resolve("phop.json")).contains(is.toString()), t + ": p_hop of the quench");
        }
        assertTrue(Files.exists(out.resolve("report").resolve("summary.json")));
        CliRunner.Result again = CliRunner.run("study", c.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, again.code(), again.err());
        assertEquals(10, again.err().lines().filter(l -> l.contains("up to date, skipped")).count(), again.err());
    }

    /**
     * {@code --quench-shards 2} on a study with a quench block: each temperature's thermal frames in two items and their
     * merge into {@code md/T…}, which p_hop reads as without shards (the plan of a dry run; the merged files are the
     * single quench's bytes, as quench-merge guarantees).
     */
    @Test
    void quenchShardsOfAStudy() throws IOException {
        StringBuilder y = new StringBuilder("name: quenched\nmodel: ka\ninherent_structures: true\ntrajectories:\n");
        for (String t : new String[] {"0.900", "0.750", "0.660", "0.610"}) {
            y.append("  - {temperature: ").append(t).append(", file: ")
                    .append(Path.of("..", "examples", "data", "study", "ka_N500_T" + t + "_traj.dump.gz").toAbsolutePath().normalize()).append("}\n");
        }
        y.append("train_temperatures: [0.75, 0.66, 0.61]\nquench: {model: ka}\n");
        Path c = config(y.toString()), out = dir.resolve("sharded");
        CliRunner.Result r = CliRunner.run("study", c.toString(), "--out", out.toString(), "--threads", "2", "--quench-shards", "2",
                "--executor", "slurm", "--dry-run");
        assertEquals(0, r.code(), r.err());
        java.util.Map<String, String> after = SlurmPipelineTest.afterOf(r.err());
        assertEquals("", after.get("simulate-T0.610-q1"), r.err());
        assertEquals("simulate-T0.610-q0, simulate-T0.610-q1", after.get("simulate-T0.610"));
        assertEquals("simulate-T0.610", after.get("phop-T0.610"));
        assertTrue(Files.readString(out.resolve("slurm").resolve("submit.sh")).contains("--array=0,1 "), "one array per temperature");
    }

    @Test
    void everyProblemIsOneLineBeforeAnyWork() throws IOException {
        dump("a.dump", 5, 200, -1, 99);
        dump("b.dump", 5, 200, -1, 99);
        contains(refused(HEAD + "tr: 10\n"), ":5: unknown key 'tr', expected one of");
        contains(refused(HEAD.replace("file: b.dump}", "file: b.dump, thermo: x}")), ":4: unknown key 'thermo', expected one of");
        contains(refused(HEAD + "t_r: ten\n"), ":5: Cannot deserialize value of type `java.lang.Double` from String \"ten\"");
        contains(refused(HEAD.replace("inherent_structures: true\n", "")), "missing 'inherent_structures'");
        assertTrue(refused("inherent_structures: true\ntrajectories:\n  - {temperature: 0.6, file: a.dump}\n")
                .contains("lists 1 temperature(s), expected at least two"));
        contains(refused(HEAD.replace("b.dump", "nothere.dump")), "nothere.dump does not exist");
        contains(refused(HEAD.replace("0.7", "0.6")), "temperature 0.6 appears twice");
        contains(refused(HEAD + "train_temperatures: [0.5]\n"), "train_temperatures holds 0.5, expected temperatures");
        contains(refused(HEAD + "features: ka-999\n"), "features 'ka-999', expected one of");
        contains(refused(HEAD + "p_c: -1\n"), "p_c is -1.0, expected a finite number > 0");
        contains(refused("schema: softglass.study/2\n" + HEAD), "expected softglass.study/1");
        dump("c.dump", 5, 200, 3, 99);
        contains(refused(HEAD.replace("b.dump", "c.dump")), "c.dump: frame 3 has 3 particles, expected 4 as in frame 0");
        dump("d.dump", 5, 200, -1, 2);
        contains(refused(HEAD.replace("b.dump", "d.dump")), "d.dump: frame 2 is at timestep 407 after 200, expected equally spaced");
        contains(refused(HEAD.replace("{temperature: 0.7, file: b.dump}", "{temperature: , file: b.dump}")),
                "trajectories entry 2 has no temperature");
        contains(refused(HEAD.replace("0.7", "0.6004")), "temperatures 0.6004 and 0.6 share the label T0.600");
        contains(refused(HEAD + "train_temperatures: [0.6, 0.6]\n"), "expected distinct temperatures");
        contains(refused(HEAD + "train_temperatures: []\n"), "expected distinct temperatures");
        Path wrapped = dir.resolve("w.dump");
        Box box = Box.cubic(5);
        LammpsDumpWriter.write(wrapped, java.util.List.of("id", "type", "x", "y", "z"), w -> {
            for (int k = 0; k < 4; k++) {
                try (ParticleStore ps = ParticleStore.allocate(4)) {
                    for (int i = 0; i < 4; i++) {
                        ps.setId(i, i + 1);
                        ps.setPosition(i, 1 + i, 1, 2);
                    }
                    w.write(200L * k, box, ps, Map.of());
                }
            }
        });
        contains(refused(HEAD.replace("b.dump", "w.dump")), "w.dump: frame 0 has wrapped positions without image counts");
        dump("e.dump", 5, 100, -1, 99);
        contains(refused(HEAD.replace("b.dump", "e.dump")), "a.dump has 4 particles and frames 200 steps apart, but " + dir.resolve("e.dump")
                + " (T = 0.7) has 4 and 100: expected one system sampled alike");
    }

    @Test
    void theCommandRefusesABadConfigurationWithExitCode3AndCreatesNothing() throws IOException {
        dump("a.dump", 5, 200, -1, 99);
        Path c = config(HEAD);
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("study", c.toString(), "--out", out.toString(), "--quiet");
        r.assertOneLineError(ExitCodes.INPUT, "b.dump does not exist");
        assertFalse(Files.exists(out.resolve("pipeline.json")), "nothing ran");
    }
}
