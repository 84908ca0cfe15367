package org.softglass.core.rearrange;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.structure.FeatureFiles;

/** Contract readers refuse malformed inputs with the file (and line) named. */
class TrainingSetFilesTest {
    @TempDir Path dir;

    void write(String csv, int rows, String schema) throws Exception {
        write(csv, rows, schema, rows, "f8");
    }

    /** A training set whose features.json says {@code jsonRows} rows of {@code dtype}. */
    void write(String csv, int rows, String schema, int jsonRows, String dtype) throws Exception {
        Files.writeString(dir.resolve("samples.csv"), csv);
        NpyWriter.write(dir.resolve("samples_features.npy"), NpyDType.FLOAT64, new double[rows][2]);
        Files.writeString(dir.resolve("features.json"), "{\"schema\":\"" + schema + "\",\"columns\":[{\"name\":\"a\"},{\"name\":\"b\"}],"
                + "\"rows\":" + jsonRows + ",\"dtype\":\"" + dtype + "\"}");
    }

    @Test
    void readsAValidTrainingSet() throws Exception {
        write("frame,timestep,id,type,label,phop\n3,600,17,1,1,0.7\n4,800,2,1,0,0.01\n", 2, "softglass.features/1");
        var ts = TrainsetWriter.read(dir);
        assertArrayEquals(new int[] {1, 0}, ts.labels());
        assertArrayEquals(new long[] {3, 4}, ts.frame());
        assertArrayEquals(new long[] {17, 2}, ts.id());
        assertEquals(0.7, ts.phop()[0]);
        assertEquals(java.util.List.of("a", "b"), FeatureFiles.names(ts.columns()));
    }

    @Test
    void refusesMalformedInputs() throws Exception {
        write("frame,id,label\n", 1, "softglass.features/1");
        var e = assertThrows(InputFormatException.class, () -> TrainsetWriter.read(dir));
        assertTrue(e.getMessage().contains("samples.csv:1"), e.getMessage());
        write("frame,timestep,id,type,label,phop\n3,600,17,1,2,0.7\n", 1, "softglass.features/1");
        e = assertThrows(InputFormatException.class, () -> TrainsetWriter.read(dir));
        assertTrue(e.getMessage().contains("samples.csv:2") && e.getMessage().contains("label 2"), e.getMessage());
        write("frame,timestep,id,type,label,phop\n3,600,17,1,1,0.7\n", 2, "softglass.features/1");
        e = assertThrows(InputFormatException.class, () -> TrainsetWriter.read(dir));
        assertTrue(e.getMessage().contains("has 2 rows, samples.csv has 1"), e.getMessage());
        // issue 20: the header fields of features.json must describe samples_features.npy
        write("frame,timestep,id,type,label,phop\n3,600,17,1,1,0.7\n", 1, "softglass.features/1", 5, "f8");
        e = assertThrows(InputFormatException.class, () -> TrainsetWriter.read(dir));
        assertTrue(e.getMessage().endsWith("features.json: \"rows\" is 5, expected 1 (the rows of samples_features.npy)"), e.getMessage());
        write("frame,timestep,id,type,label,phop\n3,600,17,1,1,0.7\n", 1, "softglass.features/1", 1, "f4");
        e = assertThrows(InputFormatException.class, () -> TrainsetWriter.read(dir));
        assertTrue(e.getMessage().contains("\"dtype\" is \"f4\", expected \"f8\""), e.getMessage());
        write("frame,timestep,id,type,label,phop\n3,600,17,1,1,0.7\n", 1, "other/1");
        e = assertThrows(InputFormatException.class, () -> TrainsetWriter.read(dir));
        assertTrue(e.getMessage().contains("features.json") && e.getMessage().contains("schema"), e.getMessage());
    }
}
