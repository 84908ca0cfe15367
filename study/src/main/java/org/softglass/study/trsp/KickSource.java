package org.softglass.study.trsp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.JsonFile;

/**
 * {@code kick-source.json}, as {@link TrspParameterStudy#resolve} writes it: where the TRSP run's kicks σ_Δ(r), ρ_Δ(r)
 * came from. The one reader of that file.
 *
 * @param source {@link TrspParameterStudy#FITTED}, or the preset's kicks and their scale
 * @param reason why the fitted kicks were refused, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)   // a later writer may add keys; the report reads these
public record KickSource(@JsonProperty("source") String source, @JsonProperty("reason") String reason) {
    /** Whether the run used the fitted kicks. */
    public boolean fitted() { return TrspParameterStudy.FITTED.equals(source); }

    /** Reads {@code file} ({@code kick-source.json}). */
    public static KickSource read(Path file) throws IOException { return JsonFile.read(file, KickSource.class); }
}
