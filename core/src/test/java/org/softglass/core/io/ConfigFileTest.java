package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ConfigFile: strict binding of a person's YAML or JSON, errors naming the file and the line. */
class ConfigFileTest {
    @TempDir Path dir;

    record Inner(@JsonProperty("k") Integer k) {}

    record Config(@JsonProperty("name") String name, @JsonProperty("ts") List<Double> ts, @JsonProperty("inner") Inner inner) {}

    private Config read(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        try (InputStream in = Files.newInputStream(f)) {
            return ConfigFile.read(in, f, name.endsWith(".json"), Config.class);
        }
    }

    private String refused(String name, String text) {
        return assertThrows(InputFormatException.class, () -> read(name, text)).getMessage().replace(dir.resolve(name).toString(), name);
    }

    @Test
    void bindsYamlAndJsonAcceptingOneValueForAList() throws IOException {
        Config c = read("c.yaml", "name: a\nts: 0.5\ninner: {k: 3}\n");
        assertEquals("a", c.name());
        assertEquals(List.of(0.5), c.ts());
        assertEquals(3, c.inner().k());
        assertEquals(List.of(1.0, 2.0), read("c.json", "{\"ts\": [1, 2]}").ts());
        assertNull(read("n.yaml", "~\n"), "a null document is null: the caller says what it expected");
    }

    @Test
    void refusalsNameTheLine() {
        String unknown = refused("u.yaml", "name: a\ninner:\n  k: 1\n  j: 2\n");
        assertTrue(unknown.startsWith("u.yaml:4: unknown key 'j', expected one of [k]"), unknown);
        String f = refused("f.yaml", "name: a\ninner: {k: 1.5}\n");
        assertTrue(f.startsWith("f.yaml:2: ") && f.endsWith(" at field 'inner.k'"), f);
        String t = refused("t.json", "{\"name\": \"a\"}\n{}");
        assertTrue(t.startsWith("t.json:2: "), t);
        String twice = refused("d.yaml", "name: a\nts: [1]\nname: b\n");
        assertTrue(twice.startsWith("d.yaml:3: Duplicate field 'name'"), "a key given twice is refused, not the last kept: " + twice);
    }
}
