package org.softglass.core.testutil;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared LAMMPS fixtures ({@code ../shared/fixtures/lammps} beside the repository; the
 * build passes the path as system property {@code softglass.fixtures}). A missing fixture fails the
 * test: CI always has {@code shared/} beside the checkout, so skipping would hide a broken setup.
 */
public final class Fixtures {
    private Fixtures() {}

    public static Path lammpsDir() {
        String prop = System.getProperty("softglass.fixtures");
        Path base = prop != null ? Path.of(prop) : Path.of("..", "..", "shared", "fixtures");
        return base.resolve("lammps").toAbsolutePath().normalize();
    }

    /** The fixture file of that name; fails the test if it is not readable. */
    public static Path lammps(String name) {
        Path p = lammpsDir().resolve(name);
        if (!Files.isReadable(p)) fail("LAMMPS fixture missing: " + p + " (expected ../shared/fixtures/lammps beside the repository)");
        return p;
    }
}
