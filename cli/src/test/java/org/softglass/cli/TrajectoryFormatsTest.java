package org.softglass.cli;

import org.softglass.cli.md.QuenchCommandTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.ExtendedXyzWriter;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;

/**
 * Every trajectory-reading command takes the three formats: the same 20 LAMMPS frames as a dump, as
 * extended XYZ and as the HOOMD GSD file shipped in {@code examples/data} (made by
 * {@code examples/data/make_gsd.py} with python3-gsd) give the same p_hop.
 */
class TrajectoryFormatsTest {
    private static final Path GSD = Path.of("..", "examples", "data", "ka_N1000_T0.8_traj.gsd");
    @TempDir Path dir;

    private double[] phop(Path traj, String out) throws IOException {
        CliRunner.Result r = CliRunner.run("phop", traj.toString(), "--tr", "4", "--out", dir.resolve(out).toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        NpyArray a = NpyReader.read(dir.resolve(out).resolve("phop.npy"));
        assertArrayEquals(new long[] {20, 1000}, a.shape());
        return a.doubles();
    }

    @Test
    void dumpExtendedXyzAndGsdGiveTheSamePhop() throws IOException {
        Path dump = QuenchCommandTest.firstFrames(dir, 20), xyz = dir.resolve("traj.xyz");
        try (LammpsDumpReader r = LammpsDumpReader.open(dump)) {
            ExtendedXyzWriter.write(xyz, w -> {
                w.numericSpecies().images(true);
                for (Frame f; (f = r.next()) != null; ) {
                    try (Frame g = f) {
                        w.write(g);
                    }
                }
            });
        }
        double[] fromDump = phop(dump, "dump"), fromXyz = phop(xyz, "xyz"), fromGsd = phop(GSD, "gsd");
        // extended XYZ carries the dump's doubles exactly
        assertArrayEquals(fromDump, fromXyz, 0.0);
        // GSD stores float32 positions shifted by L/2 (box centred on 0): each coordinate within
        // ulp(4.7)/2 = 2.4e-7 σ of the dump's, so p_hop (a length, ~0.01–0.5 σ) moves by about that much
        double worst = 0;
        for (int k = 0; k < fromDump.length; k++) {
            if (Double.isNaN(fromDump[k])) {
                assertTrue(Double.isNaN(fromGsd[k]), "entry " + k);
                continue;
            }
            worst = Math.max(worst, Math.abs(fromDump[k] - fromGsd[k]));
        }
        assertTrue(worst < 2e-6, "largest |p_hop(dump) - p_hop(gsd)| = " + worst);
        assertTrue(worst > 0, "the GSD file must hold float32 positions, not a copy of the dump");
    }
}
