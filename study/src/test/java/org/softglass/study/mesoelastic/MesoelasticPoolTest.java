package org.softglass.study.mesoelastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.dynamics.SelfDynamics;
import org.softglass.core.io.CsvRows;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.util.InvalidParameter;
import org.softglass.core.util.Refusal;
import org.softglass.study.StudyContext;

/**
 * Pooling two tiny IPL studies that differ only in their seed, F_s at one q ({@link MesoelasticWorkflowStudyTest#tiny}): every pooled
 * number against an independent computation from the runs' own files (the mean and standard error over all structures,
 * the median of all κ_ij, τ_α of the mean F_s and the standard error of the runs' τ_α), the same bytes for the same
 * runs, and the refusals (one run, the same seed twice, another parameter, an unfinished run).
 */
class MesoelasticPoolTest {
    @TempDir static Path dir;
    static Path a, b;
    static final double[] TS = {2.0, 1.4};

    @BeforeAll
    static void runs() throws IOException {
        a = dir.resolve("a");
        b = dir.resolve("b");
        // F_s at one q: with the default each tiny run takes its own S(q) peak (5.94 and 6.21 here), which the pool refuses
        MesoelasticWorkflowStudy.run(MesoelasticWorkflowStudyTest.tiny(11, 6.0, TS), a, StudyContext.of(1, "test"));
        MesoelasticWorkflowStudy.run(MesoelasticWorkflowStudyTest.tiny(12, 6.0, TS), b, StudyContext.of(1, "test"));
    }

