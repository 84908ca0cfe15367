package org.softglass.core.simulate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.particles.ParticleStore;

/**
 * The complete state of a run after a given number of steps, in a small binary file (big-endian,
 * doubles bit-exact): magic {@code SGCKPT01}, the run key (a hash of the parameters), steps done,
 * the integrator state, per-particle x y z vx vy vz (double), ix iy iz species (int), id (long), and
 * the byte lengths of the streamed outputs. Written atomically (write, then rename), so a crash
 * during the write keeps the previous checkpoint.
 */
public record Checkpoint(String runKey, long steps, double[] integratorState, long[] outputLengths) {
    private static final String MAGIC = "SGCKPT01";

    /** Writes this checkpoint with the particles' state to {@code file}. */
    public void write(Path file, ParticleStore p) throws IOException {
        AtomicOutput.write(file, out -> {
            DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
            d.writeUTF(MAGIC);
            d.writeUTF(runKey);
            d.writeLong(steps);
            d.writeInt(p.size());
            d.writeInt(integratorState.length);
            for (double v : integratorState) d.writeDouble(v);
            d.writeInt(outputLengths.length);
            for (long v : outputLengths) d.writeLong(v);
            for (int a = 0; a < 3; a++) for (int i = 0; i < p.size(); i++) d.writeDouble(p.pos(i, a));
            for (int a = 0; a < 3; a++) for (int i = 0; i < p.size(); i++) d.writeDouble(p.vel(i, a));
            for (int a = 0; a < 3; a++) for (int i = 0; i < p.size(); i++) d.writeInt(p.image(i, a));
            for (int i = 0; i < p.size(); i++) d.writeInt(p.species(i));
            for (int i = 0; i < p.size(); i++) d.writeLong(p.id(i));
            d.flush();
        });
    }

    /**
     * Reads a checkpoint into {@code p} (which must have the recorded size) and returns its header.
     *
     * @throws InputFormatException naming the file if it is not a complete checkpoint
     */
    public static Checkpoint read(Path file, ParticleStore p) throws IOException {
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!MAGIC.equals(d.readUTF())) throw new InputFormatException(file.toString(), -1, "not a softglass checkpoint (expected magic " + MAGIC + ")");
            String key = d.readUTF();
            long steps = d.readLong();
            int n = d.readInt();
            if (n != p.size()) throw new InputFormatException(file.toString(), -1, "checkpoint holds " + n + " particles, the run has " + p.size());
            double[] st = new double[d.readInt()];
            for (int k = 0; k < st.length; k++) st[k] = d.readDouble();
            long[] lens = new long[d.readInt()];
            for (int k = 0; k < lens.length; k++) lens[k] = d.readLong();
            for (int a = 0; a < 3; a++) for (int i = 0; i < n; i++) p.setPos(i, a, d.readDouble());
            for (int a = 0; a < 3; a++) {
                var seg = p.velocities(a);
                for (int i = 0; i < n; i++) seg.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i, d.readDouble());
            }
            for (int a = 0; a < 3; a++) for (int i = 0; i < n; i++) p.setImage(i, a, d.readInt());
            for (int i = 0; i < n; i++) p.setSpecies(i, d.readInt());
            for (int i = 0; i < n; i++) p.setId(i, d.readLong());
            return new Checkpoint(key, steps, st, lens);
        } catch (EOFException e) {
            throw new InputFormatException(file.toString(), -1, "truncated checkpoint");
        }
    }
}
