package org.softglass.core.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongConsumer;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.simd.Simd;
import org.softglass.core.space.Box;

/**
 * Runs a {@link RunSpec} in an output directory, resumably.
 *
 * <p>Files in {@code DIR}: {@code run.json} (the spec, its key, and {@code "complete"}),
 * {@code checkpoint.bin} (see {@link Checkpoint}), {@code thermo.csv} ({@link ThermoObserver}),
 * {@code traj.dump} ({@link DumpObserver}), and with {@code inherent} the quenched frames
 * {@code is.dump}, {@code is_energy.csv} ({@link InherentObserver}). Streamed
 * files carry a {@code .part} suffix until the run completes.
 *
 * <p>Bit-for-bit resumption: every {@code checkpointEvery} steps (and at the end) the neighbour list
 * is rebuilt and the forces recomputed before the checkpoint is written, in the uninterrupted run as
 * in the resumed one, so both continue from identical lists, forces and thermostat state; thermal
 * noise is counter-based ({@link CounterRng}). Same spec, thread count and kernels → identical files;
 * the three make the run key in {@code run.json} and the checkpoint, so a run never resumes under another.
 *
 * <p>Stability: every 10 steps the kinetic energy is checked; NaN, infinity or K/N above
 * {@code 100·max(T) + 10} stops the run with {@link UnstableRunException}, keeping the last good
 * checkpoint (written only from finite states).
 */
public final class Simulation {

    private Simulation() {}

    /** What a run did. {@code resumedFrom} is −1 for a fresh run; {@code alreadyComplete} if nothing was left to do. */
    public record Result(long stepsRun, long totalSteps, long resumedFrom, boolean alreadyComplete, double seconds,
                         long forceEvaluations, long listBuilds, MdSystem.Thermo lastThermo,
                         long productionStepsRun, double productionSeconds) {}

    /** Extra observers a caller attaches (e.g. the inherent-structure trajectory), created per run. */
    @FunctionalInterface
    public interface ObserverFactory {
        /** @param resume the observer's stream lengths from the checkpoint; empty for a fresh run */
        Observer create(Path dir, long[] resume) throws IOException;
    }

    public static Result run(RunSpec spec, Path dir, int threads, LongConsumer progress) throws IOException {
        return run(spec, dir, threads, progress, List.of());
    }

