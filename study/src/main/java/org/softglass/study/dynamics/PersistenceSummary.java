package org.softglass.study.dynamics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.JsonFile;

/**
 * The numbers of {@code persistence.json} (schema {@code softglass.persistence/1}) that its readers use, as
 * {@link PersistenceStudy} writes them: the one reader of that file. A null (not finite) or missing number is NaN.
 *
 * @param tauQ τ_Q of the p_hop persistence (Q = 1/e, τ), NaN where not reached
 * @param tauChi τ_χ, the lag of the χ4 peak (τ)
 * @param chi4Star χ4*, the peak value
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersistenceSummary(@JsonProperty("tau_Q") double tauQ, @JsonProperty("tau_chi") double tauChi,
                                 @JsonProperty("chi4_star") double chi4Star) {
    /** Reads {@code file} ({@code persistence.json}). */
    public static PersistenceSummary read(Path file) throws IOException { return JsonFile.read(file, PersistenceSummary.class); }
}
