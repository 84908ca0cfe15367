package org.softglass.study.mesoelastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.CsvRows;
import org.softglass.core.util.InvalidParameter;
import org.softglass.core.util.Refusal;
import org.softglass.study.StudyContext;
import org.softglass.study.elastic.ShearModulusStudy;
import org.softglass.study.elastic.StiffnessStudy;

/**
 * The mesoelastic workflow on a tiny IPL system (N = 100, three temperatures far apart, two structures each, 15 τ of
 * production): the table, τ_α against T, same bytes for the same request, a rerun that recomputes nothing, the κ and G
 * of the structure-parallel ensemble against the stiffness and shear-modulus studies on the same inherent structures.
 */
class MesoelasticWorkflowStudyTest {
    @TempDir Path dir;

    private static MesoelasticWorkflowStudy.Request tiny(double... temperatures) { return tiny(11, temperatures); }

    private static MesoelasticWorkflowStudy.Request tiny(long seed, double... temperatures) { return tiny(seed, null, temperatures); }

    /** The tiny IPL request with {@code seed} and F_s at {@code q} (null: the S(q) peak; also {@link MesoelasticPoolTest}'s runs). */
    static MesoelasticWorkflowStudy.Request tiny(long seed, Double q, double... temperatures) {
        return new MesoelasticWorkflowStudy.Request("ipl", 0.82, 100, java.util.Arrays.stream(temperatures).boxed().toList(),
                new MesoelasticWorkflowStudy.Md(0.005, 0.2, 2.0, 500, List.of(1000L), List.of(3000L), 10),
                new MesoelasticWorkflowStudy.Ensemble(2, 10, false, 1e-10, 1e-6),
                new MesoelasticWorkflowStudy.Dynamics(q, null, 2, 20), 0, seed);
    }

