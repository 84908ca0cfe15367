package org.softglass.core.simulate;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.minimize.NonFiniteEnergyException;
import org.softglass.core.minimize.Report;
import org.softglass.core.particles.ParticleStore;

/**
 * The inherent-structure trajectory: every {@link #every()} production steps a copy of the
 * configuration is quenched (cg+fire to a force norm of 1e-10 by default, {@link Minimizer}; the MD
 * state is untouched) and written to {@code is.dump} ({@code id type xu yu zu c_peatom}, unwrapped IS
 * positions) and {@code is_energy.csv} ({@code step,time,u_is_per_atom,fnorm,iterations,converged}).
 */
public final class InherentObserver implements Observer {
    static final String HEADER = "step,time,u_is_per_atom,fnorm,iterations,converged";
    private final long every;
    private final Minimizer minimizer;
    private final AppendFile dumpFile, csvFile;
    private final LammpsDumpWriter dump;
    private final PrintWriter csv;

    /** @param resume stream lengths {dump, csv} recorded by a checkpoint; empty for a fresh run */
    InherentObserver(Path dir, long every, Minimizer minimizer, long[] resume) throws IOException {
        long dumpLength = resume.length > 0 ? resume[0] : 0, csvLength = resume.length > 1 ? resume[1] : 0;
        this.every = every;
        this.minimizer = minimizer;
        this.dumpFile = new AppendFile(dir.resolve("is.dump"), dumpLength);
        this.csvFile = new AppendFile(dir.resolve("is_energy.csv"), csvLength);
        this.dump = LammpsDumpWriter.of(dumpFile.stream(), java.util.List.of("id", "type", "xu", "yu", "zu", "c_peatom"), false);
        this.csv = new PrintWriter(new OutputStreamWriter(csvFile.stream(), StandardCharsets.UTF_8));
        if (csvLength == 0) csv.println(HEADER);
    }

    /** A factory for {@link Simulation#run}. */
    public static Simulation.ObserverFactory factory(long every, MinimizeOptions options, org.softglass.core.energy.PairPotential pot) {
        return (dir, resume) -> new InherentObserver(dir, every, new Minimizer(pot, options), resume);
    }

    @Override public long every() { return every; }

    @Override
    public void observe(MdSystem s, long step, double time) throws IOException {
        try (ParticleStore copy = s.particles().copy()) {
            double[] pe = new double[copy.size()];
            Report r;
            try {
                r = minimizer.minimize(copy, s.box(), pe);
            } catch (NonFiniteEnergyException e) {   // the MD state itself blew up: report it as such
                throw new UnstableRunException("inherent structure of step " + step + ": " + e.getMessage());
            }
            dump.write(step, s.box(), copy, Map.of("c_peatom", pe));
            csv.println(step + "," + time + "," + r.energyPerAtom() + "," + r.fnorm() + "," + r.iterations() + "," + r.converged());
        }
    }

    @Override
    public long[] outputLengths() throws IOException {
        dump.flush();
        csv.flush();
        return new long[] {dumpFile.length(), csvFile.length()};
    }

    @Override
    public void complete() throws IOException {
        dump.flush();
        csv.flush();
        dumpFile.complete();
        csvFile.complete();
    }

    @Override
    public void close() throws IOException {
        csv.flush();
        dump.flush();
        dumpFile.close();
        csvFile.close();
        minimizer.close();
    }
}
