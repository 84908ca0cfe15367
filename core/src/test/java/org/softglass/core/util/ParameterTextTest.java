package org.softglass.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ParameterText}: tokens written bare or by a front end's namer, other braces untouched; and core knows no
 * command-line option: no string literal in core's sources names one (DESIGN §9: core knows nothing of CLI flags).
 */
class ParameterTextTest {
    @Test
    void tokensAreWrittenBareOrByTheNamer() {
        String t = "{twMax} must be > {twMin}, got {T=0.5} and [1, 2] {}";
        assertEquals("twMax must be > twMin, got {T=0.5} and [1, 2] {}", ParameterText.plain(t));
        assertEquals("<twMax> must be > <twMin>, got {T=0.5} and [1, 2] {}", ParameterText.render(t, n -> "<" + n + ">"));
        InvalidParameter e = new InvalidParameter("{dt} must be > 0, got -1.0");
        assertEquals("dt must be > 0, got -1.0", e.getMessage());
        assertEquals("{dt} must be > 0, got -1.0", e.template());
        assertEquals("lower minEvents", new Refusal("lower {minEvents}").getMessage());
    }

    /** A string literal like "--dt" or "choose another --out" in core/src/main: a CLI flag where core must name a parameter. */
    @Test
    void coreSourcesNameNoCommandLineOption() throws IOException {
        Path src = Path.of("src/main/java");
        Pattern flag = Pattern.compile("\"[^\"\\n]*(?<![A-Za-z0-9-])--[a-z][a-z-]*[^\"\\n]*\"");
        List<String> found;
        try (Stream<Path> files = Files.walk(src)) {
            found = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    List<String> lines = Files.readAllLines(p);
                    return java.util.stream.IntStream.range(0, lines.size())
                            .filter(i -> !lines.get(i).strip().startsWith("*") && !lines.get(i).strip().startsWith("//") && flag.matcher(lines.get(i)).find())
                            .mapToObj(i -> src.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).strip());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertTrue(found.isEmpty(), "core names command-line options (use a ParameterText token):\n" + String.join("\n", found));
    }
}