    @Test
    void pooledNumbersAreThoseOfAllStructuresAndTheMeanFs() throws IOException {
        Path p = dir.resolve("pool");
        MesoelasticPool.Result r = MesoelasticPool.run(List.of(a, b), p, StudyContext.of(1, "test"));
        assertEquals(2, r.runs());
        assertEquals(2, r.rows().size());
        for (int k = 0; k < TS.length; k++) {
            TemperatureRow row = r.rows().get(k);
            String label = MesoelasticWorkflowStudy.label(TS[k]);
            assertEquals(TS[k], row.t());
            List<Double> km = new ArrayList<>(), gs = new ArrayList<>(), kij = new ArrayList<>();
            double[] fsSum = null, time = null, tauRuns = new double[2], errRuns = new double[2], kappaRuns = new double[2];
            int run = 0;
            for (Path d : List.of(a, b)) {
                CsvRows.Table s = CsvRows.readTable(d.resolve(label).resolve("elastic/structures.csv"));
                for (String[] x : s.rows()) {
                    km.add(Double.parseDouble(x[s.column("kappa_mean")]));
                    gs.add(Double.parseDouble(x[s.column("G")]));
                }
                CsvRows.Table dp = CsvRows.readTable(d.resolve(label).resolve("elastic/dipoles.csv"));
                for (String[] x : dp.rows()) kij.add(Double.parseDouble(x[dp.column("kappa")]));
                CsvRows.Table fs = CsvRows.readTable(d.resolve(label).resolve("fs/fs.csv"));
                double[] f = fs.rows().stream().mapToDouble(x -> Double.parseDouble(x[fs.column("fs")])).toArray();
                time = fs.rows().stream().mapToDouble(x -> Double.parseDouble(x[fs.column("t")])).toArray();
                if (fsSum == null) fsSum = new double[f.length];
                for (int i = 0; i < f.length; i++) fsSum[i] += f[i];
                TemperatureRow own = TemperatureRow.read(d.resolve(label).resolve("row.json"));
                tauRuns[run] = own.tauAlpha();
                errRuns[run] = own.tauAlphaErr();
                kappaRuns[run++] = own.kappa();
            }
            double[] kmv = km.stream().mapToDouble(Double::doubleValue).toArray(), gv = gs.stream().mapToDouble(Double::doubleValue).toArray();
            assertEquals(4, row.structures(), "2 structures from each run");
            assertEquals(40, row.dipoles(), "10 dipoles of each of 4 structures");
            assertEquals(Descriptive.mean(kmv), row.kappa(), 1e-15 * Math.abs(row.kappa()));
            assertEquals((kappaRuns[0] + kappaRuns[1]) / 2, row.kappa(), 1e-14 * row.kappa(), "equal structure counts: the mean of the runs' own <kappa>");
            assertEquals(Descriptive.standardError(kmv), row.kappaSem(), 1e-15 * row.kappaSem());
            assertEquals(Descriptive.median(kij.stream().mapToDouble(Double::doubleValue).toArray()), row.kappaMedian());
            assertEquals(Descriptive.mean(gv), row.g(), 1e-15 * Math.abs(row.g()));
            assertEquals(Descriptive.standardError(gv), row.gSem(), 1e-15 * row.gSem());
            double[] mean = new double[fsSum.length];
            for (int i = 0; i < mean.length; i++) mean[i] = fsSum[i] / 2;
            assertNotNull(row.tauAlpha(), row.warning());
            assertEquals(SelfDynamics.relaxationTime(time, mean, 0.2), row.tauAlpha(), 1e-15 * row.tauAlpha());
            // the larger of the standard error of two values, |x1 − x2| / 2, and the block errors combined, √(e1² + e2²) / 2
            double between = Math.abs(tauRuns[0] - tauRuns[1]) / 2, blocks = Math.hypot(errRuns[0], errRuns[1]) / 2;
            assertEquals(Math.max(between, blocks), row.tauAlphaErr(), 1e-12 * row.tauAlphaErr());
            CsvRows.Table pooled = CsvRows.readTable(p.resolve(label).resolve("fs/fs.csv"));
            assertArrayEquals(mean, pooled.rows().stream().mapToDouble(x -> Double.parseDouble(x[2])).toArray(), 1e-15);
            assertEquals(row, TemperatureRow.read(p.resolve(label).resolve("row.json")));
        }
        assertTrue(r.fit().hasFit(), r.fit().refusal());
        for (String f : List.of("table.csv", "mesoelastic_fit.json", "published_vs_measured.csv", "fs_all.png", "tau_vs_kappa_over_T.png", "manifest.json")) {
            assertTrue(Files.size(p.resolve(f)) > 100, f);
        }
        byte[] table = Files.readAllBytes(p.resolve("table.csv"));
        MesoelasticPool.run(List.of(b, a), dir.resolve("pool2"), StudyContext.of(1, "test"));
        assertArrayEquals(table, Files.readAllBytes(dir.resolve("pool2/table.csv")), "the same runs in another order give the same table");
        assertArrayEquals(Files.readAllBytes(p.resolve("T1.400/row.json")), Files.readAllBytes(dir.resolve("pool2/T1.400/row.json")));
    }

