package org.softglass.study.dynamics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.JsonFile;

/**
 * The numbers of {@code fs.json} that its readers use, as {@link SelfDynamicsStudy} writes them: the one reader of that
 * file. A null or missing number is NaN.
 *
 * @param tauAlpha τ_α, where F_s(q, t) falls to 0.2 (τ), NaN where it does not within the trajectory
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FsSummary(@JsonProperty("tau_alpha") double tauAlpha) {
    /** Reads {@code file} ({@code fs.json}). */
    public static FsSummary read(Path file) throws IOException { return JsonFile.read(file, FsSummary.class); }
}
