package org.softglass.core.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.LammpsDumpWriter;

/**
 * Writes the trajectory as a LAMMPS text dump with unwrapped coordinates
 * ({@code ITEM: ATOMS id type xu yu zu}, types 1-based, full precision), one frame every
 * {@link #every()} production steps; the TIMESTEP field is the production step.
 */
public final class DumpObserver implements Observer {
    private final long every;
    private final AppendFile file;
    private final LammpsDumpWriter writer;

    DumpObserver(Path target, long every, long[] resume) throws IOException {
        long resumeLength = resume.length > 0 ? resume[0] : 0;
        this.every = every;
        this.file = new AppendFile(target, resumeLength);
        this.writer = LammpsDumpWriter.of(file.stream(), LammpsDumpWriter.UNWRAPPED, false);
    }

    @Override public long every() { return every; }

    @Override
    public void observe(MdSystem s, long step, double time) throws IOException {
        writer.write(step, s.box(), s.particles(), Map.of());
    }

    @Override public long[] outputLengths() throws IOException { writer.flush(); return new long[] {file.length()}; }
    @Override public void complete() throws IOException { writer.flush(); file.complete(); }
    @Override public void close() throws IOException { writer.flush(); file.close(); }

    static List<String> columns() { return LammpsDumpWriter.UNWRAPPED; }
}
