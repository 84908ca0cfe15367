package org.softglass.core.barriers;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;

class PhopTableTest {
    @TempDir Path dir;

    @Test
    void looksUpByFrameAndIdAndChecksTimesteps() throws Exception {
        NpyWriter.write(dir.resolve("phop.npy"), NpyDType.FLOAT64, new double[][] {{Double.NaN, 0.1}, {0.3, 0.02}, {0.5, Double.NaN}});
        Files.writeString(dir.resolve("phop.json"), "{\"schema\":\"softglass.phop/1\",\"tR\":10,\"dt\":0.005,\"times\":[0,1,2],"
                + "\"timesteps\":[0,200,400],\"ids\":[4,9],\"types\":[1,2],\"half_window_frames\":1}");
        PhopTable t = PhopTable.read(dir);
        assertEquals(1.0, t.frameSpacing());
        assertEquals(0.02, t.at(1, 200, 9, 0));
        assertEquals(0.5, t.at(1, 200, 4, 1));             // lag 1 → frame 2
        assertTrue(Double.isNaN(t.at(0, 0, 4, 0)));        // window did not fit
        assertTrue(Double.isNaN(t.at(2, 400, 4, 1)));      // past the last frame
        // a row of another trajectory: an unknown id or frame is refused (it used to give NaN: the row was dropped silently)
        var id = assertThrows(InputFormatException.class, () -> t.at(1, 200, 5, 0));
        assertTrue(id.getMessage().contains("particle id 5 (frame 1), which is not a column of phop.json"), id.getMessage());
        var frame = assertThrows(InputFormatException.class, () -> t.at(3, 600, 4, 0));
        assertTrue(frame.getMessage().contains("refers to frame 3 (timestep 600), but phop.json has frames 0..2"), frame.getMessage());
        var e = assertThrows(InputFormatException.class, () -> t.at(1, 201, 4, 0));
        assertTrue(e.getMessage().contains("different trajectories"), e.getMessage());
        // issue 20: header fields checked against each other (PhopFiles.checkHeader), phop.npy's dtype
        String json = Files.readString(dir.resolve("phop.json"));
        Files.writeString(dir.resolve("phop.json"), json.replace("\"times\":[0,1,2]", "\"times\":[0,1,3]"));
        e = assertThrows(InputFormatException.class, () -> PhopTable.read(dir));
        assertTrue(e.getMessage().contains("\"times\"[2] is 3.0, expected timestep x dt = 400 x 0.005 = 2.0"), e.getMessage());
        Files.writeString(dir.resolve("phop.json"), json.replace("\"timesteps\":[0,200,400]", "\"timesteps\":[0,200,500]"));
        e = assertThrows(InputFormatException.class, () -> PhopTable.read(dir));
        assertTrue(e.getMessage().contains("\"timesteps\"[2] is 500 after 200, expected increasing timesteps 200 apart"), e.getMessage());
        Files.writeString(dir.resolve("phop.json"), json);
        NpyWriter.write(dir.resolve("phop.npy"), NpyDType.FLOAT32, new double[][] {{Double.NaN, 0.1}, {0.3, 0.02}, {0.5, Double.NaN}});
        e = assertThrows(InputFormatException.class, () -> PhopTable.read(dir));
        assertTrue(e.getMessage().contains("expected <f8"), e.getMessage());
        NpyWriter.write(dir.resolve("phop.npy"), NpyDType.FLOAT64, new double[][] {{Double.NaN, 0.1}, {0.3, 0.02}, {0.5, Double.NaN}});
        Files.writeString(dir.resolve("phop.json"), Files.readString(dir.resolve("phop.json")).replace("\"ids\":[4,9]", "\"ids\":[4,9,10]")
                .replace("\"types\":[1,2]", "\"types\":[1,2,1]"));
        e = assertThrows(InputFormatException.class, () -> PhopTable.read(dir));
        assertTrue(e.getMessage().contains("expected (3, 3)"), e.getMessage());
    }
}
