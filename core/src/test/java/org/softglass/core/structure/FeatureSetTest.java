package org.softglass.core.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.TrajectoryRef;

/** {@link FeatureFiles#featureSet}: the descriptor set of a features.json, read back as {@link FeatureFiles#writeSidecar} wrote it. */
class FeatureSetTest {
    @TempDir Path dir;

    private static final List<Map<String, Object>> COLUMNS = List.of(Map.of("name", "G_A(1.0)", "kind", "radial"));
    private static final TrajectoryRef TRAJ = new TrajectoryRef("t.dump", "a".repeat(64));

    @Test
    void readsWhatTheSidecarWriterWrote() throws IOException {
        Path f = dir.resolve("features.json");
        FeatureFiles.writeSidecar(f, "ka-lite", 2.5, 1e-3, COLUMNS, new double[] {1}, new double[] {2}, 7, "f4", "A", TRAJ);
        FeatureFiles.FeatureSet s = FeatureFiles.featureSet(f);
        assertEquals(new FeatureFiles.FeatureSet("ka-lite", 2.5, 1e-3, "A"), s);
        assertEquals(List.of("preset", "rmax", "tolerance", "center_species"), new ArrayList<>(s.asMap().keySet()));
    }

    @Test
    void absentPresetAndToleranceReadAsNull() throws IOException {
        Path f = dir.resolve("features.json");
        FeatureFiles.writeSidecar(f, null, 3.0, null, COLUMNS, new double[] {1}, new double[] {2}, 7, "f8", "all", TRAJ);
        FeatureFiles.FeatureSet s = FeatureFiles.featureSet(f);
        assertNull(s.preset());
        assertNull(s.tolerance());
        assertEquals(3.0, s.rmax());
        assertTrue(s.asMap().containsKey("tolerance"), "kept as null in a model's provenance");
    }

    @Test
    void notJsonIsRefusedNamingTheFile() throws IOException {
        Path f = Files.writeString(dir.resolve("features.json"), "{broken");
        InputFormatException e = assertThrows(InputFormatException.class, () -> FeatureFiles.featureSet(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }
}
