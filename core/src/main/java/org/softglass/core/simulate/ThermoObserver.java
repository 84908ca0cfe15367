package org.softglass.core.simulate;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes {@code thermo.csv}: {@code step,time,temperature,pe,ke,press,conserved}, energies per
 * particle (LAMMPS {@code thermo_modify norm yes}); conserved = (K + U + extended)/N, the quantity
 * the integrator conserves (see {@link Integrator#extendedEnergy()}). Values in full precision.
 */
public final class ThermoObserver implements Observer {
    static final String HEADER = "step,time,temperature,pe,ke,press,conserved";
    private final long every;
    private final Integrator integrator;
    private final AppendFile file;
    private final PrintWriter w;
    private MdSystem.Thermo last;

    ThermoObserver(Path target, long every, Integrator integrator, long[] resume) throws IOException {
        long resumeLength = resume.length > 0 ? resume[0] : 0;
        this.every = every;
        this.integrator = integrator;
        this.file = new AppendFile(target, resumeLength);
        this.w = new PrintWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
        if (resumeLength == 0) w.println(HEADER);
    }

    @Override public long every() { return every; }

    @Override
    public void observe(MdSystem s, long step, double time) {
        MdSystem.Thermo t = s.thermo();
        last = t;
        int n = s.size();
        double conserved = (t.kinetic() + t.potential() + integrator.extendedEnergy()) / n;
        w.println(step + "," + time + "," + t.temperature() + "," + t.potential() / n + "," + t.kinetic() / n + ","
                + t.pressure() + "," + conserved);
        if (!Double.isFinite(conserved)) {
            w.flush();
            org.softglass.core.energy.Overlap o = org.softglass.core.energy.Overlap.find(s.particles(), s.box());
            throw new UnstableRunException("step " + step + ": energy is " + conserved + " (NaN or infinite)"
                    + (o != null ? "; likely cause: " + o.describe() : ""));
        }
    }

    /** The last thermo state written (null before the first). */
    public MdSystem.Thermo last() { return last; }

    @Override public long[] outputLengths() throws IOException { w.flush(); return new long[] {file.length()}; }
    @Override public void complete() throws IOException { w.flush(); file.complete(); }
    @Override public void close() throws IOException { w.flush(); file.close(); }
}
