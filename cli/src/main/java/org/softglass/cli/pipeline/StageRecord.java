package org.softglass.cli.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.softglass.core.io.JsonFile;

/**
 * The fields of a stage item's record {@code stages/KEY.json} that its readers use, as {@link PipelineLedger} writes
 * it (a manifest with command, parameters, status, fingerprint, inputs, outputs, seconds, results): the one typed reader
 * of that record, the ledger's own included.
 *
 * @param command the manifest's command, {@code pipeline KEY}; null when missing
 * @param status {@code complete}, or the state of an item still running; null when missing
 * @param seconds the item's wall time (s), NaN where not recorded
 * @param parameters the item's parameters as read, never null
 * @param fingerprint the fingerprint the item ran with ({@link PipelineLedger#fingerprint}); null when missing
 * @param outputs every output file the completed item wrote, by its name relative to the run directory; null when the
 *     record lists none (an item still running lists an empty map)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StageRecord(@JsonProperty("command") String command, @JsonProperty("status") String status,
                          @JsonProperty("seconds") double seconds, @JsonProperty("parameters") Parameters parameters,
                          @JsonProperty("fingerprint") String fingerprint, @JsonProperty("outputs") Map<String, Output> outputs) {
    public StageRecord {
        if (parameters == null) parameters = new Parameters(null);
    }

    /**
     * One output file as it was when the item completed.
     *
     * @param size its size (bytes), or null when missing
     * @param mtime its modification time (ms since the epoch), or null when missing
     * @param sha256 its SHA-256 (hex), or null when missing
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Output(@JsonProperty("size") Long size, @JsonProperty("mtime") Long mtime, @JsonProperty("sha256") String sha256) {}

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
