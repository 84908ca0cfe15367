package org.softglass.study.md;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.Overlap;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;
import org.softglass.core.simd.PairKernel;
import org.softglass.core.space.Box;
import org.softglass.study.StudyContext;

/**
 * For every frame of a trajectory: the potential energy per particle U/N (ε), the virial pressure W/(3V) and, when the
 * frame has velocities, the kinetic temperature T = Σ v²/(3N − 3) (as LAMMPS, unit masses) and the full pressure
 * (N_dof T + W)/(3V); optionally the per-atom forces and energies (LAMMPS {@code pe/atom} split) by particle id.
 *
 * <p>The summary CSV ({@link #SUMMARY_HEADER}, one row per frame; temperature and pressure empty without velocities)
 * goes to {@link Request#summary()}, written atomically with {@code FILE.manifest.json} beside it, or, when that is
 * null, to a caller's stream (the command line's stdout), with no manifest. The per-atom CSV ({@link #PER_ATOM_HEADER},
 * rows sorted by id within each frame) is written atomically too: a failed run leaves neither file.
 */
public final class EnergyStudy {
    /** The header of the per-frame summary. */
    public static final String SUMMARY_HEADER = "frame,timestep,n,u_per_atom,virial_pressure,temperature,pressure";
    /** The header of the per-atom CSV. */
    public static final String PER_ATOM_HEADER = "frame,timestep,id,type,fx,fy,fz,pe";

    private EnergyStudy() {}

    /**
     * @param dump    the trajectory, any number of frames
     * @param model   the pair potential preset ({@link Models#byName}; checked here)
     * @param summary the summary CSV to write (and {@code summary.manifest.json}), or null for the caller's stream
     * @param perAtom the per-atom CSV to write, or null for none
     */
    public record Request(Path dump, String model, Path summary, Path perAtom) {
        public Request {
            Models.byName(model);
        }
    }

    /**
     * @param frames            frames read
     * @param meanEnergyPerAtom the mean over frames of U/N (ε)
     * @param manifest          the manifest written, or null when the summary went to a stream
     */
    public record Result(int frames, double meanEnergyPerAtom, Path manifest) {}

    /** {@link #run(Request, OutputStream, StudyContext)} with a stream-bound summary discarded. */
    public static Result run(Request req, StudyContext ctx) throws IOException {
        return run(req, OutputStream.nullOutputStream(), ctx);
    }

