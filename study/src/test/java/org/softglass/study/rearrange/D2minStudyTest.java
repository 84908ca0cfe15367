package org.softglass.study.rearrange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.LatticeTrajectory;
import org.softglass.study.StudyFixture;

/** {@link D2minStudy} called from Java on a lattice with a known answer. */
class D2minStudyTest extends StudyFixture {
    D2minStudyTest() {
        super(2);
    }

    @Test
    void theKickedParticleAloneIsNonAffineAndTheCsvSaysSo() throws IOException {
        LatticeD2min lattice = latticeD2min();
        Path csv = lattice.csv();
        D2minStudy.Result r = lattice.result();
        assertEquals(LatticeTrajectory.N, r.particles());
        assertEquals(LatticeTrajectory.N, r.defined());
        double want = 18 * LatticeTrajectory.KICK * LatticeTrajectory.KICK;
        List<String> rows = Files.readAllLines(csv);
        assertEquals(D2minStudy.HEADER, rows.get(0));
        assertEquals(LatticeTrajectory.N + 1, rows.size());
        String[] first = rows.get(1).split(",");
        assertEquals("1", first[0]);
        assertEquals(want, Double.parseDouble(first[2]), 1e-9);
        assertEquals(18, Integer.parseInt(first[3]));
        assertEquals(want, r.d2min().d2min()[0], 1e-9);
        // a particle far from id 1 moved affinely
        int far = 2 * 16 + 2 * 4 + 2;
        assertEquals(0.0, r.d2min().d2min()[far], 1e-12);
        var man = new ObjectMapper().readTree(Path.of(csv + ".manifest.json").toFile());
        assertEquals("test", man.path("version").asText());
        assertEquals(r.mean(), man.path("results").path("mean_d2min").asDouble(), 1e-15);
    }

    @Test
    void badRequestsNameTheParameter() throws IOException {
        Path traj = latticeTrajectory();
        InvalidParameter e = assertThrows(InvalidParameter.class, () -> new D2minStudy.Request(traj, 2, 1, 1.5, 0.005));
        assertEquals("need 0 <= {from} < {to}, got {from} 2 {to} 1", e.template());
        assertThrows(InvalidParameter.class, () -> new D2minStudy.Request(traj, 0, 1, -1, 0.005));
        InputFormatException short_ = assertThrows(InputFormatException.class,
                () -> D2minStudy.run(new D2minStudy.Request(traj, 0, 9, 1.5, 0.005), dir.resolve("e.csv"), ctx));
        assertEquals("lattice.dump: has 3 frames, expected at least 10 for {to} 9", short_.template());
        assertFalse(Files.exists(dir.resolve("e.csv")));
        assertTrue(short_.getMessage().endsWith("for to 9"), short_.getMessage());
    }
}
