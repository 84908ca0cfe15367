package org.softglass.core.io;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The fields of a pipeline run's {@code report/summary.json} (schema {@value #SCHEMA}, written by the cli's
 * {@code PipelineReport}) that its readers use: the one typed reader of that file. Every other field is ignored, so the
 * writer may add fields freely.
 *
 * @param settings the run's settings block, or null when the file has none
 * @param softnessModel the trained hyperplane's block ({@code softness_model}), or null when absent
 * @param md the per-temperature MD rows ({@code md}), or null when absent
 * @param timeMatching the model-to-MD time factors ({@code time_matching}), or null when absent (a run from before
 *     time matching)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PipelineSummary(@JsonProperty("settings") Settings settings, @JsonProperty("softness_model") SoftnessModel softnessModel,
                              @JsonProperty("md") List<MdRow> md, @JsonProperty("time_matching") TimeMatching timeMatching) {
    /** The summary schema this reader understands. */
    public static final String SCHEMA = "softglass.pipeline-summary/1";

    /**
     * The preset's or study's settings. A required field is boxed and null when missing (or JSON null); the caller names
     * it. A temperature list may be written as one number.
     *
     * @param model the pair potential or system name
     * @param n number of particles
     * @param temperatures the production temperatures (ε/k_B), an element null where the file has null
     * @param dt MD time step (τ)
     * @param trainTemperatures the training temperatures (ε/k_B)
     * @param pc p_hop threshold of the rearranging training examples, NaN when missing
     * @param pStable p_hop ceiling of the stable training examples, NaN when missing
     * @param tauC how long (τ) a stable example stays below it, NaN when missing
     * @param pR p_hop threshold of "rearranging" in P(R|S), or null when missing
     * @param features the descriptor preset, or null when missing
     * @param inherentStructures whether the run measured on inherent structures, or null when missing
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Settings(@JsonProperty("model") String model, @JsonProperty("n") Integer n,
                           @JsonProperty("temperatures") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Double> temperatures,
                           @JsonProperty("dt") Double dt,
                           @JsonProperty("train_temperatures") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Double> trainTemperatures,
                           @JsonProperty("pc") double pc, @JsonProperty("p_stable") double pStable, @JsonProperty("tau_c") double tauC,
                           @JsonProperty("p_R") Double pR, @JsonProperty("features") String features,
                           @JsonProperty("inherent_structures") Boolean inherentStructures) {}

    /**
     * The time matching of paper 000's supplement: per model, f = τ_Q,model/τ_Q,MD at the matching temperature.
     *
     * @param trap the trap model's factor, or null when absent
     * @param trsp the TRSP model's factor, or null when absent
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimeMatching(@JsonProperty("trap") Factor trap, @JsonProperty("trsp") Factor trsp) {
        /** The factor of model {@code name} ({@code trap} or {@code trsp}). */
        public Factor of(String name) {
            return switch (name) {
                case "trap" -> trap;
                case "trsp" -> trsp;
                default -> throw new IllegalArgumentException("no model " + name);
            };
        }
    }

    /**
     * One model's matching factor.
     *
     * @param factor f (dimensionless), or null when refused
     * @param refused why the matching was refused, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Factor(@JsonProperty("factor") Double factor, @JsonProperty("refused") String refused) {}

    /** Whether the run measured on inherent structures: the setting, true when the file does not say. */
    public boolean inherent() {
        return settings == null || settings.inherentStructures() == null || settings.inherentStructures();
    }

    /**
     * The softness model's fit.
     *
     * @param cvAccuracy the cross-validated accuracy (fraction), or null when missing
     * @param samples the number of training samples, NaN when missing
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SoftnessModel(@JsonProperty("cv_accuracy") Double cvAccuracy, @JsonProperty("samples") double samples) {}

    /**
     * One MD temperature.
     *
     * @param t the temperature (ε/k_B), NaN when missing
     * @param tauAlphaFs02 τ_α where F_s(q, t) = 0.2 (τ), or null when not measured
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MdRow(@JsonProperty("T") double t, @JsonProperty("tau_alpha_fs02") Double tauAlphaFs02) {}

    /**
     * Reads {@code file}.
     *
     * @throws InputFormatException naming the file: not JSON, not schema {@value #SCHEMA}, or a field of the wrong kind
     */
    public static PipelineSummary read(Path file) throws IOException {
        return JsonFile.readDocument(file, SCHEMA, PipelineSummary.class);
    }

    /**
     * Reads {@code file} without requiring the schema field (a summary written by hand or by a script, e.g. only
     * {@code settings.inherent_structures} and {@code time_matching}).
     *
     * @throws InputFormatException naming the file: not JSON, or a field of the wrong kind
     */
    public static PipelineSummary readUnchecked(Path file) throws IOException {
        return JsonFile.read(file, PipelineSummary.class);
    }

    /** The values of a list as read, null (JSON null) as NaN; an empty array for a missing list. */
    public static double[] doubles(List<Double> v) {
        if (v == null) return new double[0];
        double[] r = new double[v.size()];
        for (int i = 0; i < r.length; i++) r[i] = v.get(i) == null ? Double.NaN : v.get(i);
        return r;
    }
}