    @Test
    void refusesWhatCannotBePooled() throws IOException {
        Path out = dir.resolve("refused");
        assertThrows(InvalidParameter.class, () -> MesoelasticPool.run(List.of(a), out, StudyContext.of(1, "test")));
        Refusal same = assertThrows(Refusal.class, () -> MesoelasticPool.run(List.of(a, a), out, StudyContext.of(1, "test")));
        assertTrue(same.getMessage().contains("same seed 11"), same.getMessage());

        Path c = copy(b, dir.resolve("c"));
        Path mf = c.resolve("manifest.json");
        Files.writeString(mf, Files.readString(mf).replace("\"seed\" : 12", "\"seed\" : 13").replace("\"n\" : 100", "\"n\" : 200"));
        Refusal other = assertThrows(Refusal.class, () -> MesoelasticPool.run(List.of(a, c), out, StudyContext.of(1, "test")));
        assertTrue(other.getMessage().contains("differs from " + a + " in n (200 against 100)"), other.getMessage());

        Path d = copy(b, dir.resolve("d"));
        Files.delete(d.resolve(MesoelasticWorkflowStudy.label(1.4)).resolve("row.json"));
        Refusal unfinished = assertThrows(Refusal.class, () -> MesoelasticPool.run(List.of(a, d), out, StudyContext.of(1, "test")));
        assertTrue(unfinished.getMessage().contains("row.json is missing"), unfinished.getMessage());

        // F_s at another q (each study took its own S(q) peak) at the second temperature: refused, nothing written
        Path e = reseeded(b, dir.resolve("e"), 14);
        Path row = e.resolve(MesoelasticWorkflowStudy.label(1.4)).resolve("row.json");
        TemperatureRow r = TemperatureRow.read(row);
        org.softglass.core.io.JsonFile.write(row, new TemperatureRow(r.key(), r.t(), r.tauAlpha(), r.tauAlphaErr(), r.tauAlphaOverT0(), r.t0(),
                r.q() + 0.5, r.type(), r.kappa(), r.kappaSem(), r.kappaMedian(), r.g(), r.gSem(), r.structures(), r.dipoles(), r.warning()));
        Refusal q = assertThrows(Refusal.class, () -> MesoelasticPool.run(List.of(a, e), out, StudyContext.of(1, "test")));
        assertTrue(q.getMessage().contains("F_s cannot be averaged; rerun the studies with the same --q"), q.getMessage());

        // a damaged file of the second temperature: refused after the first was read, still nothing written
        Path f = reseeded(b, dir.resolve("f"), 15);
        Files.writeString(f.resolve(MesoelasticWorkflowStudy.label(1.4)).resolve("elastic/structures.csv"), "frame,dipoles,kappa_mean,G\n0,10,x,1\n");
        org.softglass.core.io.InputFormatException bad = assertThrows(org.softglass.core.io.InputFormatException.class,
                () -> MesoelasticPool.run(List.of(a, f), out, StudyContext.of(1, "test")));
        assertTrue(bad.getMessage().contains("kappa_mean: 'x' is not a number"), bad.getMessage());

        // manifests without their temperatures: one line naming the file and the parameter (one such run beside a
        // complete one is refused as differing in temperatures)
        Path g = withoutTemperatures(reseeded(b, dir.resolve("g"), 16)), h = withoutTemperatures(reseeded(b, dir.resolve("h"), 17));
        org.softglass.core.io.InputFormatException noT = assertThrows(org.softglass.core.io.InputFormatException.class,
                () -> MesoelasticPool.run(List.of(h, g), out, StudyContext.of(1, "test")));
        assertTrue(noT.getMessage().contains(g.resolve("manifest.json") + ": parameters.temperatures is missing; expected a list of numbers"),
                noT.getMessage());
        Refusal partial = assertThrows(Refusal.class, () -> MesoelasticPool.run(List.of(g, b), out, StudyContext.of(1, "test")));
        assertTrue(partial.getMessage().contains("differs from " + b + " in temperatures"), partial.getMessage());
        assertTrue(!Files.exists(out), "nothing is written before every input is accepted");

        InvalidParameter into = assertThrows(InvalidParameter.class, () -> MesoelasticPool.run(List.of(a, b), a, StudyContext.of(1, "test")));
        assertTrue(into.getMessage().contains("is one of the runs"), into.getMessage());
    }

    /** {@code run} with its manifest's temperatures removed. */
    private static Path withoutTemperatures(Path run) throws IOException {
        Path mf = run.resolve("manifest.json");
        com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) om.readTree(mf.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("parameters")).remove("temperatures");
        om.writeValue(mf.toFile(), tree);
        return run;
    }

    /** A copy of {@code from} whose manifest says {@code seed}. */
    private static Path reseeded(Path from, Path to, int seed) throws IOException {
        copy(from, to);
        Path mf = to.resolve("manifest.json");
        Files.writeString(mf, Files.readString(mf).replace("\"seed\" : 12", "\"seed\" : " + seed));
        return to;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q);
            }
        }
        return to;
    }
}
