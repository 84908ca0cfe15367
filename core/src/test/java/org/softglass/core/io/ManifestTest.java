package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run manifest: written by {@link Manifest}, read back by its one reader {@link ManifestRecord}. */
class ManifestTest {

    @Test
    void roundTrip(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("traj.dump"), other = dir.resolve("model.json"), out = dir.resolve("out.csv");
        Files.writeString(in, "ITEM: TIMESTEP\n0\n");
        Files.writeString(other, "{}");
        Path file = dir.resolve("manifest.json");
        new Manifest("1.2.3", "quench").param("species", "A").param("ftol", 1e-4).param("steps", 5L).param("dt", 5.0)
                .param("types", List.of(1, 2)).param("nested", JsonFile.map("b", 2, "a", 1)).param("none", null)
                .input(in).input(other, "abc").output(out)
                .result("frames", 7).result("first_frame", 0L).result("reached_end_of_input", true).result("mean", 0.5)
                .write(file);
        ManifestRecord r = Manifest.read(file);
        assertEquals("softglass", r.tool());
        assertEquals("1.2.3", r.version());
        assertEquals("quench", r.command());
        assertNotNull(r.created());
        assertEquals(List.of("species", "ftol", "steps", "dt", "types", "nested", "none"), List.copyOf(r.parameters().keySet()));
        assertEquals("A", r.parameters().get("species"));
        assertEquals(1e-4, r.parameters().get("ftol"));
        assertEquals(5, r.parameters().get("steps"));          // a small long reads back as an Integer
        assertEquals(5.0, r.parameters().get("dt"));
        assertEquals(List.of(1, 2), r.parameters().get("types"));
        assertEquals(Map.of("a", 1, "b", 2), r.parameters().get("nested"));
        assertTrue(r.parameters().containsKey("none"));
        assertNull(r.parameters().get("none"));
        assertEquals(List.of(new ManifestRecord.Input(in.toString(), Manifest.sha256(in), Files.size(in)),
                new ManifestRecord.Input(other.toString(), "abc", 2)), r.inputs());
        assertEquals(Manifest.sha256(in), r.firstInputSha256());
        assertEquals(List.of(out.toString()), r.outputs());
        assertTrue(r.resultIsWhole("frames") && r.resultIsWhole("first_frame") && !r.resultIsWhole("mean") && !r.resultIsWhole("missing"));
        assertEquals(7, r.resultLong("frames"));
        assertEquals(7, r.resultInt("frames"));
        assertEquals(0, r.resultInt("missing"));
        assertTrue(r.resultFlag("reached_end_of_input"));
        assertFalse(r.resultFlag("missing"));
        // messages print values as JSON, as the trees did
        assertEquals("\"A\"", r.parameterText("species"));
        assertEquals("1.0E-4", r.parameterText("ftol"));
        assertEquals("5", r.parameterText("steps"));
        assertEquals("5.0", r.parameterText("dt"));
        assertEquals("[1,2]", r.parameterText("types"));
        assertEquals("null", r.parameterText("none"));
        assertEquals("", r.parameterText("missing"));
        assertEquals("\"1.2.3\"", r.versionText());
    }

    @Test
    void parametersCompareAsJsonValues(@TempDir Path dir) throws Exception {
        ManifestRecord a = written(dir, "a", new Manifest("1", "x").param("n", 5).param("x", 5.0).param("o", JsonFile.map("p", 1, "q", 2))
                .param("z", null));
        ManifestRecord b = written(dir, "b", new Manifest("1", "x").param("n", 5L).param("x", 5).param("o", JsonFile.map("q", 2, "p", 1)));
        assertTrue(a.sameParameter("n", b));                  // an int and a long that print alike
        assertFalse(a.sameParameter("x", b));                 // 5.0 is not 5
        assertTrue(a.sameParameter("o", b));                  // key order does not matter
        assertFalse(a.sameParameter("z", b));                 // null is not missing
        assertTrue(a.sameParameter("missing", b));
    }

    @Test
    void refusalsNameTheFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"command\": ");
        InputFormatException e = assertThrows(InputFormatException.class, () -> Manifest.read(bad));
        assertTrue(e.getMessage().startsWith(bad.toString()) && e.getMessage().contains("not valid JSON"), e.getMessage());
        Files.writeString(bad, "{\"parameters\": [1]}");
        e = assertThrows(InputFormatException.class, () -> Manifest.read(bad));
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
        Files.writeString(bad, "{\"command\": \"x\", \"extra\": 1}");   // fields it does not know are ignored; missing ones are empty
        ManifestRecord r = Manifest.read(bad);
        assertEquals("x", r.command());
        assertNull(r.version());
        assertEquals("", r.versionText());
        assertEquals(Map.of(), r.parameters());
        assertEquals(List.of(), r.inputs());
        assertEquals("", r.firstInputSha256());
    }

    private static ManifestRecord written(Path dir, String name, Manifest m) throws Exception {
        Path f = dir.resolve(name + ".json");
        m.write(f);
        return Manifest.read(f);
    }
}