    @Test
    void tableResumeDeterminismAndElasticCrossCheck() throws IOException {
        MesoelasticWorkflowStudy.Request req = tiny(1.0, 2.0, 1.4);   // any order: run highest first
        Path a = dir.resolve("a");
        MesoelasticWorkflowStudy.Result r = MesoelasticWorkflowStudy.run(req, a, StudyContext.of(1, "test"));
        assertEquals(List.of(2.0, 1.4, 1.0), r.computed());
        assertEquals(List.of(), r.reused());

        CsvRows.Table t = CsvRows.readTable(a.resolve("table.csv"));
        assertEquals(List.of(TemperatureRow.CSV_HEADER.split(",")), t.header());
        assertEquals(3, t.rows().size());
        double prevTau = 0;
        for (int k = 0; k < 3; k++) {
            String[] row = t.rows().get(k);
            assertEquals(List.of(2.0, 1.4, 1.0).get(k), Double.parseDouble(row[0]));
            double tau = Double.parseDouble(row[1]);
            assertTrue(tau > prevTau, "tau_alpha grows as T falls: " + tau + " after " + prevTau + " at T = " + row[0]);
            prevTau = tau;
            assertTrue(Double.parseDouble(row[2]) > 0, "a block error at T = " + row[0]);
            assertTrue(Double.parseDouble(row[4]) > 0 && Double.parseDouble(row[7]) > 0, "kappa and G > 0");
            assertEquals("2", row[9]);
            assertEquals("20", row[10]);
            assertEquals(t.rows().get(0)[11], row[11], "one q for every temperature (the first S(q) peak)");
        }
        WorkflowFit fit = r.fit();
        assertTrue(fit.hasFit(), fit.refusal());
        assertEquals(0.1, fit.published().tTilde());
        assertEquals(0.4, fit.published().ellTilde());
        assertEquals(List.of("t_tilde", "ell_tilde"), fit.comparison().stream().map(WorkflowFit.Comparison::quantity).toList());
        assertEquals(fit.tTilde(), WorkflowFit.read(a.resolve("mesoelastic_fit.json")).tTilde());
        for (String f : List.of("tau_vs_kappa_over_T.png", "tau_vs_G_over_T.png", "kappa_G_vs_T.png", "fs_all.png", "manifest.json")) {
            assertTrue(Files.size(a.resolve(f)) > 500, f);
        }

        // a rerun reads every temperature: nothing is rewritten under T…/
        Map<Path, FileTime> before = mtimes(a);
        MesoelasticWorkflowStudy.Result again = MesoelasticWorkflowStudy.run(req, a, StudyContext.of(1, "test"));
        assertEquals(List.of(), again.computed());
        assertEquals(List.of(2.0, 1.4, 1.0), again.reused());
        assertEquals(before, mtimes(a));
        assertEquals(r.rows(), again.rows());

        // the same request in another directory: the same bytes
        Path b = dir.resolve("b");
        MesoelasticWorkflowStudy.run(req, b, StudyContext.of(1, "test"));
        for (String f : List.of("table.csv", "mesoelastic_fit.json", "T1.000/elastic/dipoles.csv", "T1.000/is/is.dump", "T1.000/fs/fs.csv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }

        // κ_ij and G of the structure-parallel ensemble equal the stiffness and shear-modulus studies on the same structures
        Path is = a.resolve("T1.400/is/is.dump");
        StiffnessStudy.Result st = StiffnessStudy.run(new StiffnessStudy.Request(List.of(is), "ipl", 10, false, 11, StiffnessStudy.Solver.CG, 1e-10, 0, 1e-6,
                null, null), dir.resolve("k"), StudyContext.of(1, "test"));
        ShearModulusStudy.Result sg = ShearModulusStudy.run(new ShearModulusStudy.Request(List.of(is), "ipl", 1e-10, 1e-6, null, null), dir.resolve("g"),
                StudyContext.of(1, "test"));
        TemperatureRow mid = r.rows().get(1);
        assertEquals(st.kappaMean(), mid.kappa(), 1e-12 * st.kappaMean());
        // G: shear-modulus uses the Vector-API product, the ensemble the scalar one; both solve to a relative residual of
        // 1e-10, and the non-affine term's error is second order in it: 1e-9 relative is a safe bound
        assertEquals(sg.gMean(), mid.g(), 1e-9 * Math.abs(sg.gMean()));
        assertEquals(Files.readString(dir.resolve("k/dipoles.csv")).lines().map(l -> l.split(",")[3]).toList(),
                Files.readString(a.resolve("T1.400/elastic/dipoles.csv")).lines().map(l -> l.split(",")[3]).toList(), "the same pairs, the same kappa_ij");
    }

    /** Another request in a directory that holds a study: refused with the file named, nothing recomputed. */
    @Test
    void aDirectoryOfAnotherStudyIsRefused() throws IOException {
        Path a = dir.resolve("a");
        MesoelasticWorkflowStudy.run(tiny(2.0), a, StudyContext.of(1, "test"));
        MesoelasticWorkflowStudy.Request other = new MesoelasticWorkflowStudy.Request("ipl", 0.82, 100, List.of(2.0),
                new MesoelasticWorkflowStudy.Md(0.005, 0.2, 2.0, 500, List.of(1000L), List.of(3000L), 10),
                new MesoelasticWorkflowStudy.Ensemble(3, 10, false, 1e-10, 1e-6), new MesoelasticWorkflowStudy.Dynamics(null, null, 2, 20), 0, 11);
        Refusal e = assertThrows(Refusal.class, () -> MesoelasticWorkflowStudy.run(other, a, StudyContext.of(1, "test")));
        assertTrue(e.getMessage().contains("T2.000/row.json was computed with other settings"), e.getMessage());
        // one temperature: no fit, the refusal is a value of the result
        assertNotNull(WorkflowFit.read(a.resolve("mesoelastic_fit.json")).refusal());
    }

    @Test
    void badRequestsNameTheParameter() {
        assertEquals("{temperatures} must be a finite number > 0, got -1.0",
                assertThrows(InvalidParameter.class, () -> tiny(1.0, -1.0)).template());
        assertEquals("{temperatures} lists 1.0 twice", assertThrows(InvalidParameter.class, () -> tiny(1.0, 1.0)).template());
        assertEquals("{steps} needs 1 or 3 values (one per temperature), got 2", assertThrows(InvalidParameter.class,
                () -> new MesoelasticWorkflowStudy.Request("ipl", 0.82, 100, List.of(1.0, 2.0, 3.0),
                        new MesoelasticWorkflowStudy.Md(0.005, 0.2, 2.0, 500, List.of(1000L), List.of(3000L, 4000L), 10),
                        new MesoelasticWorkflowStudy.Ensemble(2, 10, false, 1e-10, 1e-6), new MesoelasticWorkflowStudy.Dynamics(null, null, 2, 20), 0, 1))
                .template());
        assertEquals("{structures} 9 exceeds the 8 production frames; lower it or dump more often",
                assertThrows(InvalidParameter.class, () -> ParentFrames.indices(8, 9)).template());
        assertEquals("{structures} 400 exceeds the 301 production frames; lower it or dump more often", assertThrows(InvalidParameter.class,
                () -> new MesoelasticWorkflowStudy.Request("ipl", 0.82, 100, List.of(1.0), new MesoelasticWorkflowStudy.Md(0.005, 0.2, 2.0, 500,
                        List.of(1000L), List.of(3000L), 10), new MesoelasticWorkflowStudy.Ensemble(400, 10, false, 1e-10, 1e-6),
                        new MesoelasticWorkflowStudy.Dynamics(null, null, 2, 20), 0, 1)).template(), "refused before any MD");
        assertEquals("{blocks} 200 leaves fewer than 2 of the 301 production frames at T = 1.0 in each block; lower it or run longer",
                assertThrows(InvalidParameter.class, () -> new MesoelasticWorkflowStudy.Request("ipl", 0.82, 100, List.of(1.0),
                        new MesoelasticWorkflowStudy.Md(0.005, 0.2, 2.0, 500, List.of(1000L), List.of(3000L), 10),
                        new MesoelasticWorkflowStudy.Ensemble(2, 10, false, 1e-10, 1e-6), new MesoelasticWorkflowStudy.Dynamics(null, null, 200, 20), 0, 1))
                        .template(), "too many time blocks refused before any MD (was an error after MD, quench and kappa)");
        assertArrayEquals(new int[] {0, 4, 7}, ParentFrames.indices(8, 3));
        assertArrayEquals(new int[] {7}, ParentFrames.indices(8, 1));
    }

    /** Blocks shorter than 2 τ_α are correlated: the row says its block error is underestimated; at 2 τ_α or more nothing. */
    @Test
    void blocksShorterThanTwoTauAlphaAreFlagged() {
        assertEquals(null, TemperatureStage.correlatedBlocks(5.0, 10.0, 3));
        assertEquals("each of the 3 time blocks spans 10.00 tau, less than 2 tau_alpha (tau_alpha = 5.001): the blocks are correlated and the error of"
                + " tau_alpha is underestimated; run longer or use fewer blocks", TemperatureStage.correlatedBlocks(5.001, 10.0, 3));
    }

    private static Map<Path, FileTime> mtimes(Path root) throws IOException {
        Map<Path, FileTime> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> root.relativize(p).toString().startsWith("T")).sorted().toList()) {
                m.put(p, Files.getLastModifiedTime(p));
            }
        }
        return m;
    }
}
