package org.softglass.study.md;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.Manifest;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.simulate.InherentQuench;
import org.softglass.core.simulate.RunSpec;
import org.softglass.core.simulate.Simulation;
import org.softglass.core.util.MemoryBudget;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * Molecular dynamics of a preset model ({@link Simulation}: melt → equilibrate → production, or from the last frame of
 * {@link RunSpec#initial()}), into a run directory: {@code thermo.csv}, {@code traj.dump} (when
 * {@link RunSpec#dumpEvery()} &gt; 0), with {@link RunSpec#inherent()} {@code is.dump} and {@code is_energy.csv},
 * {@code checkpoint.bin}, {@code run.json}, and {@code manifest.json} (the spec, the thread count, timings and the final
 * thermo row). Calling it again with the same spec, thread count and directory resumes an interrupted run from its last
 * checkpoint, bit for bit, and does nothing for a completed one ({@link Result#alreadyComplete()}; the manifest is
 * then left as it is).
 */
public final class SimulateStudy {
    /**
     * Memory per particle of a run, an upper estimate (bytes): three particle stores (state, checkpoint and
     * inherent-structure copies, 104 B each), a full Verlet list with skin (~110 neighbours × 4 B at the KA density) and
     * cell bins; 1 KiB.
     */
    public static final long MD_BYTES_PER_PARTICLE = 1024;
    /** Per particle and thread with inherent structures: two queued copies (104 B each) and a minimiser's vectors and list (~700 B). */
    public static final long INHERENT_BYTES_PER_PARTICLE_THREAD = 1024;

    private SimulateStudy() {}

    /** @param spec everything that determines the run (with the thread count of the context: part of the run key) */
    public record Request(RunSpec spec) {}

    /**
     * @param directory   the run directory
     * @param run         what {@link Simulation} did (steps, timings, list builds, the last thermo row)
     * @param manifest    the manifest written, or null for a run that was already complete
     */
    public record Result(Path directory, Simulation.Result run, Path manifest) {
        /** Whether the directory already held this completed run (nothing was done). */
        public boolean alreadyComplete() { return run.alreadyComplete(); }

        /** Atom-steps per second of this call: steps run × N / wall seconds. */
        public double atomStepsPerSecond(int n) { return run.stepsRun() * (double) n / run.seconds(); }
    }

    /**
     * Refuses a system of fewer than 2 particles or one whose run would need more memory than this JVM has:
     * "{n} 1000000000 (particles) needs …".
     *
     * @param n        particles
     * @param inherent whether frames are also quenched (memory per worker thread)
     * @param threads  worker threads
     */
    public static void requireFits(int n, boolean inherent, int threads) {
        Checks.atLeast(n, 2, "n");
        MemoryBudget.require(MemoryBudget.times(n, MD_BYTES_PER_PARTICLE + (inherent ? threads * INHERENT_BYTES_PER_PARTICLE_THREAD : 0)),
                "{n} " + n + " (particles)");
    }

    /** The inherent-structure quench of {@code algorithm} to |F|₂ ≤ {@code ftol}; refuses a {@code ftol} that is not finite and &gt; 0. */
    public static InherentQuench inherentQuench(Algorithm algorithm, double ftol) {
        Checks.positive(ftol, "inherentFtol");
        return new InherentQuench(algorithm, ftol);
    }

    /** Runs (or resumes, or finds complete) the MD of {@code req} in {@code dir}. */
    public static Result run(Request req, Path dir, StudyContext ctx) throws IOException {
        RunSpec spec = req.spec();
        int nt = ctx.threads(), n = spec.n();
        requireFits(n, spec.inherent(), nt);
        Simulation.Result r;
        try (StudyContext.Meter bar = ctx.progress().start("simulate", spec.totalSteps(), "steps")) {
            r = Simulation.run(spec, dir, nt, bar::stepTo);
        }
        if (r.alreadyComplete()) return new Result(dir, r, null);
        Manifest m = new Manifest(ctx.version(), "simulate");
        spec.asMap().forEach(m::param);
        m.param("threads", nt).output(dir.resolve("thermo.csv"));
        if (spec.dumpEvery() > 0) m.output(dir.resolve("traj.dump"));
        if (spec.inherent()) m.output(dir.resolve("is.dump")).output(dir.resolve("is_energy.csv"));
        m.result("steps_run", r.stepsRun()).result("resumed_from_step", r.resumedFrom()).result("seconds", r.seconds())
                .result("atom_steps_per_second", r.stepsRun() * (double) n / r.seconds())
                .result("production_seconds", r.productionSeconds())
                .result("production_atom_steps_per_second", r.productionStepsRun() * (double) n / r.productionSeconds())
                .result("force_evaluations", r.forceEvaluations())
                .result("neighbour_list_builds", r.listBuilds());
        if (r.lastThermo() != null) {
            m.result("final_temperature", r.lastThermo().temperature()).result("final_pe_per_atom", r.lastThermo().potential() / n)
                    .result("final_pressure", r.lastThermo().pressure());
        }
        Path manifest = dir.resolve("manifest.json");
        m.write(manifest);
        return new Result(dir, r, manifest);
    }
}
