package org.softglass.study.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trsp.TrspPresets;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.Species;
import org.softglass.study.StudyContext;
import org.softglass.study.rearrange.EventsStudy;

/**
 * {@link CorrelationStudy} on a jittered lattice with a planted softness field (S_i = Σ_c e^(−|r_i − c|) over a few
 * random centres, per frame): C_S(r) per bin must equal an independent brute-force pair sum; the particles never move,
 * so there are no rearrangements, the kicks are refused, and the refusal is a value of the result.
 */
class CorrelationStudyTest {
    @TempDir Path dir;
    private final StudyContext ctx = StudyContext.of(2, "test");
    private static final int SIDE = 6, N = SIDE * SIDE * SIDE, FRAMES = 3;
    private static final double L = 9.0, RMAX = 4.0, DR = 0.5;
    private final double[][] s = new double[FRAMES][N];
    private final double[][] x = new double[N][3];

    /** Writes the lattice (the same positions in every frame) and plants S per frame; returns the trajectory. */
    private Path lattice() throws IOException {
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < N; i++) {
            int a = i % SIDE, b = (i / SIDE) % SIDE, c = i / (SIDE * SIDE);
            x[i] = new double[] {(a + 0.5) * L / SIDE + 0.2 * (rnd.nextDouble() - 0.5), (b + 0.5) * L / SIDE + 0.2 * (rnd.nextDouble() - 0.5),
                (c + 0.5) * L / SIDE + 0.2 * (rnd.nextDouble() - 0.5)};
        }
        for (int f = 0; f < FRAMES; f++) {
            for (int k = 0; k < 6; k++) {
                double[] cen = {rnd.nextDouble() * L, rnd.nextDouble() * L, rnd.nextDouble() * L};
                for (int i = 0; i < N; i++) s[f][i] += Math.exp(-Math.sqrt(dist2(x[i], cen)));
            }
        }
        Path traj = dir.resolve("lattice.dump");
        org.softglass.core.space.Box box = org.softglass.core.space.Box.cubic(L);
        org.softglass.core.io.LammpsDumpWriter.write(traj, org.softglass.core.io.LammpsDumpWriter.WRAPPED_IMAGES, w -> {
            for (int f = 0; f < FRAMES; f++) {
                try (org.softglass.core.particles.ParticleStore st = org.softglass.core.particles.ParticleStore.allocate(N)) {
                    for (int i = 0; i < N; i++) {
                        st.setId(i, i + 1);
                        st.setSpecies(i, 0);
                        st.setPosition(i, x[i][0], x[i][1], x[i][2]);
                    }
                    w.write(100L * f, box, st, java.util.Map.of());
                }
            }
        });
        return traj;
    }

    private static double dist2(double[] a, double[] b) {
        double d2 = 0;
        for (int k = 0; k < 3; k++) {
            double d = a[k] - b[k];
            d -= L * Math.rint(d / L);
            d2 += d * d;
        }
        return d2;
    }

    /** The softness directory of the planted S. */
    private Path softness(Path traj) throws IOException {
        Path d = Files.createDirectories(dir.resolve("soft"));
        double[] all = new double[FRAMES * N];
        try (NpyWriter w = NpyWriter.open(d.resolve("rows.npy"), NpyDType.INT64, FRAMES * N, 3)) {
            for (int f = 0, k = 0; f < FRAMES; f++) {
                for (int i = 0; i < N; i++, k++) {
                    w.writeRow(new long[] {f, 100L * f, i + 1});
                    all[k] = s[f][i];
                }
            }
        }
        NpyWriter.write(d.resolve("softness.npy"), NpyDType.FLOAT64, all);
        JsonFile.write(d.resolve("softness.json"), JsonFile.map("schema", "softglass.softness/1", "rows", all.length, "trajectory", TrajectoryRef.of(traj).asMap()));
        return d;
    }

    @Test
    void csIsTheBruteForcePairSumAndRefusedKicksAreAValueWithCsStillWritten() throws IOException {
        Path traj = lattice();
        EventsStudy.run(new EventsStudy.Request(traj, 0.05, 2.0, 0.01), dir.resolve("events.csv"), ctx);
        Path soft = softness(traj);
        Path params = dir.resolve("barriers-parameters.json");
        TrspPresets.ka002().write(params);
        var kicks = new CorrelationStudy.Kicks(dir.resolve("events.csv"), 1, 1e-9, new SoftnessBins(0.5, 4, 4), new SoftnessBins(-2, 2, 4), 3,
                Species.A, 1);
        CorrelationStudy.Result r = CorrelationStudy.run(new CorrelationStudy.Request(traj, soft, RMAX, DR, 1, 0.9, 4, 0.01, kicks, params),
                dir.resolve("c"), ctx);
        // brute force: mean over all rows, C(r) = Σ δS_i δS_j / pairs over distinct pairs of one frame with r in the bin
        double mean = 0;
        for (double[] f : s) for (double v : f) mean += v;
        mean /= FRAMES * N;
        assertEquals(mean, r.meanS(), 1e-12);
        int nb = (int) Math.round(RMAX / DR);
        double[] sum = new double[nb];
        long[] cnt = new long[nb];
        for (int f = 0; f < FRAMES; f++) {
            for (int i = 0; i < N; i++) {
                for (int j = i + 1; j < N; j++) {
                    double d = Math.sqrt(dist2(x[i], x[j]));
                    int b = (int) (d / DR);
                    if (b >= nb) continue;
                    sum[b] += (s[f][i] - mean) * (s[f][j] - mean);
                    cnt[b]++;
                }
            }
        }
        var cs = r.cs();
        int compared = 0;
        for (int b = 0; b < nb; b++) {
            if (cnt[b] == 0) continue;
            assertEquals(cnt[b], cs.pairs()[b], "pairs in bin " + b);
            assertEquals(sum[b] / cnt[b], cs.c()[b], 1e-9 * Math.abs(sum[b] / cnt[b]) + 1e-12, "C_S in bin " + b);
            compared++;
        }
        assertTrue(compared >= 4, "bins compared: " + compared);
        // no particle moves, so no event: the kicks are refused, as a value; C_S(r) and the parameter file are written with
        // the input file's σ_Δ and ρ_Δ
        assertNull(r.kicks());
        assertNotNull(r.kicksFailure());
        assertTrue(r.kicksError().startsWith("no event peak has softness frames"), r.kicksError());
        JsonNode j = new ObjectMapper().readTree(dir.resolve("c/correlations.json").toFile());
        assertEquals(r.kicksError(), j.get("kicks_error").asText());
        assertFalse(j.has("kicks"));
        assertFalse(Files.exists(dir.resolve("c/kicks.csv")));
        ModelParameters q = ModelParameters.read(r.modelParameters());
        assertEquals(TrspPresets.ka002().sigmaDelta(), q.sigmaDelta());
        assertEquals(r.csFit().form(), q.cS());
        List<String> csv = Files.readAllLines(dir.resolve("c/cs.csv"));
        assertEquals("r,r_mean,c,c_err,pairs", csv.get(0));
        assertEquals(r.cs().c0(), Double.parseDouble(csv.get(1).split(",")[2]), 0.0);
    }
    @Test
    void theParameterFileTakesTheModelCsOfAnotherTemperatureAndSaysSo() throws IOException {
        Path traj = lattice();
        Path soft = softness(traj);
        Path params = dir.resolve("barriers-parameters.json");
        TrspPresets.ka002().write(params);
        // a fit of "another temperature": different from this trajectory's in every number
        var other = new org.softglass.core.correlate.ExpCorrelationFit(new ModelParameters.ExpCorrelation(0.83, 0.91, 0.77), 0.05, 0.04, 3.0, 7);
        Path source = dir.resolve("high/correlations.json");
        Files.createDirectories(source.getParent());
        JsonFile.write(source, JsonFile.map("schema", "softglass.correlations/1"));   // the manifest records its hash
        var mc = new CorrelationStudy.ModelCs(0.9, other, 0.02, source);
        CorrelationStudy.Result r = CorrelationStudy.run(new CorrelationStudy.Request(traj, soft, RMAX, DR, 1, 0.9, 4, 0.01, null, params, mc),
                dir.resolve("c"), ctx);
        ModelParameters q = ModelParameters.read(r.modelParameters());
        assertEquals(other.form(), q.cS());
        assertEquals(0.05, q.errors().get("cS.c1"));
        assertEquals(0.04, q.errors().get("cS.xi"));
        assertEquals(0.02, q.errors().get("cS.c0"));
        assertTrue(q.provenance().get("cS").toString().contains("T = 0.9"), q.provenance().toString());
        // this trajectory's own C_S(r) and fit are still its outputs
        JsonNode j = new ObjectMapper().readTree(dir.resolve("c/correlations.json").toFile());
        assertEquals(r.csFit().form().c1(), j.get("cS").get("c1").asDouble(), 0.0);
        assertFalse(r.csFit().form().equals(other.form()));
        assertEquals(0.9, j.get("cS_model").get("T").asDouble(), 0.0);
        assertEquals(0.91, j.get("cS_model").get("c1").asDouble(), 0.0);
        assertEquals(source.toString(), j.get("cS_model").get("source").asText());
    }

    @Test
    void aBinWiderThanTheRangeNamesBothParameters() {
        InvalidParameter e = assertThrows(InvalidParameter.class, () -> new CorrelationStudy.Request(dir, dir, 0.1, 0.5, 1, 0.9, 4, 0.005, null, null));
        assertEquals("{dr} must be <= {rmax}, got {dr} 0.5 {rmax} 0.1", e.template());
        assertEquals("dr must be <= rmax, got dr 0.5 rmax 0.1", e.getMessage());
    }
}
