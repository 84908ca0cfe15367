package org.softglass.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the softglass command line in-process and captures stdout, stderr and the exit code. */
public final class CliRunner {
    public record Result(int code, String out, String err) {
        /** Asserts the exit code {@code expected} and a standard error of one line (surrounding blank lines aside) containing {@code fragment}. */
        public void assertOneLineError(int expected, String fragment) {
            org.junit.jupiter.api.Assertions.assertEquals(expected, code, err);
            org.junit.jupiter.api.Assertions.assertEquals(1, err.strip().lines().count(), err);
            org.junit.jupiter.api.Assertions.assertTrue(err.contains(fragment), err);
        }
    }

    public static Result run(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream bout = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code;
        try (PrintStream ps = new PrintStream(bout, true, StandardCharsets.UTF_8)) {
            System.setOut(ps);
            var cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            cl.setOut(new PrintWriter(ps, true));
            code = cl.execute(args);
            ps.flush();
        } finally {
            System.setOut(oldOut);
        }
        return new Result(code, bout.toString(StandardCharsets.UTF_8), err.toString());
    }

    public static Path fixture(String name) {
        String prop = System.getProperty("softglass.fixtures");
        Path base = prop != null ? Path.of(prop) : Path.of("..", "..", "shared", "fixtures");
        Path p = base.resolve("lammps").resolve(name).toAbsolutePath().normalize();
        if (!java.nio.file.Files.isReadable(p)) org.junit.jupiter.api.Assertions.fail("LAMMPS fixture missing: " + p);
        return p;
    }
}
