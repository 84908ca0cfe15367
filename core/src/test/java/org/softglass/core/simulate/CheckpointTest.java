package org.softglass.core.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.particles.ParticleStore;

/** {@link Checkpoint}: a round trip is exact, and a corrupted or old-format file is refused by name. */
class CheckpointTest {

    private static ParticleStore particles(int n) {
        ParticleStore p = ParticleStore.allocate(n);
        for (int i = 0; i < n; i++) {
            p.setPosition(i, 0.1 * i, 0.2 * i, 0.3 * i);
            p.setVelocity(i, -i, i * 0.5, 1.0 / (i + 1));
            p.setImage(i, 0, i - 1);
            p.setSpecies(i, i % 2);
            p.setId(i, i + 1);
        }
        return p;
    }

    @Test
    void roundTripIsExact(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("checkpoint.bin");
        try (ParticleStore p = particles(5); ParticleStore q = ParticleStore.allocate(5)) {
            new Checkpoint("key", 42, new double[] {1.5, -2}, new long[] {1, 77}).write(f, p);
            Checkpoint c = Checkpoint.read(f, q);
            assertEquals("key", c.runKey());
            assertEquals(42, c.steps());
            assertArrayEquals(new double[] {1.5, -2}, c.integratorState());
            assertArrayEquals(new long[] {1, 77}, c.outputLengths());
            for (int i = 0; i < 5; i++) {
                for (int a = 0; a < 3; a++) {
                    assertEquals(p.pos(i, a), q.pos(i, a));
                    assertEquals(p.vel(i, a), q.vel(i, a));
                    assertEquals(p.image(i, a), q.image(i, a));
                }
                assertEquals(p.species(i), q.species(i));
                assertEquals(p.id(i), q.id(i));
            }
        }
    }

    /** One flipped bit anywhere (here in a velocity) is a corrupted checkpoint, not a different trajectory. */
    @Test
    void flippedBitIsRefused(@TempDir Path tmp) throws IOException {
        InputFormatException e = damagedIsRefused(tmp.resolve("checkpoint.bin"), b -> {
            b[b.length - 100] ^= 0x10;
            return b;
        });
        assertTrue(e.getMessage().contains("checksum") && e.getMessage().contains("delete"), e.getMessage());
    }

    /** A truncated file is refused too. */
    @Test
    void truncatedFileIsRefused(@TempDir Path tmp) throws IOException {
        damagedIsRefused(tmp.resolve("checkpoint.bin"), b -> java.util.Arrays.copyOf(b, b.length - 9));
    }

    /**
     * Writes a checkpoint of 5 particles to {@code f}, rewrites its bytes through {@code damage}, and asserts that
     * reading it back is refused with a message that starts with the file name; returns the refusal.
     */
    private static InputFormatException damagedIsRefused(Path f, java.util.function.UnaryOperator<byte[]> damage) throws IOException {
        try (ParticleStore p = particles(5); ParticleStore q = ParticleStore.allocate(5)) {
            new Checkpoint("key", 42, new double[] {1.5}, new long[0]).write(f, p);
            Files.write(f, damage.apply(Files.readAllBytes(f)));
            InputFormatException e = assertThrows(InputFormatException.class, () -> Checkpoint.read(f, q));
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
            return e;
        }
    }

    /** A checkpoint of the first format (no checksum) is refused with what to do, not resumed unchecked. */
    @Test
    void firstFormatIsRefusedWithAdvice(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("checkpoint.bin");
        try (DataOutputStream d = new DataOutputStream(Files.newOutputStream(f))) {
            d.writeUTF("SGCKPT01");
            d.writeUTF("key");
            d.writeLong(1);
            d.writeInt(1);
            d.writeInt(0);
            d.writeInt(0);
            for (int k = 0; k < 6; k++) d.writeDouble(0);
            for (int k = 0; k < 4; k++) d.writeInt(0);
            d.writeLong(1);
        }
        try (ParticleStore q = ParticleStore.allocate(1)) {
            InputFormatException e = assertThrows(InputFormatException.class, () -> Checkpoint.read(f, q));
            assertTrue(e.getMessage().contains("SGCKPT01") && e.getMessage().contains("delete"), e.getMessage());
        }
    }
}
