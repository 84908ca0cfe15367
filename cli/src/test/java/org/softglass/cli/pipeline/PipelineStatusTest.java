package org.softglass.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PipelineStatus: a running MD item's progress from the last row of its thermo.csv.part. */
class PipelineStatusTest {
    @TempDir Path dir;

    private String status(String thermo) throws Exception {
        Files.createDirectories(dir.resolve("stages"));
        Files.writeString(dir.resolve("stages/simulate-T0.600.json"),
                "{\"command\": \"pipeline simulate-T0.600\", \"status\": \"running\", \"parameters\": {\"steps\": 500}}");
        Path md = Files.createDirectories(dir.resolve("md/T0.600"));
        if (thermo != null) Files.writeString(md.resolve("thermo.csv.part"), thermo);
        return PipelineStatus.of(dir);
    }

    @Test
    void runningMdItemShowsTheLastProductionStep() throws Exception {
        String none = status(null);
        assertTrue(none.contains("simulate-T0.600: melting or equilibrating (no production thermo rows yet; 500 production steps to run)"), none);
        String header = status("step,temp,pe\n");
        assertTrue(header.contains("simulate-T0.600: melting or equilibrating"), header);
        String rows = status("step,temp,pe\n0,0.6,-3\n200,0.61,-3.1\n");
        assertTrue(rows.contains("simulate-T0.600: production step 200 of 500"), rows);
        String partial = status("step,temp,pe\n0,0.6,-3\n20");
        assertTrue(partial.contains("simulate-T0.600 running"), "a row still being written: " + partial);
    }
}
