package org.softglass.core.simulate;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.minimize.NonFiniteEnergyException;
import org.softglass.core.minimize.ParallelQuench;
import org.softglass.core.minimize.Report;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * The inherent-structure trajectory: every {@link #every()} production steps a copy of the
 * configuration is quenched (by default cg+fire to a force norm of 1e-10, {@link Minimizer}; the MD
 * state is untouched) and written to {@code is.dump} ({@code id type xu yu zu c_peatom}, unwrapped IS
 * positions) and {@code is_energy.csv} ({@code step,time,u_is_per_atom,fnorm,iterations,converged}).
 *
 * <p>The copies are quenched by a {@link ParallelQuench}: one frame per worker, each with one
 * thread, while the MD goes on; rows are written in step order, and at most 2·workers copies wait.
 * Each inherent structure is therefore the one-thread quench of its frame whatever the number of
 * workers. Before the stream lengths are taken for a checkpoint ({@link #outputLengths()}) and at
 * the end, every queued frame is finished and written, so a checkpoint never points past a frame
 * that is still being quenched.
 */
public final class InherentObserver implements Observer {
    static final String HEADER = "step,time,u_is_per_atom,fnorm,iterations,converged";
    private final long every;
    private final ParallelQuench<Snapshot> quench;
    private final AppendFile dumpFile, csvFile;
    private final LammpsDumpWriter dump;
    private final PrintWriter csv;

    /** A copy of the MD state at one step, owned until its inherent structure is written. */
    private record Snapshot(long step, double time, Box box, ParticleStore particles) implements AutoCloseable {
        @Override
        public void close() { particles.close(); }
    }

    /** @param resume stream lengths {dump, csv} recorded by a checkpoint; empty for a fresh run */
    InherentObserver(Path dir, long every, PairPotential potential, MinimizeOptions options, int workers, long[] resume) throws IOException {
        long dumpLength = resume.length > 0 ? resume[0] : 0, csvLength = resume.length > 1 ? resume[1] : 0;
        this.every = every;
        this.dumpFile = new AppendFile(dir.resolve("is.dump"), dumpLength);
        this.csvFile = new AppendFile(dir.resolve("is_energy.csv"), csvLength);
        this.dump = LammpsDumpWriter.of(dumpFile.stream(), java.util.List.of("id", "type", "xu", "yu", "zu", "c_peatom"), false);
        this.csv = new PrintWriter(new OutputStreamWriter(csvFile.stream(), StandardCharsets.UTF_8));
        if (csvLength == 0) csv.println(HEADER);
        // a non-finite quench means the MD state itself blew up: report it as such, naming its step
        this.quench = new ParallelQuench<>(potential, options, workers, this::write, (snap, e) -> e instanceof NonFiniteEnergyException
                ? new UnstableRunException("inherent structure of step " + snap.step() + ": " + e.getMessage()) : e);
    }

    /**
     * A factory for {@link Simulation#run}.
     *
     * @param options the minimiser (its thread count is ignored: each frame is quenched on one thread)
     * @param workers frames quenched at once, ≥ 1
     */
    public static Simulation.ObserverFactory factory(long every, MinimizeOptions options, PairPotential pot, int workers) {
        return (dir, resume) -> new InherentObserver(dir, every, pot, options, workers, resume);
    }

    @Override public long every() { return every; }

    @Override
    public void observe(MdSystem s, long step, double time) throws IOException {
        ParticleStore copy = s.particles().copy();
        quench.submit(new Snapshot(step, time, s.box(), copy), copy, s.box());
    }

    private void write(Snapshot snap, double[] pe, Report r) throws IOException {
        dump.write(snap.step(), snap.box(), snap.particles(), Map.of("c_peatom", pe));
        csv.println(snap.step() + "," + snap.time() + "," + r.energyPerAtom() + "," + r.fnorm() + "," + r.iterations() + "," + r.converged());
    }

    @Override
    public long[] outputLengths() throws IOException {
        quench.flush();
        dump.flush();
        csv.flush();
        return new long[] {dumpFile.length(), csvFile.length()};
    }

    @Override
    public void complete() throws IOException {
        quench.flush();
        dump.flush();
        csv.flush();
        dumpFile.complete();
        csvFile.complete();
    }

    @Override
    public void close() throws IOException {
        quench.close();
        csv.flush();
        dump.flush();
        dumpFile.close();
        csvFile.close();
    }
}
