package org.softglass.study.barriers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.softglass.core.io.JsonFile;

/**
 * The parts of {@code barriers.json} (schema {@code softglass.barriers/1}) that its readers use, as {@link BarriersStudy}
 * and {@link BarrierReport} write them: the one reader of that file. A null or missing number is NaN; a missing section
 * null.
 *
 * @param moments ⟨S⟩ and σ_S per temperature
 * @param onsetFit the onset fit, or null where it refused or was not run
 * @param meanFit ⟨S⟩(T) = a + b/T, or null (one temperature)
 * @param bootstrap the block bootstrap of P(R|S), or null
 * @param onsetExcludedTemperatures the temperatures left out of the onset fit, or null where no onset fit ran
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BarriersSummary(@JsonProperty("moments") List<Moment> moments, @JsonProperty("onset_fit") OnsetFit onsetFit,
                              @JsonProperty("mean_fit") MeanFit meanFit, @JsonProperty("bootstrap") Bootstrap bootstrap,
                              @JsonProperty("onset_excluded_temperatures") List<Double> onsetExcludedTemperatures) {
    public BarriersSummary {
        moments = moments == null ? List.of() : List.copyOf(moments);
    }

    /**
     * One temperature's softness moments.
     *
     * @param t the temperature
     * @param mean ⟨S⟩
     * @param std σ_S
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Moment(@JsonProperty("T") double t, @JsonProperty("mean") double mean, @JsonProperty("std") double std) {}

    /**
     * The five onset parameters of ΔE(S) = ε0 + ε1 S + ε2 S², Σ(S) = Σ0 + (ε1 S + ε2 S²)/T0 (values or their errors).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Onset5(@JsonProperty("eps0") double eps0, @JsonProperty("eps1") double eps1, @JsonProperty("eps2") double eps2,
                         @JsonProperty("sigma0") double sigma0, @JsonProperty("t0") double t0) {
        /** {ε0, ε1, ε2, Σ0, T0}. */
        public double[] values() { return new double[] {eps0, eps1, eps2, sigma0, t0}; }
    }

    /**
     * The onset fit.
     *
     * @param eps0 ε0
     * @param eps1 ε1
     * @param eps2 ε2
     * @param sigma0 Σ0
     * @param t0 T0
     * @param errors their errors (scaled by {@code errorScale})
     * @param chi2 χ² of the fit
     * @param dof its degrees of freedom
     * @param errorScale √(χ²/dof) where the errors were scaled, else 1; null where the file does not say
     * @param errorsScaledByChi2 whether they were (false where the file does not say)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OnsetFit(@JsonProperty("eps0") double eps0, @JsonProperty("eps1") double eps1, @JsonProperty("eps2") double eps2,
                           @JsonProperty("sigma0") double sigma0, @JsonProperty("t0") double t0, @JsonProperty("errors") Onset5 errors,
                           @JsonProperty("chi2") double chi2, @JsonProperty("dof") int dof, @JsonProperty("error_scale") Double errorScale,
                           @JsonProperty("errors_scaled_by_chi2") boolean errorsScaledByChi2) {
        /** The fitted values. */
        public Onset5 values() { return new Onset5(eps0, eps1, eps2, sigma0, t0); }
    }

    /**
     * ⟨S⟩(T) = a + b/T.
     *
     * @param a a
     * @param b b
     * @param aErr error of a
     * @param bErr error of b
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeanFit(@JsonProperty("a") double a, @JsonProperty("b") double b, @JsonProperty("a_err") double aErr, @JsonProperty("b_err") double bErr) {}

    /**
     * @param blocks what the bootstrap resampled together ({@link org.softglass.core.barriers.BlockScheme#label}), or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bootstrap(@JsonProperty("blocks") String blocks) {}

    /** Reads {@code file} ({@code barriers.json}). */
    public static BarriersSummary read(Path file) throws IOException { return JsonFile.read(file, BarriersSummary.class); }
}
