package org.softglass.core.structure;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.TrajectoryRef;

/** features.json as the {@link FeatureSidecar} record: the text written, NaN as null and back, unknown fields ignored. */
class FeatureSidecarTest {
    private static final TrajectoryRef T = new TrajectoryRef("t.dump", "0123456789abcdef".repeat(4));

    @Test
    void writesNaNAsNullAndReadsItBackAsNaN(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("features.json");
        FeatureFiles.writeSidecar(f, null, 5.0, null, List.of(Map.of("name", "G_A(mu=1)")), new double[] {0.25, Double.NaN},
                new double[] {Double.POSITIVE_INFINITY, 1.0}, 7, "f4", "A", T);
        String text = Files.readString(f);
        assertTrue(text.contains("\"mean\" : [ 0.25, null ]") && text.contains("\"std\" : [ null, 1.0 ]"), text);
        assertTrue(text.contains("\"preset\" : null") && !text.contains("tolerance"), "preset written when null, tolerance only when known: " + text);
        FeatureSidecar s = FeatureSidecar.read(f);
        assertArrayEquals(new double[] {0.25, Double.NaN}, FeatureSidecar.doubles(s.mean()), 0.0);
        assertArrayEquals(new double[] {Double.NaN, 1.0}, FeatureSidecar.doubles(s.std()), 0.0);
        assertEquals(7L, s.rows());
        assertEquals(T, TrajectoryRef.read(s.trajectory(), f.toString(), "recompute"));
        s.write(f);
        assertEquals(text, Files.readString(f), "read then written: the same bytes");
    }

    @Test
    void ignoresFieldsItDoesNotKnow(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("features.json");
        Files.writeString(f, "{\"schema\": \"softglass.features/1\", \"rows\": 3, \"added_later\": {\"x\": [1]}}");
        assertEquals(3L, FeatureSidecar.read(f).rows());
    }
}
