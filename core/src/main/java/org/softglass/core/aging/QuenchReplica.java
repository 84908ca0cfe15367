package org.softglass.core.aging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.simulate.RunSpec;
import org.softglass.core.simulate.ScheduledObserver;
import org.softglass.core.simulate.Simulation;

/**
 * One replica of the MD aging protocol ({@link QuenchProtocol}) in its own directory, built from
 * {@link Simulation} runs so that each part resumes bit for bit from its checkpoint and a finished part is
 * not redone:
 * <pre>
 *   DIR/equilibrate/   melt (random start) or start file, equilibration at T_I; traj.dump = its last state
 *   DIR/T0.610/        the quench to T_F = 0.61: thermo.csv and softness.csv
 *                      (step,time,mean_s,centres,u_is_per_atom,converged; one row per waiting time)
 * </pre>
 * The quench run starts from {@code equilibrate/traj.dump} (its SHA-256 is in the run key), with fresh
 * Maxwell–Boltzmann velocities at T_F drawn with the replica's seed.
 */
public final class QuenchReplica {
    private QuenchReplica() {}

    /** Steps between checkpoints of every part. */
    static final long CHECKPOINT_EVERY = 5_000;
    /** Steps between thermo rows of every part. */
    static final long THERMO_EVERY = 200;

    /**
     * ⟨S⟩(t_w) of one replica at one T_F.
     *
     * @param replica replica index r (seed = base seed + r)
     * @param tFinal T_F
     * @param meanS ⟨S⟩ at each waiting time of the protocol
     * @param uIs IS energy per atom (ε) at each waiting time (NaN on thermal positions)
     */
    public record Series(int replica, double tFinal, double[] meanS, double[] uIs) {}

    /** Total MD steps of one replica (for progress). */
    public static long totalSteps(QuenchProtocol p) {
        return p.meltSteps() + p.equilibrateSteps() + p.tFinal().size() * p.waiting().lastStep();
    }

    /**
     * Runs (or resumes, or reads back) replica {@code r}.
     *
     * @param dir the replica's directory (created)
     * @param probe the ⟨S⟩ measurement (its positions kind must be the protocol's)
     * @param progress called with the replica's steps done so far
     * @return one series per T_F, in the protocol's order
     */
    public static List<Series> run(QuenchProtocol p, int r, Path dir, SoftnessProbe probe, int threads, LongConsumer progress)
            throws IOException {
        if (probe.inherent() != p.inherent()) throw new IllegalArgumentException("probe and protocol disagree on the positions");
        long seed = p.seed() + r;
        Path eqDir = dir.resolve("equilibrate");
        RunSpec eq = new RunSpec(p.model(), p.n(), p.density(), p.tInitial(), p.dt(), 0, "nvt", p.tdamp(), seed, p.meltTemperature(),
                p.meltSteps(), p.equilibrateSteps(), THERMO_EVERY, 1, CHECKPOINT_EVERY, p.skin(), false, p.fractionA(), p.initial());
        Simulation.run(eq, eqDir, threads, progress::accept);
        long base = eq.totalSteps();
        Path start = eqDir.resolve("traj.dump");
        List<Series> out = new ArrayList<>();
        long[] steps = p.waiting().steps();
        for (double tf : p.tFinal()) {
            Path qDir = dir.resolve(QuenchProtocol.label(tf));
            RunSpec q = new RunSpec(p.model(), p.n(), p.density(), tf, p.dt(), p.waiting().lastStep(), "nvt", p.tdamp(), seed,
                    p.meltTemperature(), 0, 0, THERMO_EVERY, 0, CHECKPOINT_EVERY, p.skin(), false, p.fractionA(), start.toString());
            final long b = base;
            Simulation.run(q, qDir, threads, done -> progress.accept(b + done),
                    List.of(ScheduledObserver.factory("softness.csv", SoftnessProbe.HEADER, steps,
                            (s, step, time) -> probe.measure(s.box(), s.particles()).csv())));
            base += q.totalSteps();
            out.add(read(qDir.resolve("softness.csv"), r, tf, steps));
        }
        return out;
    }

    /** Reads a finished softness.csv and checks it holds exactly the scheduled steps. */
    static Series read(Path f, int r, double tf, long[] steps) throws IOException {
        org.softglass.core.io.CsvRows.Table t = org.softglass.core.io.CsvRows.readTable(f);
        if (t.rows().size() != steps.length) {
            throw new InputFormatException(f.toString(), -1, "has " + t.rows().size() + " rows, expected " + steps.length + " waiting times");
        }
        double[] s = new double[steps.length], u = new double[steps.length];
        for (int k = 0; k < steps.length; k++) {
            String[] c = t.rows().get(k);
            try {
                if (c.length < 5 || Long.parseLong(c[0]) != steps[k]) throw new NumberFormatException();
                s[k] = Double.parseDouble(c[2]);
                u[k] = Double.parseDouble(c[4]);
            } catch (NumberFormatException e) {
                throw t.error(k, "expected the row of step " + steps[k]);
            }
        }
        return new Series(r, tf, s, u);
    }
}
