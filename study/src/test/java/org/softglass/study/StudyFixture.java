package org.softglass.study;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.study.rearrange.D2minStudy;

/**
 * The fixture the study tests share: a temporary directory (a new one for each test), a {@link StudyContext} with the
 * version {@code "test"} and the thread count the test asks for, and the synthetic trajectories of
 * {@link HopTrajectory} and {@link LatticeTrajectory} written into that directory (the latter with its D²_min).
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

    /** The lattice trajectory, the D²_min CSV of its kick and the study's result (see {@link #latticeD2min()}). */
    protected record LatticeD2min(Path traj, Path csv, D2minStudy.Result result) {}

    /**
     * {@link #latticeTrajectory()}, then {@link D2minStudy} over its kick (frames 0 → 1, neighbours within 1.5σ,
     * dt 0.005) written to {@code dir/d.csv}.
     */
    protected LatticeD2min latticeD2min() throws IOException {
        Path traj = latticeTrajectory();
        Path csv = dir.resolve("d.csv");
        return new LatticeD2min(traj, csv, D2minStudy.run(new D2minStudy.Request(traj, 0, 1, 1.5, 0.005), csv, ctx));
    }
}
