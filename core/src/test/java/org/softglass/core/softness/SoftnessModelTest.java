package org.softglass.core.softness;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.testutil.FileEdits;

class SoftnessModelTest {
    @TempDir Path dir;

    @Test
    void standardisationRoundTrip() {
        Random r = new Random(5);
        double[][] x = new double[50][4];
        for (double[] row : x) for (int j = 0; j < 4; j++) row[j] = r.nextGaussian() * (j + 1) + 10 * j;
        for (double[] row : x) row[2] = 3.0; // constant column
        Standardization st = Standardization.fit(x);
        assertEquals(1.0, st.std()[2], 0.0, "a constant column gets std 1");
        double[][] z = st.apply(x);
        for (double[] row : z) assertEquals(0.0, row[2], 0.0, "and standardises to 0");
        for (int j = 0; j < 4; j++) {
            double m = 0, v = 0;
            for (double[] row : z) m += row[j];
            m /= z.length;
            for (double[] row : z) v += (row[j] - m) * (row[j] - m);
            assertEquals(0, m, 1e-12);                       // round-off of 50 sums
            assertEquals(j == 2 ? 0 : 1, v / z.length, 1e-12);
        }
        double[] back = st.invert(z[7], new double[4]);
        for (int j = 0; j < 4; j++) assertEquals(x[7][j], back[j], 1e-12 * Math.max(1, Math.abs(x[7][j])));
    }

    @Test
    void modelFileRoundTripsAndChecksColumns() throws Exception {
        SoftnessModel m = new SoftnessModel(new Hyperplane(new double[] {0.5, -1.25}, 0.125),
                new Standardization(new double[] {1, 2}, new double[] {0.5, 3}),
                List.of(Map.of("name", "G_A(mu=1)", "kind", "radial", "mu", 1.0), Map.of("name", "G_B(mu=1)", "kind", "radial")),
                Map.of("C", 1.0, "cv_accuracy", 0.87));
        Path f = dir.resolve("model.json");
        m.write(f);
        SoftnessModel r = SoftnessModel.read(f);
        assertEquals(m.plane(), r.plane());
        assertEquals(m.standardization(), r.standardization());
        assertEquals(m.columnNames(), r.columnNames());
        assertEquals(0.87, ((Number) r.training().get("cv_accuracy")).doubleValue());
        double[] g = {2, 5}, z = new double[2];
        // S = 0.5·(2−1)/0.5 − 1.25·(5−2)/3 + 0.125 = 1 − 1.25 + 0.125
        assertEquals(-0.125, r.softness(g, z), 1e-15);
        var e = assertThrows(InputFormatException.class, () -> r.requireColumns(List.of("G_A(mu=1)", "G_A(mu=2)"), "features.json"));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        assertThrows(InputFormatException.class, () -> r.requireColumns(List.of("G_A(mu=1)"), "features.json"));
        Files.writeString(f, Files.readString(f).replace("\"bias\" : 0.125", "\"bias\" : \"x\""));
        assertThrows(InputFormatException.class, () -> SoftnessModel.read(f));
    }

    /** The strict reader names the field: missing, of the wrong kind, not finite, or of another length. */
    @Test
    void readNamesTheFieldThatIsWrong() throws Exception {
        SoftnessModel m = new SoftnessModel(new Hyperplane(new double[] {0.5, -1.25}, 0.125),
                new Standardization(new double[] {1, 2}, new double[] {0.5, 3}),
                List.of(Map.of("name", "a"), Map.of("name", "b")), Map.of());
        Path f = dir.resolve("m.json");
        m.write(f);
        String ok = Files.readString(f);
        String[][] edits = {
            {"\"bias\" : 0.125", "\"bias\" : \"x\"", "field 'bias' is \"x\", expected a number"},
            {"\"bias\" : 0.125,", "", "field 'bias' missing or invalid, expected a finite number"},
            {"\"weights\" : [ 0.5, -1.25 ]", "\"weights\" : [ 0.5, \"w\" ]", "field 'weights[1]' is \"w\", expected a number"},
            {"\"weights\" : [ 0.5, -1.25 ]", "\"weights\" : [ 0.5, 1e999 ]", "field 'weights[1]' is not a finite number"},
            {"\"weights\" : [ 0.5, -1.25 ]", "\"weights\" : [ 0.5 ]", "weights (1), standardisation (2) and columns (2) differ in length"},
            {"\"schema\" : \"softglass.softness-model/1\"", "\"schema\" : \"x\"", "field 'schema' missing or invalid"},
        };
        FileEdits.assertEachRefused(f, ok, edits, () -> SoftnessModel.read(f));
    }
}
