package org.softglass.validation;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of a validation test class whose catalogue checks share one {@link Context} (so a run that feeds several
 * checks, e.g. the T = 2.0 MD run, runs once for the class): a class-wide scratch directory and the context made on it
 * before the first test ({@link Checked#context}). JUnit sets the static fields anew for each test class (the classes
 * run one after another, as the build runs them), and {@link #assertPass} runs checks against it.
 */
abstract class SharedContextTest {
    @TempDir static Path dir;
    static Context ctx;

    @BeforeAll
    static void context() { ctx = Checked.context(dir); }

    /** Runs the named checks in order, printing each row and asserting that it passed ({@link Checked#assertPasses}). */
    static void assertPass(String... checks) throws Exception {
        for (String name : checks) Checked.assertPasses(ctx, name);
    }
}
