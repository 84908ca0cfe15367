package org.softglass.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.OutputLock;

/** Output locations locked while a command runs, and the one-line, right-code errors around them. */
class OutputGuardTest {
    @TempDir Path tmp;

    private static final String DUMP = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\n"
            + "ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 1 2 2 2\n";

    @Test
    void aDirectoryInUseIsRefusedWithTheHoldersPid() throws Exception {
        Path dump = Files.writeString(tmp.resolve("t.dump"), DUMP);
        Path out = tmp.resolve("phop");
        try (OutputLock held = OutputLock.directory(out, "phop")) {
            CliRunner.Result r = CliRunner.run("phop", dump.toString(), "--out", out.toString(), "--quiet");
            r.assertOneLineError(ExitCodes.OUTPUT, "in use by another softglass process (pid=" + ProcessHandle.current().pid());
        }
    }

    @Test
    void anOutputFileInUseIsRefused() throws Exception {
        Path dump = Files.writeString(tmp.resolve("t.dump"), DUMP);
        Path out = tmp.resolve("e.csv");
        try (OutputLock held = OutputLock.file(out, "energy")) {
            CliRunner.Result r = CliRunner.run("energy", dump.toString(), "--out", out.toString());
            assertEquals(ExitCodes.OUTPUT, r.code(), r.err());
            assertFalse(Files.exists(out));
        }
        CliRunner.Result ok = CliRunner.run("energy", dump.toString(), "--out", out.toString());
        assertEquals(0, ok.code(), ok.err());
        try (var s = Files.list(tmp)) {
            assertEquals(java.util.Set.of("t.dump", "e.csv", "e.csv.manifest.json"),
                    s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()), "no lock or temp file left");
        }
    }

    @Test
    void aRefusedCommandLeavesNoOutputDirectoryBehind() throws Exception {
        Path out = tmp.resolve("new").resolve("deeper");
        CliRunner.Result r = CliRunner.run("phop", tmp.resolve("missing.dump").toString(), "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertFalse(Files.exists(tmp.resolve("new")), "the directories the lock created are removed again");
    }

    @Test
    void outNamingAFileIsAUsageError() throws Exception {
        Path dump = Files.writeString(tmp.resolve("t.dump"), DUMP);
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        CliRunner.Result r = CliRunner.run("phop", dump.toString(), "--out", file.toString(), "--quiet");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--out: " + file + " exists and is not a directory"), r.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aBinaryFileGivenAsDumpGivesOnePrintableLine() throws Exception {
        byte[] b = new byte[600];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (i * 37 + 11);
        b[0] = 0x7f; b[1] = 'E'; b[2] = 'L'; b[3] = 'F';
        Path bin = Files.write(tmp.resolve("prog"), b);
        CliRunner.Result r = CliRunner.run("energy", bin.toString());
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("softglass: prog:1:"), line);
        line.chars().forEach(c -> assertTrue(c >= ' ' && c != 0x7f && !(c >= 0x80 && c < 0xa0), "raw byte " + c + " in: " + line));
    }

    @Test
    void aTruncatedGzipNamesTheFile() throws Exception {
        byte[] gz;
        var bo = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.GZIPOutputStream(bo)) {
            for (int k = 0; k < 50; k++) z.write(DUMP.replace("ITEM: TIMESTEP\n0", "ITEM: TIMESTEP\n" + k).getBytes());
        }
        gz = bo.toByteArray();
        Path cut = Files.write(tmp.resolve("t.dump.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
        CliRunner.Result r = CliRunner.run("energy", cut.toString());
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("softglass: t.dump.gz:"), r.err());
        assertTrue(r.err().contains("truncated or corrupt gzip"), r.err());
    }

    @Test
    void aDirectoryGivenAsInputIsNamed() {
        CliRunner.Result r = CliRunner.run("energy", tmp.toString());
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertEquals("softglass: " + tmp + ": is a directory, expected a file", r.err().strip());
    }

    @Test
    void aPipelineRunDirectoryInUseIsRefusedBeforeAnyWork() throws Exception {
        Path run = tmp.resolve("pl");
        try (OutputLock held = OutputLock.directory(run, "pipeline")) {
            CliRunner.Result r = CliRunner.run("pipeline", "--preset", "smoke", "--out", run.toString(), "--quiet");
            assertEquals(ExitCodes.OUTPUT, r.code(), r.err());
            assertTrue(r.err().contains("in use by another softglass process"), r.err());
            try (var s = Files.list(run)) {
                assertEquals(java.util.List.of(held.lockFile()), s.toList(), "nothing written into the run directory");
            }
        }
    }

    @Test
    void thePipelineLocksItsDefaultRunDirectory() {
        var cl = Main.commandLine();
        var pr = cl.parseArgs("pipeline", "--preset", "smoke");
        assertEquals(java.util.List.of(new OutputGuard.Location("--out", Path.of("runs", "pipeline-smoke"), true)), OutputGuard.locations(pr));
    }
}