    /**
     * Runs (or resumes, or recognises as complete) the run of {@code spec} in {@code dir}.
     *
     * <p>Everything that can refuse the run (the parameters, the start file, the box, the checkpoint)
     * is checked before anything is written into {@code dir}; {@code run.json} appears only when the
     * run starts.
     *
     * @param threads worker threads; part of the run key (a run resumes only with its thread count)
     * @param progress called with the number of steps done after every step
     * @throws IllegalArgumentException if {@code dir} holds a run with other parameters, another
     *         thread count or other kernels
     * @throws UnstableRunException if the run blows up (message names the step and the checkpoint)
     */
    public static Result run(RunSpec spec, Path dir, int threads, LongConsumer progress, List<ObserverFactory> extra)
            throws IOException {
        if (threads < 1) throw new org.softglass.core.util.InvalidParameter("{threads} must be >= 1, got " + threads);
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new org.softglass.core.util.InvalidParameter("{out}: " + dir + " exists and is not a directory");
        Path runJson = dir.resolve("run.json"), ckpt = dir.resolve("checkpoint.bin");
        String specKey = spec.key();   // once: with a start file it hashes the file
        String kernels = kernels();
        String key = runKey(specKey, threads, kernels);
        RunRecord prior = RunRecord.read(runJson);
        if (prior != null && !holdsRun(dir)) prior = null;   // a refused or never-started run: nothing to protect
        if (prior != null && !key.equals(prior.key())) throw otherRun(dir, prior, specKey, key, threads, kernels);
        if (prior != null && Boolean.TRUE.equals(prior.complete())) {
            return new Result(0, spec.totalSteps(), spec.totalSteps(), true, 0, 0, 0, null, 0, 0);
        }
        boolean resume = prior != null && Files.exists(ckpt);

        // Everything that can refuse the run (parameters, the start file, the box) runs before anything is written.
        PairPotential pot = Models.byName(spec.model());
        Box box = Box.cubicForDensity(spec.n(), spec.density());
        double fa = spec.fractionA();
        ParticleStore p = resume ? ParticleStore.allocate(spec.n())
                : spec.initial() != null ? InitialState.fromDump(Path.of(spec.initial()), spec.n(), box)
                : InitialState.random(spec.n(), box, new double[] {fa, 1 - fa}, spec.seed());
        long t0 = System.nanoTime();
        try (MdSystem sys = new MdSystem(p, box, pot, spec.skin(), threads)) {
            long done;
            Checkpoint loaded = null;
            if (resume) {
                loaded = Checkpoint.read(ckpt, p);
                if (!loaded.runKey().equals(key)) throw new IllegalArgumentException(ckpt + " belongs to another run");
                done = loaded.steps();
                sys.rebuildAndComputeForces();
            } else {
                if (spec.initial() == null) InitialState.removeOverlaps(sys, 50.0, 0.05, 10_000);
                InitialState.velocities(p, spec.meltSteps() > 0 ? spec.meltTemperature() : spec.temperature(), spec.seed() + 3);
                sys.rebuildAndComputeForces();
                done = 0;
            }
            Files.createDirectories(dir);
            writeRunJson(runJson, spec, key, specKey, threads, kernels, false);
            Integrator thermostat = spec.ensemble().equals("langevin")
                    ? new Langevin(spec.dt(), spec.targetAt(done), spec.tdamp(), spec.seed() + 7)
                    : new NoseHooverChain(spec.dt(), spec.targetAt(done), spec.tdamp());
            Integrator production = spec.ensemble().equals("nve") ? new VelocityVerlet(spec.dt()) : thermostat;
            long prodStart = spec.productionStart();
            Integrator active = done >= prodStart ? production : thermostat;
            active.setup(sys);
            if (loaded != null) active.restore(loaded.integratorState());

            List<Observer> obs = new ArrayList<>();
            long[][] lens = unpack(loaded != null ? loaded.outputLengths() : new long[0]);
            try {
                obs.add(new ThermoObserver(dir.resolve("thermo.csv"), spec.thermoEvery(), production, lengths(lens, 0)));
                if (spec.dumpEvery() > 0) obs.add(new DumpObserver(dir.resolve("traj.dump"), spec.dumpEvery(), lengths(lens, obs.size())));
                if (spec.inherent()) {
                    long every = spec.dumpEvery() > 0 ? spec.dumpEvery() : spec.thermoEvery();
                    obs.add(InherentObserver.factory(every, spec.inherentQuench().options(), pot, threads)
                            .create(dir, lengths(lens, obs.size())));
                }
                for (int k = 0; k < extra.size(); k++) obs.add(extra.get(k).create(dir, lengths(lens, obs.size())));
                if (!resume && prodStart == 0) observe(obs, sys, 0, spec.dt());
                long total = spec.totalSteps(), start = done;
                double kmax = 100 * Math.max(spec.temperature(), spec.meltTemperature()) + 10;
                long lastCheckpoint = done;
                long prodFrom = Math.max(done, prodStart), tProd = done >= prodStart ? System.nanoTime() : 0;
                while (done < total) {
                    if (done == prodStart) tProd = System.nanoTime();
                    if (done == prodStart && active != production) {
                        active = production;
                        active.setup(sys);
                    }
                    active.setTarget(spec.targetAt(done));
                    active.step(sys, done);
                    done++;
                    if (done % 10 == 0 || done == total) {
                        double k = sys.kineticEnergy() / sys.size();
                        if (!Double.isFinite(k) || k > kmax) {
                            throw unstable(done, "kinetic energy per particle is " + k, ckpt, lastCheckpoint, resume || lastCheckpoint > 0);
                        }
                    }
                    if (done >= prodStart) {
                        try {
                            observe(obs, sys, done - prodStart, spec.dt());
                        } catch (UnstableRunException e) {
                            throw unstable(done, e.getMessage(), ckpt, lastCheckpoint, resume || lastCheckpoint > 0);
                        }
                    }
                    if (done % spec.checkpointEvery() == 0 || done == total) {
                        sys.rebuildAndComputeForces();
                        long[][] l = new long[obs.size()][];
                        for (int k = 0; k < l.length; k++) l[k] = obs.get(k).outputLengths();
                        new Checkpoint(key, done, active.state(), pack(l)).write(ckpt, p);
                        lastCheckpoint = done;
                    }
                    progress.accept(done);
                }
                for (Observer o : obs) o.complete();
                writeRunJson(runJson, spec, key, specKey, threads, kernels, true);
                MdSystem.Thermo last = obs.get(0) instanceof ThermoObserver th ? th.last() : null;
                long tEnd = System.nanoTime();
                return new Result(total - start, total, resume ? start : -1, false, (tEnd - t0) * 1e-9,
                        sys.forceEvaluations(), sys.listBuilds(), last, total - prodFrom, prodFrom < total ? (tEnd - tProd) * 1e-9 : 0);
            } finally {
                for (Observer o : obs) o.close();
            }
        }
    }

