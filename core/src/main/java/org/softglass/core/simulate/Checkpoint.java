package org.softglass.core.simulate;

import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.particles.ParticleStore;

/**
 * The complete state of a run after a given number of steps, in a small binary file (big-endian,
 * doubles bit-exact): magic {@code SGCKPT02}, the run key (a hash of the parameters and the thread
 * count), steps done, the integrator state, the byte lengths of the streamed outputs, per-particle
 * x y z vx vy vz (double), ix iy iz species (int), id (long), and last the CRC32C of every byte
 * before it (int). Written atomically (write, then rename), so a crash during the write keeps the
 * previous checkpoint; a file whose checksum does not match (a flipped bit, a truncation) or of the
 * first format ({@code SGCKPT01}, no checksum) is refused rather than resumed into another trajectory.
 */
public record Checkpoint(String runKey, long steps, double[] integratorState, long[] outputLengths) {
    private static final String MAGIC = "SGCKPT02", OLD_MAGIC = "SGCKPT01";
    private static final String ADVICE = "; delete it (or the whole output directory) to start the run afresh";

    /** Writes this checkpoint with the particles' state to {@code file}. */
    public void write(Path file, ParticleStore p) throws IOException {
        AtomicOutput.write(file, out -> {
            CheckedOutputStream sum = new CheckedOutputStream(new BufferedOutputStream(out, 1 << 16), new CRC32C());
            DataOutputStream d = new DataOutputStream(sum);
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
            d.writeInt((int) sum.getChecksum().getValue());
            d.flush();
        });
    }

    /**
     * Reads a checkpoint into {@code p} (which must have the recorded size) and returns its header.
     *
     * @throws InputFormatException naming the file if it is not a complete, intact checkpoint of
     *         this format (the message says to delete it)
     */
    public static Checkpoint read(Path file, ParticleStore p) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes, 0, Math.max(0, bytes.length - 4)))) {
            String magic = magic(file, bytes);
            if (OLD_MAGIC.equals(magic)) {
                throw new InputFormatException(file.toString(), -1, "a checkpoint of the first format (" + OLD_MAGIC
                        + ", no checksum), written by an older softglass; it cannot be resumed" + ADVICE);
            }
            if (!MAGIC.equals(magic)) throw new InputFormatException(file.toString(), -1, "not a softglass checkpoint (expected magic " + MAGIC + ")" + ADVICE);
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
                throw new InputFormatException(file.toString(), -1, "checksum mismatch: the checkpoint is corrupted" + ADVICE);
            }
            d.readUTF();
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
            if (d.available() > 0) throw new InputFormatException(file.toString(), -1, d.available() + " unexpected bytes after the particles" + ADVICE);
            return new Checkpoint(key, steps, st, lens);
        } catch (EOFException e) {
            throw new InputFormatException(file.toString(), -1, "truncated checkpoint" + ADVICE);
        }
    }

    /** The magic string at the start of {@code bytes}, or "" when there is none. */
    private static String magic(Path file, byte[] bytes) {
        try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return bytes.length >= 2 + MAGIC.length() + 4 ? d.readUTF() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
