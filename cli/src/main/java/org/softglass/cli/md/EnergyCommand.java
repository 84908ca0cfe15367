package org.softglass.cli.md;

import org.softglass.cli.options.PairModelOption;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.Formats;
import org.softglass.cli.Progress;
import org.softglass.cli.RunOptions;
import org.softglass.cli.Version;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.Overlap;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.io.Manifest;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;
import org.softglass.core.space.Box;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass energy DUMP}: for every frame of a LAMMPS dump, the potential energy per particle
 * U/N (ε), the virial pressure W/(3V) and, when the dump has velocities, the kinetic temperature
 * (3N − 3 degrees of freedom, as LAMMPS) and the full pressure {@code (N_dof T + W)/(3V)}.
 * Optionally per-atom forces and energies (LAMMPS {@code pe/atom} convention) by particle id.
 */
@Command(name = "energy", mixinStandardHelpOptions = true,
        description = {"Potential energy per particle and pressure of every frame of a trajectory; optionally per-atom forces and energies.",
                "Summary CSV columns: frame,timestep,n,u_per_atom,virial_pressure,temperature,pressure (temperature and pressure empty without velocities)."})
public final class EnergyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DUMP", description = "Trajectory, any number of frames: " + Formats.TRAJECTORY + ".")
    Path dump;

    @picocli.CommandLine.Mixin
    PairModelOption pairModel = new PairModelOption();

    @Option(names = "--per-atom", paramLabel = "FILE.csv", description = "Write per-atom forces and energies: frame,timestep,id,type,fx,fy,fz,pe.")
    Path perAtom;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the per-frame summary here (and FILE.csv.manifest.json) instead of stdout.")
    Path out;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        PairPotential pot = Models.byName(pairModel.name());
        int nt = run.threads();
        AtomicOutput summary = out == null ? null : AtomicOutput.open(out);
        AtomicOutput atoms = perAtom == null ? null : AtomicOutput.open(perAtom);
        boolean ok = false;
        int frames = 0;
        double sumU = 0;
        try (TrajectoryReader reader = TrajectoryReader.open(dump);
             Parallel par = new Parallel(nt);
             Progress progress = Progress.frames("energy", run.quiet())) {
            PrintWriter sw = summary == null ? new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                    : writer(summary);
            PrintWriter aw = atoms == null ? null : writer(atoms);
            sw.println("frame,timestep,n,u_per_atom,virial_pressure,temperature,pressure");
            if (aw != null) aw.println("frame,timestep,id,type,fx,fy,fz,pe");
            ForceCompute fc = new ForceCompute(pot, par, org.softglass.core.simd.PairKernel.get());
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
                        requireFinite(r, p, box, frames, f.timestep());
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
                    progress.step();
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
        if (out != null) {
            Manifest m = new Manifest(Version.get(), "energy").param("model", pot.name()).param("potential", pot.description())
                    .param("threads", nt).input(dump).output(out).result("frames", frames).result("mean_u_per_atom", sumU / frames);
            if (perAtom != null) m.output(perAtom);
            m.write(Path.of(out + ".manifest.json"));
        }
        return ExitCodes.OK;
    }

    /**
     * Refuses a frame whose energy or forces are not finite (overlapping particles in the input file)
     * with an input error naming the frame, its timestep and, when found, the overlapping pair.
     */
    private void requireFinite(ForceCompute.Result r, ParticleStore p, Box box, int frame, long timestep) {
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
