package org.softglass.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/**
 * Runs catalogue checks from the validation tests: one implementation per check (in {@link Checks}),
 * the test prints the report row and asserts that it passed.
 */
public final class Checked {
    private Checked() {}

    /** The shared fixtures directory: system property {@code softglass.fixtures} (set by the build), else ../../shared/fixtures. */
    public static Path fixtures() {
        String prop = System.getProperty("softglass.fixtures");
        return (prop != null ? Path.of(prop) : Path.of("..", "..", "shared", "fixtures")).toAbsolutePath().normalize();
    }

    /** A context for tests: at most 2 threads (as CI), seed offset 0 (the documented runs), scratch under {@code dir}. */
    public static Context context(Path dir) {
        return new Context(Math.min(2, Runtime.getRuntime().availableProcessors()), 0, dir, fixtures());
    }

    /** Runs the named check, prints its row, asserts it passed; returns the result. */
    public static Result assertPasses(Context ctx, String name) throws Exception {
        Result r = Checks.byName(name).run(ctx);
        String row = String.format("%s: expected %s, measured %s, tolerance %s, %s (%s; %.1f s)", r.name(), r.expected(), r.measured(),
                r.check().comparison() == Check.Comparison.WITHIN ? Double.toString(r.tolerance()) : "measured >= expected",
                r.pass() ? "pass" : "FAIL", r.detail(), r.seconds());
        System.out.println(row);
        assertTrue(r.pass(), row);
        return r;
    }
}
