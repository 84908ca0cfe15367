package org.softglass.core.simulate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.softglass.core.io.JsonFile;

/**
 * {@code run.json} of an MD output directory ({@link Simulation}): which run the directory holds and whether it is
 * complete, as written and read ({@link JsonFile#readStrict}): {@code {"key", "complete", "spec_key", "threads",
 * "kernels", "parameters": {...}}}. A component is null when the file lacks the field (a run.json of an older softglass
 * has only "key", "complete" and "parameters"); fields it does not know are ignored.
 *
 * @param key the run key ({@link Simulation#runKey}: spec, thread count and kernels)
 * @param complete whether the run finished
 * @param specKey the spec's own key
 * @param threads the thread count the run started with
 * @param kernels the force kernels ({@code scalar} or {@code simd-LANES})
 * @param parameters the run's parameters, for people ({@link RunSpec#asMap})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"key", "complete", "spec_key", "threads", "kernels", "parameters"})
record RunRecord(@JsonProperty("key") String key, @JsonProperty("complete") Boolean complete, @JsonProperty("spec_key") String specKey,
                 @JsonProperty("threads") Integer threads, @JsonProperty("kernels") String kernels,
                 @JsonProperty("parameters") LinkedHashMap<String, Object> parameters) {

    /** {@code f}, or null when it does not exist. @throws org.softglass.core.io.InputFormatException not JSON, or a field of the wrong kind */
    static RunRecord read(Path f) throws IOException {
        return Files.exists(f) ? JsonFile.readStrict(f, null, RunRecord.class) : null;
    }

    /** Writes {@code f} atomically. */
    void write(Path f) throws IOException {
        JsonFile.write(f, this);
    }
}
