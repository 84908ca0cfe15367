package org.softglass.study.aging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.JsonFile;

/**
 * What md-aging reads of a pipeline's {@code summary.json}: {@code settings.inherent_structures} and the
 * {@code time_matching} block ({@code {"trap": {"factor", "refused"}, "trsp": {...}}}). Everything else in the file is
 * ignored; a component is null when the file lacks the field. Read through {@link JsonFile#readStrict} (a field of the
 * wrong kind is refused naming it).
 *
 * @param settings the pipeline's settings, or null
 * @param timeMatching the time-matching block, or null (a pipeline run from before time matching)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PipelineSummary(@JsonProperty("settings") Settings settings, @JsonProperty("time_matching") TimeMatching timeMatching) {

    /** @param inherentStructures whether the pipeline's trajectory holds inherent structures, or null */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Settings(@JsonProperty("inherent_structures") Boolean inherentStructures) {}

    /** @param trap the trap model's factor, or null; @param trsp the TRSP model's, or null */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TimeMatching(@JsonProperty("trap") Factor trap, @JsonProperty("trsp") Factor trsp) {
        /** The factor of model {@code name} ("trap" or "trsp"), or null. */
        Factor of(String name) {
            return switch (name) {
                case "trap" -> trap;
                case "trsp" -> trsp;
                default -> throw new IllegalArgumentException("no model " + name);
            };
        }
    }

    /** @param factor f = τ_Q,model/τ_Q,MD, null when refused; @param refused why, or null */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Factor(@JsonProperty("factor") Double factor, @JsonProperty("refused") String refused) {}

    /** Reads {@code file}. */
    static PipelineSummary read(Path file) throws IOException {
        return JsonFile.readStrict(file, null, PipelineSummary.class);
    }

    /** The summary's settings.inherent_structures, else true. */
    boolean inherent() {
        return settings == null || settings.inherentStructures() == null || settings.inherentStructures();
    }
}
