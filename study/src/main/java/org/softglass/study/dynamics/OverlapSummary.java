package org.softglass.study.dynamics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.softglass.core.io.JsonFile;

/**
 * The numbers of {@code overlap.json} (schema {@code softglass.overlap/1}) that its readers use, as {@link OverlapStudy}
 * writes them: the one reader of that file. A null (not finite) or missing number is NaN; the provenance fields are not
 * read.
 *
 * @param tauQ τ_Q (Q = 1/e, τ), NaN where not reached
 * @param tauQErr its 1σ jackknife error
 * @param tauChi τ_χ, the lag of the χ4 peak (τ)
 * @param chi4Star χ4*, the peak value
 * @param tauChiResolved whether the χ4 peak lies inside the lag grid (else τ_χ is only a bound); false when missing
 * @param xi4 ξ4 (σ) of the OZ fit of S4, NaN where none
 * @param xi4Err its jackknife error
 * @param a the displacement threshold (σ)
 * @param blocks χ4* of the sub-boxes, by side (empty when missing)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OverlapSummary(@JsonProperty("tau_Q") double tauQ, @JsonProperty("tau_Q_err") double tauQErr, @JsonProperty("tau_chi") double tauChi,
                             @JsonProperty("chi4_star") double chi4Star, @JsonProperty("tau_chi_resolved") boolean tauChiResolved,
                             @JsonProperty("xi4") double xi4, @JsonProperty("xi4_err") double xi4Err, @JsonProperty("a") double a,
                             @JsonProperty("blocks") List<Block> blocks) {
    public OverlapSummary {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /**
     * One entry of {@code blocks}.
     *
     * @param ell the side ℓ of the sub-boxes (σ)
     * @param chi4Star the peak of their χ4,ℓ(t), NaN where none
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Block(@JsonProperty("ell") double ell, @JsonProperty("chi4_star") double chi4Star) {}

    /** Reads {@code file} ({@code overlap.json}). */
    public static OverlapSummary read(Path file) throws IOException { return JsonFile.read(file, OverlapSummary.class); }
}
