package org.softglass.cli.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.JsonFile;

/**
 * The numbers of a stage item's record {@code stages/KEY.json} that its readers use, as {@link PipelineLedger} writes
 * it (a manifest with status, fingerprint, inputs, outputs, seconds, results): the one typed reader of that record.
 *
 * @param status {@code complete}, or the state of an item still running
 * @param seconds the item's wall time (s), NaN where not recorded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StageRecord(@JsonProperty("status") String status, @JsonProperty("seconds") double seconds) {
    /** Reads {@code file}. */
    public static StageRecord read(Path file) throws IOException { return JsonFile.read(file, StageRecord.class); }
}
