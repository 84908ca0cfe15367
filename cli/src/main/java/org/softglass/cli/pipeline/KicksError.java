package org.softglass.cli.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.JsonFile;

/**
 * {@code correlations/kicks-error.json}: why the pipeline's correlations stage fitted no ΔS statistics (C_S(r) is kept;
 * the TRSP stage then takes its kicks from a preset). Written ({@link #write}) and read ({@link #read}) only here.
 *
 * @param reason why the ΔS statistics were not fitted
 */
@JsonIgnoreProperties(ignoreUnknown = true)   // a later writer may add keys; the report reads these
public record KicksError(@JsonProperty("reason") String reason) {
    /** Writes {@code file}: {@code {"reason": …}}, indented. */
    public void write(Path file) throws IOException { JsonFile.write(file, JsonFile.map("reason", reason)); }

    /** Reads {@code file} ({@code kicks-error.json}). */
    public static KicksError read(Path file) throws IOException { return JsonFile.read(file, KicksError.class); }
}
