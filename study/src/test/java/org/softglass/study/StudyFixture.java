package org.softglass.study;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture the study tests share: a temporary directory (a new one for each test), a {@link StudyContext} with the
 * version {@code "test"} and the thread count the test asks for, and the synthetic trajectories of
 * {@link HopTrajectory} and {@link LatticeTrajectory} written into that directory.
 */
public abstract class StudyFixture {
    /** The test's own temporary directory. */
    @TempDir
    protected Path dir;

    /** The context the studies run with. */
    protected final StudyContext ctx;

    /** @param threads the threads the studies may use */
    protected StudyFixture(int threads) {
        this.ctx = StudyContext.of(threads, "test");
    }

    /** {@link HopTrajectory} written to {@code dir/hop.dump}. */
    protected Path hopTrajectory() throws IOException {
        return HopTrajectory.write(dir.resolve("hop.dump"));
    }

    /** {@link LatticeTrajectory} written to {@code dir/lattice.dump}. */
    protected Path latticeTrajectory() throws IOException {
        return LatticeTrajectory.write(dir.resolve("lattice.dump"));
    }
}