    /**
     * Computes the energies of every frame of {@code req.dump()}.
     *
     * @param stream where the summary goes when {@link Request#summary()} is null (flushed, not closed)
     */
    public static Result run(Request req, OutputStream stream, StudyContext ctx) throws IOException {
        PairPotential pot = Models.byName(req.model());
        int nt = ctx.threads();
        Path dump = req.dump();
        AtomicOutput summary = req.summary() == null ? null : AtomicOutput.open(req.summary());
        AtomicOutput atoms = req.perAtom() == null ? null : AtomicOutput.open(req.perAtom());
        boolean ok = false;
        int frames = 0;
        double sumU = 0;
        try (TrajectoryReader reader = TrajectoryReader.open(dump);
             Parallel par = new Parallel(nt);
             StudyContext.Meter progress = ctx.progress().start("energy", -1, "frames")) {
            PrintWriter sw = summary == null ? new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)) : writer(summary);
            PrintWriter aw = atoms == null ? null : writer(atoms);
            sw.println(SUMMARY_HEADER);
            if (aw != null) aw.println(PER_ATOM_HEADER);
            ForceCompute fc = new ForceCompute(pot, par, PairKernel.get());
            NeighborListBuilder builder = null; // reused while the box stays the same (it owns a thread pool)
            try {
                for (Frame next; (next = reader.next()) != null; frames++) {
                    try (Frame f = next) {
                        ParticleStore p = f.particles();
                        Box box = f.box();
                        int n = p.size();
                        double[] e = new double[n];
                        ForceCompute.Result r;
                        try {
                            if (builder == null || !builder.box().sameAs(box, 0.0)) {
                                if (builder != null) builder.close();
                                builder = null;
                                builder = new NeighborListBuilder(box, pot.maxCutoff(), nt);
                            }
                            try (NeighborList nl = builder.build(p, NeighborList.Kind.FULL)) {
                                r = fc.compute(p, box, nl, e);
                            }
                        } catch (IllegalArgumentException ex) {
                            throw new IllegalArgumentException(dump + ": frame " + frames + " (timestep " + f.timestep() + "): " + ex.getMessage());
                        }
                        requireFinite(dump, r, p, box, frames, f.timestep());
                        String temp = "", press = "";
                        if (f.hasVelocities() && n > 1) {
                            double k2 = 0;
                            for (int i = 0; i < n; i++) {
                                for (int a = 0; a < 3; a++) k2 += p.vel(i, a) * p.vel(i, a);
                            }
                            double dof = 3.0 * n - 3.0, t = k2 / dof;
                            temp = Double.toString(t);
                            press = Double.toString(r.pressure(box, dof, t));
                        }
                        sumU += r.energy() / n;
                        sw.println(frames + "," + f.timestep() + "," + n + "," + r.energy() / n + "," + r.virialPressure(box) + "," + temp + "," + press);
                        if (aw != null) {
                            for (int k : p.slotsSortedById()) {
                                aw.println(frames + "," + f.timestep() + "," + p.id(k) + "," + (p.species(k) + 1) + ","
                                        + p.force(k, 0) + "," + p.force(k, 1) + "," + p.force(k, 2) + "," + e[k]);
                            }
                        }
                    }
                    progress.stepTo(frames + 1L);
                }
            } finally {
                if (builder != null) builder.close();
            }
            if (frames == 0) throw new IllegalArgumentException(dump + ": no frames found");
            sw.flush();
            if (aw != null) aw.flush();
            if (summary != null) summary.commit();
            if (atoms != null) atoms.commit();
            ok = true;
        } finally {
            if (!ok) {
                if (summary != null) summary.abort();
                if (atoms != null) atoms.abort();
            }
        }
        Path manifest = null;
        if (req.summary() != null) {
            manifest = Path.of(req.summary() + ".manifest.json");
            Manifest m = new Manifest(ctx.version(), "energy").param("model", pot.name()).param("potential", pot.description())
                    .param("threads", nt).input(dump).output(req.summary()).result("frames", frames).result("mean_u_per_atom", sumU / frames);
            if (req.perAtom() != null) m.output(req.perAtom());
            m.write(manifest);
        }
        return new Result(frames, sumU / frames, manifest);
    }

    /**
     * Refuses a frame whose energy or forces are not finite (overlapping particles in the input file) with an input
     * error naming the frame, its timestep and, when found, the overlapping pair.
     */
    private static void requireFinite(Path dump, ForceCompute.Result r, ParticleStore p, Box box, int frame, long timestep) {
        boolean ok = Double.isFinite(r.energy()) && Double.isFinite(r.virial());
        for (int a = 0; a < 3 && ok; a++) {
            for (int i = 0; i < p.size() && ok; i++) ok = Double.isFinite(p.force(i, a));
        }
        if (ok) return;
        Overlap o = Overlap.find(p, box);
        throw new InputFormatException(dump.getFileName().toString(), -1, "frame " + frame + " (timestep " + timestep
                + "): non-finite potential energy or forces (U = " + r.energy() + ")" + (o != null ? ": " + o.describe() : "")
                + "; expected distinct particle positions");
    }

    private static PrintWriter writer(AtomicOutput o) {
        Writer w = new OutputStreamWriter(o.stream(), StandardCharsets.UTF_8);
        return new PrintWriter(new BufferedWriter(w, 1 << 16));
    }
}
