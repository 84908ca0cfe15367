package org.softglass.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.util.Refusal;

/** The exit-code policy of {@link ExitCodes}, applied by {@link Errors#classify}. */
class ErrorsTest {
    private static final Path OUT = Path.of("/data/runs/out").toAbsolutePath();
    private static final List<OutputGuard.Location> OUTS = List.of(new OutputGuard.Location("--out", OUT, true));

    private static Errors.Verdict v(Throwable t) { return Errors.classify(t, OUTS); }

    @Test
    void computationsRefusedAreOneUsageIsTwoInputIsThree() {
        assertEquals(ExitCodes.FAILED, v(new Refusal("onset fit refused: too few bins")).code());
        assertEquals(ExitCodes.FAILED, v(new IllegalStateException("unstable")).code());
        assertEquals(ExitCodes.USAGE, v(new IllegalArgumentException("--tr must be > 0")).code());
        assertEquals(ExitCodes.INPUT, v(new InputFormatException("a.dump", 3, "expected a number")).code());
        assertEquals(ExitCodes.INTERNAL, v(new NullPointerException()).code());
    }

    @Test
    void kindsMapToExitCodes() {
        assertEquals(ExitCodes.FAILED, v(new org.softglass.core.util.NumericalFailure("rate overflows")).code());
        assertEquals(ExitCodes.FAILED, v(new org.softglass.core.simulate.UnstableRunException("NaN energy; lower {dt}")).code());
        assertEquals(ExitCodes.FAILED, v(new org.softglass.core.elastic.ElasticException("not at a minimum")).code());
        assertEquals(ExitCodes.FAILED, v(new org.softglass.nativebridge.LapackException("dpotrf", 2, "dpotrf: not positive definite")).code());
        Errors.Verdict usage = v(new org.softglass.core.util.InvalidParameter("{tR} must be > 0, got -1"));
        assertEquals(ExitCodes.USAGE, usage.code());
        assertEquals("--tr must be > 0, got -1", usage.message());
        assertEquals(ExitCodes.USAGE, v(new IllegalArgumentException("--tr must be > 0")).code(), "a bare IllegalArgumentException is usage");
        Errors.Verdict input = v(InputFormatException.naming("a.dump", -1, "no frames in {frames} 7:9 (the file has 5)"));
        assertEquals(ExitCodes.INPUT, input.code());
        assertEquals("a.dump: no frames in --frames 7:9 (the file has 5)", input.message());
        assertEquals(ExitCodes.OUTPUT, v(new org.softglass.nativebridge.NativeLibraryException("OpenBLAS: missing", null)).code());
    }

    @Test
    void ioErrorsOnOutputsAreFiveOnInputsThree() {
        Errors.Verdict in = v(new NoSuchFileException("/data/traj.dump"));
        assertEquals(ExitCodes.INPUT, in.code());
        assertEquals("no such file: /data/traj.dump", in.message());
        Errors.Verdict tmp = v(new NoSuchFileException(OUT.resolve("sub/.x.csv.12ab.tmp").toString()));
        assertEquals(ExitCodes.OUTPUT, tmp.code());
        assertTrue(tmp.message().contains("directory does not exist"), tmp.message());
        assertEquals(ExitCodes.OUTPUT, v(new AccessDeniedException(OUT.toString())).code());
        assertEquals(ExitCodes.OUTPUT, v(new AccessDeniedException(OUT.getParent().toString())).code(), "a directory on the way to --out");
        assertEquals(ExitCodes.INPUT, v(new AccessDeniedException("/data/traj.dump")).code());
        Errors.Verdict full = v(new IOException("No space left on device"));
        assertEquals(ExitCodes.OUTPUT, full.code());
        assertTrue(full.message().contains(OUT.toString()), full.message());
        Errors.Verdict dir = v(new FileSystemException("/data/somedir", null, "Is a directory"));
        assertEquals(ExitCodes.INPUT, dir.code());
        assertEquals("/data/somedir: is a directory, expected a file", dir.message());
        assertEquals(ExitCodes.INPUT, v(new EOFException("Unexpected end of ZLIB input stream")).code());
    }

    @Test
    void environmentIsFive() {
        assertEquals(ExitCodes.OUTPUT, v(new org.softglass.nativebridge.NativeLibraryException("OpenBLAS: no natives for linux-riscv64", null)).code());
        assertEquals(ExitCodes.OUTPUT, v(new OutOfMemoryError("Java heap space")).code());
    }

    @Test
    void outputFileSiblingsCountAsOutputs() {
        Path f = Path.of("/data/runs/model.json").toAbsolutePath();
        List<OutputGuard.Location> outs = List.of(new OutputGuard.Location("--out", f, false));
        assertTrue(OutputGuard.isOutput(Path.of("/data/runs/.model.json.7f.tmp"), outs));
        assertTrue(OutputGuard.isOutput(Path.of("/data/runs/model.json.manifest.json"), outs));
        assertFalse(OutputGuard.isOutput(Path.of("/data/runs/traj.dump"), outs));
    }

    @Test
    void messagesNeverEchoRawBytes() {
        String raw = "x.dump:1: found '\u007fELF\u0002\u0001\u0001\u0000\uFFFD\u0085'\nmore";
        String line = Errors.oneLine(raw);
        assertEquals("x.dump:1: found '?ELF??????' more", line);
        line.chars().forEach(c -> assertTrue(c >= ' ' && c != 0x7f, "control char " + c));
    }
}
