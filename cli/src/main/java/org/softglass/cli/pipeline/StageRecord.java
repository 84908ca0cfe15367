package org.softglass.cli.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.JsonFile;

/**
 * The fields of a stage item's record {@code stages/KEY.json} that its readers use, as {@link PipelineLedger} writes
 * it (a manifest with command, parameters, status, fingerprint, inputs, outputs, seconds, results): the one typed reader
 * of that record.
 *
 * @param command the manifest's command, {@code pipeline KEY}; null when missing
 * @param status {@code complete}, or the state of an item still running; null when missing
 * @param seconds the item's wall time (s), NaN where not recorded
 * @param parameters the item's parameters as read, never null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StageRecord(@JsonProperty("command") String command, @JsonProperty("status") String status,
                          @JsonProperty("seconds") double seconds, @JsonProperty("parameters") Parameters parameters) {
    public StageRecord {
        if (parameters == null) parameters = new Parameters(null);
    }

    /**
     * The item parameters read.
     *
     * @param steps the production length of an MD item ({@code simulate-T…}: {@code RunSpec.asMap}), null for another item
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parameters(@JsonProperty("steps") Long steps) {}

    /** Whether the item is complete. */
    public boolean complete() { return "complete".equals(status); }

    /** Reads {@code file}. @throws org.softglass.core.io.InputFormatException naming the file, when it is not such a record */
    public static StageRecord read(Path file) throws IOException { return JsonFile.read(file, StageRecord.class); }
}
