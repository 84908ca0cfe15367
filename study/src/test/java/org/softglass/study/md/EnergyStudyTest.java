package org.softglass.study.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.energy.Models;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.study.StudyContext;

/** {@link EnergyStudy} called from Java: one KA A–A pair, whose energy is the pair potential at its distance. */
class EnergyStudyTest {
    @TempDir Path dir;
    private final StudyContext ctx = StudyContext.of(2, "test");
    private static final double R = 1.1;

    /** Two type-1 particles R apart in a box of 10, at timesteps 0 and 5. */
    private Path pair() throws IOException {
        Box box = Box.cubic(10);
        Path file = dir.resolve("pair.dump");
        LammpsDumpWriter.write(file, LammpsDumpWriter.WRAPPED_IMAGES, w -> {
            for (long step : new long[] {0, 5}) {
                try (ParticleStore s = ParticleStore.allocate(2)) {
                    for (int i = 0; i < 2; i++) {
                        s.setId(i, i + 1);
                        s.setSpecies(i, 0);
                        s.setPosition(i, 5 + i * R, 5, 5);
                    }
                    w.write(step, box, s, Map.of());
                }
            }
        });
        return file;
    }

    @Test
    void uPerAtomIsHalfThePairEnergyInTheFileAndTheResult() throws IOException {
        Path dump = pair();
        double want = Models.byName("ka").energy(0, 0, R * R) / 2;
        Path csv = dir.resolve("e.csv"), atoms = dir.resolve("atoms.csv");
        EnergyStudy.Result r = EnergyStudy.run(new EnergyStudy.Request(dump, "ka", csv, atoms), ctx);
        assertEquals(2, r.frames());
        assertEquals(want, r.meanEnergyPerAtom(), 1e-12);
        List<String> rows = Files.readAllLines(csv);
        assertEquals(EnergyStudy.SUMMARY_HEADER, rows.get(0));
        String[] f = rows.get(2).split(",", -1);
        assertEquals("1", f[0]);
        assertEquals("5", f[1]);
        assertEquals(want, Double.parseDouble(f[3]), 1e-12);
        assertEquals("", f[5], "no velocities: no temperature");
        assertEquals(1 + 2 * 2, Files.readAllLines(atoms).size());
        assertEquals(Path.of(csv + ".manifest.json"), r.manifest());
        assertEquals(true, Files.exists(r.manifest()));

        // without a summary file: the same rows on the caller's stream, no manifest
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EnergyStudy.Result s = EnergyStudy.run(new EnergyStudy.Request(dump, "ka", null, null), bytes, ctx);
        assertNull(s.manifest());
        assertEquals(Files.readString(csv), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownModelOrMissingFileIsRefusedWithoutOutput() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> new EnergyStudy.Request(dir.resolve("x.dump"), "lj", null, null));
        Path csv = dir.resolve("e.csv");
        assertThrows(IOException.class, () -> EnergyStudy.run(new EnergyStudy.Request(dir.resolve("nope.dump"), "ka", csv, null), ctx));
        assertFalse(Files.exists(csv));
    }
}