    private static long[] lengths(long[][] lens, int k) { return k < lens.length ? lens[k] : new long[0]; }

    /** Per-observer stream lengths flattened as [count₀, l…, count₁, l…, …] for the checkpoint. */
    static long[] pack(long[][] l) {
        int n = 0;
        for (long[] a : l) n += 1 + a.length;
        long[] r = new long[n];
        int k = 0;
        for (long[] a : l) {
            r[k++] = a.length;
            for (long v : a) r[k++] = v;
        }
        return r;
    }

    static long[][] unpack(long[] r) {
        List<long[]> out = new ArrayList<>();
        for (int k = 0; k < r.length; ) {
            int c = (int) r[k++];
            out.add(java.util.Arrays.copyOfRange(r, k, k + c));
            k += c;
        }
        return out.toArray(new long[0][]);
    }

    private static void observe(List<Observer> obs, MdSystem sys, long step, double dt) throws IOException {
        for (Observer o : obs) {
            if (step % o.every() == 0) o.observe(sys, step, step * dt);
        }
    }

    private static UnstableRunException unstable(long step, String what, Path ckpt, long lastCheckpoint, boolean haveCheckpoint) {
        return new UnstableRunException("unstable run at step " + step + ": " + what + "; "
                + (haveCheckpoint ? "the last good checkpoint is " + ckpt + " (step " + lastCheckpoint + ")" : "no checkpoint was written yet")
                + "; try a smaller {dt}");
    }

    /**
     * The key of a run: the spec's key with the thread count and the kernels, which change the
     * trajectory bit for bit, so a checkpoint only resumes the run that wrote it.
     */
    static String runKey(String specKey, int threads, String kernels) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((specKey + "/threads=" + threads + "/kernels=" + kernels)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The force kernels this process uses ({@code scalar} or {@code simd-LANES}); part of the run key. */
    static String kernels() { return Simd.enabled() ? "simd-" + Simd.doubleLanes() : "scalar"; }

    /**
     * Whether {@code dir} holds a run worth protecting: complete with its outputs, or with a
     * checkpoint or a streamed output. A run.json alone (a start that never got going) is not one.
     */
    private static boolean holdsRun(Path dir) throws IOException {
        if (Files.exists(dir.resolve("checkpoint.bin"), LinkOption.NOFOLLOW_LINKS)) return true;
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(f -> STREAMED.contains(f) || f.endsWith(".part") && STREAMED.contains(f.substring(0, f.length() - 5)));
        }
    }

    private static final java.util.Set<String> STREAMED = java.util.Set.of("thermo.csv", "traj.dump", "is.dump", "is_energy.csv");

    /** The refusal of a directory holding another run, naming what differs when it is only the threads or kernels. */
    private static IllegalArgumentException otherRun(Path dir, RunRecord prior, String specKey, String key, int threads,
                                                     String kernels) {
        String advice = "; choose another {out} or remove it";
        if (specKey.equals(prior.key())) {   // run.json of an older softglass: key without threads and kernels
            return new org.softglass.core.util.InvalidParameter(dir + " holds this run started by an older softglass (no thread count recorded, an older"
                    + " checkpoint format); it cannot be resumed" + advice);
        }
        if (specKey.equals(prior.specKey())) {
            if (!String.valueOf(threads).equals(String.valueOf(prior.threads()))) {
                return new org.softglass.core.util.InvalidParameter(dir + " holds a run with {threads} " + prior.threads() + "; this command has {threads} "
                        + threads + " (a run resumes only with the thread count it started with: rerun with {threads} " + prior.threads()
                        + advice + ")");
            }
            return new org.softglass.core.util.InvalidParameter(dir + " holds a run made with the " + prior.kernels() + " kernels; this process uses the "
                    + kernels + " kernels (-Dsoftglass.simd)" + advice);
        }
        return new IllegalArgumentException(dir + " holds a run with other parameters (run.json key " + prior.key()
                + ", this run " + key + ")" + advice);
    }

    private static void writeRunJson(Path f, RunSpec spec, String key, String specKey, int threads, String kernels, boolean complete)
            throws IOException {
        new RunRecord(key, complete, specKey, threads, kernels, new LinkedHashMap<>(spec.asMap())).write(f);
    }
}
