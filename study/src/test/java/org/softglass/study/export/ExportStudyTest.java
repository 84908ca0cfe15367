package org.softglass.study.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.FrameSet;
import org.softglass.study.LatticeTrajectory;
import org.softglass.study.StudyFixture;
import org.softglass.study.rearrange.D2minStudy;

/** {@link ExportStudy} called from Java: a D²_min column on a lattice trajectory. */
class ExportStudyTest extends StudyFixture {
    ExportStudyTest() {
        super(1);
    }

    @Test
    void theD2minColumnIsTheCsvInEveryFrameWritten() throws IOException {
        LatticeD2min lattice = latticeD2min();
        Path traj = lattice.traj(), csv = lattice.csv();
        D2minStudy.Result d = lattice.result();
        Path out = dir.resolve("sub/x.dump");
        ExportStudy.Products products = new ExportStudy.Products(null, null, csv, null);
        FrameSet frames = new FrameSet(0, 3, new TreeSet<>(List.of(0, 2)), "0,2");
        ExportStudy.Result r = ExportStudy.run(new ExportStudy.Request(traj, products, ExportStudy.Format.of(out), frames, out), ctx);
        assertEquals(List.of("d2min"), r.columns());
        assertEquals(List.of(0L, 2 * LatticeTrajectory.STEPS), r.timesteps());
        List<String> lines = Files.readAllLines(out);
        assertEquals("ITEM: ATOMS id type x y z ix iy iz d2min", lines.get(8));
        assertEquals(2 * (9 + LatticeTrajectory.N), lines.size());
        for (int k = 0; k < 2; k++) {
            String[] row = lines.get(k * (9 + LatticeTrajectory.N) + 9).trim().split("\\s+");
            assertEquals("1", row[0]);
            assertEquals(d.d2min().d2min()[0], Double.parseDouble(row[8]), 1e-12);
        }
        var man = new ObjectMapper().readTree(r.manifest().toFile());
        assertEquals("0,2", man.path("parameters").path("frames").asText(), man.toString());
        assertEquals("lammps-dump", man.path("parameters").path("format").asText());
        assertEquals(2, man.path("results").path("frames_written").asInt());
    }

    @Test
    void refusalsNameTheParameter() throws IOException {
        assertEquals("nothing to export: give {softness} DIR, {phop} DIR, {d2min} FILE.csv and/or {kappa} DIR",
                assertThrows(InvalidParameter.class, () -> new ExportStudy.Products(null, null, null, null)).template());
        assertEquals(ExportStudy.Format.EXTXYZ, ExportStudy.Format.of(Path.of("a.extxyz.gz")));
        assertEquals(ExportStudy.Format.LAMMPS_DUMP, ExportStudy.Format.resolve("LAMMPS", Path.of("a.xyz")));
        assertThrows(InvalidParameter.class, () -> ExportStudy.Format.of(Path.of("a.txt")));
        LatticeD2min lattice = latticeD2min();
        Path traj = lattice.traj(), csv = lattice.csv();
        Path out = dir.resolve("x.xyz");
        ExportStudy.Request req = new ExportStudy.Request(traj, new ExportStudy.Products(null, null, csv, null), ExportStudy.Format.EXTXYZ,
                FrameSet.range(5, 7), out);
        InvalidParameter e = assertThrows(InvalidParameter.class, () -> ExportStudy.run(req, ctx));
        assertEquals("{frames} 5:7: no such frame in " + traj + " (it has 3 frames)", e.template());
        assertFalse(Files.exists(out));
    }
}
