package org.softglass.cli.models;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrspCommandTest {

    @Test
    void checkReportsTheModelAndRejectsATooLargeKick() {
        var ok = CliRunner.run("trsp", "check", "--preset", "ka-002", "--T", "0.45", "--L", "6", "--m", "1");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().lines().count() == 2 && ok.out().contains("SITE"), ok.out());
        var bad = CliRunner.run("trsp", "check", "--preset", "ka-002", "--T", "0.45", "--L", "6", "--facilitation", "3");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().startsWith("softglass: T=0.45, PLAQUETTE_XY, facilitation 3.0: detailed balance has no solution: λ_max"), bad.err());
        var none = CliRunner.run("trsp", "check", "--T", "0.45");
        assertEquals(ExitCodes.USAGE, none.code());
        assertTrue(none.err().contains("--params FILE or --preset NAME"), none.err());
    }

    @Test
    void runWritesOutputsReproducibly(@TempDir Path dir) throws Exception {
        String[] args = {"trsp", "run", "--preset", "ka-002", "--T", "0.6", "--L", "6", "--m", "1", "--trajectories", "2",
                "--events", "3000", "--threads", "2", "--quiet", "--out"};
        var a = CliRunner.run(concat(args, dir.resolve("a").toString()));
        assertEquals(0, a.code(), a.err());
        var b = CliRunner.run(concat(args, dir.resolve("b").toString()));
        assertEquals(0, b.code(), b.err());
        for (String f : new String[]{"overlap.csv", "block_chi4.csv", "s4.csv", "correlation.csv", "detailed_balance.csv", "q.png",
                "chi4.png", "detailed_balance.png", "tau_chi.png", "manifest.json"})
            assertTrue(Files.size(dir.resolve("a").resolve(f)) > 0, f);
        assertEquals(Files.readString(dir.resolve("a/overlap.csv")), Files.readString(dir.resolve("b/overlap.csv")), "same seed, same output");
        String[] one = args.clone();
        one[java.util.Arrays.asList(one).indexOf("--threads") + 1] = "1";
        var c = CliRunner.run(concat(one, dir.resolve("c").toString()));
        assertEquals(0, c.code(), c.err());
        assertEquals(Files.readString(dir.resolve("a/overlap.csv")), Files.readString(dir.resolve("c/overlap.csv")), "1 and 2 threads give the same output");
        assertEquals(Files.readString(dir.resolve("a/detailed_balance.csv")), Files.readString(dir.resolve("c/detailed_balance.csv")));
        var lines = Files.readAllLines(dir.resolve("a/overlap.csv"));
        assertEquals("T,t,Q,chi4", lines.getFirst());
        assertEquals(1 + TrspRunCommand.LAGS, lines.size());
    }

    @Test
    void agingWritesMeanSoftness(@TempDir Path dir) throws Exception {
        var r = CliRunner.run("trsp", "aging", "--preset", "ka-002", "--T-initial", "1.0", "--T-final", "0.5", "--L", "6", "--m", "1",
                "--trajectories", "2", "--events", "2000", "--threads", "1", "--quiet", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        var lines = Files.readAllLines(dir.resolve("aging.csv"));
        assertEquals(41, lines.size());
        // the first point is still near the initial equilibrium ⟨S⟩(T_I = 1) = 0.3, far above ⟨S⟩(T_F = 0.5) = −0.9
        double s0 = Double.parseDouble(lines.get(1).split(",")[3]);
        assertTrue(s0 > 0, lines.get(1));
        assertTrue(Files.size(dir.resolve("aging.png")) > 0);
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
