package org.softglass.study.barriers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.JsonFile;

/**
 * {@code onset-source.json}: where the models' ΔE(S), Σ(S), T0, ϱ(S), ⟨S⟩(T) came from, {@link #FITTED} (the pipeline,
 * after a successful onset fit) or {@link BarriersStudy#ONSET_PRESET} ({@link BarriersStudy#presetOnset}). The one
 * reader and, through {@link #write}, the one writer of that file.
 *
 * @param source {@link #FITTED} or the preset's name
 * @param reason why the onset fit refused, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)   // a later writer may add keys; the report reads these
public record OnsetSource(@JsonProperty("source") String source, @JsonProperty("reason") String reason) {
    /** The source of a fitted onset. */
    public static final String FITTED = "fitted";

    /** Whether the onset was fitted. */
    public boolean fitted() { return FITTED.equals(source); }

    /** Writes {@code file}: {@code {"source": …, "reason": …}}, indented. */
    public void write(Path file) throws IOException { JsonFile.write(file, JsonFile.map("source", source, "reason", reason)); }

    /** Reads {@code file} ({@code onset-source.json}). */
    public static OnsetSource read(Path file) throws IOException { return JsonFile.read(file, OnsetSource.class); }
}
