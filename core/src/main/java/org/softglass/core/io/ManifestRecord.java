package org.softglass.core.io;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run's manifest as read back: the one reader of the files {@link Manifest} writes ({@link Manifest#read}).
 *
 * <p>{@code parameters} and {@code results} hold the JSON values as Jackson binds them untyped: a whole number is an
 * {@link Integer} (a {@link Long} or {@link java.math.BigInteger} when it does not fit), any other number a
 * {@link Double}, an object an insertion-ordered {@link Map}, an array a {@link List}. Two values are the same parameter
 * when {@link Objects#equals} says so, which is how the JSON trees compared: {@code 5} is not {@code 5.0}, an object's
 * key order does not matter, and a key that is missing is not one whose value is null.
 *
 * @param tool       {@code "softglass"}; null when missing
 * @param version    the softglass version that wrote it; null when missing
 * @param command    the subcommand, e.g. {@code "descriptors"}; null when missing
 * @param created    the ISO-8601 instant it was written; null when missing
 * @param parameters the run's parameters in file order, never null
 * @param inputs     the input files in file order, never null
 * @param outputs    the output files, never null
 * @param results    the run's results in file order, never null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManifestRecord(String tool, String version, String command, String created, Map<String, Object> parameters,
                             List<Input> inputs, List<String> outputs, Map<String, Object> results) {
    /** Writes a value as JSON for messages (compact, as Jackson's trees print themselves). */
    private static final ObjectMapper TEXT = new ObjectMapper();

    /**
     * One input file.
     *
     * @param path   the file as the run named it
     * @param sha256 its SHA-256 (hex); "" when not recorded
     * @param bytes  its size (bytes); -1 when not recorded
     */
    public record Input(String path, String sha256, long bytes) {}

    /** An input's fields as the file holds them (under its path). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Hash(@JsonProperty("sha256") String sha256, @JsonProperty("bytes") Long bytes) {}

    public ManifestRecord {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(parameters);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : java.util.Collections.unmodifiableList(outputs);
        results = results == null ? Map.of() : java.util.Collections.unmodifiableMap(results);
    }

    /** Binds the file's fields; {@code inputs} is the object {@code {path: {"sha256", "bytes"}}}. */
    @JsonCreator
    static ManifestRecord bind(@JsonProperty("tool") String tool, @JsonProperty("version") String version,
                               @JsonProperty("command") String command, @JsonProperty("created") String created,
                               @JsonProperty("parameters") LinkedHashMap<String, Object> parameters,
                               @JsonProperty("inputs") LinkedHashMap<String, Hash> inputs,
                               @JsonProperty("outputs") List<String> outputs,
                               @JsonProperty("results") LinkedHashMap<String, Object> results) {
        List<Input> in = new ArrayList<>();
        if (inputs != null) {
            inputs.forEach((p, h) -> in.add(new Input(p, h == null || h.sha256() == null ? "" : h.sha256(),
                    h == null || h.bytes() == null ? -1 : h.bytes())));
        }
        return new ManifestRecord(tool, version, command, created, parameters, in, outputs, results);
    }

    /**
     * Reads a manifest.
     *
     * @throws InputFormatException naming the file: not JSON, or a field of the wrong kind
     */
    public static ManifestRecord read(Path file) throws IOException { return JsonFile.read(file, ManifestRecord.class); }

    /** The SHA-256 of the first input (the file the run read first), or "" when there is none. */
    public String firstInputSha256() { return inputs.isEmpty() ? "" : inputs.getFirst().sha256(); }

    /** Whether parameter {@code key} is the same here and in {@code other}: missing in both, or present in both with equal values. */
    public boolean sameParameter(String key, ManifestRecord other) {
        return parameters.containsKey(key) == other.parameters.containsKey(key) && Objects.equals(parameters.get(key), other.parameters.get(key));
    }

    /** Parameter {@code key} as JSON text for messages ({@code "A"}, {@code 1.0E-4}, {@code [1,2]}); "" when missing. */
    public String parameterText(String key) { return parameters.containsKey(key) ? json(parameters.get(key)) : ""; }

    /** The version as JSON text for messages ({@code "0.9.0"} with its quotes); "" when missing. */
    public String versionText() { return version == null ? "" : json(version); }

    /** Whether result {@code key} is a whole number. */
    public boolean resultIsWhole(String key) {
        Object v = results.get(key);
        return v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger;
    }

    /** Result {@code key} as a long (a fraction truncated); 0 when missing or not a number. */
    public long resultLong(String key) { return results.get(key) instanceof Number n ? n.longValue() : 0; }

    /** Result {@code key} as an int (a fraction truncated); 0 when missing or not a number. */
    public int resultInt(String key) { return results.get(key) instanceof Number n ? n.intValue() : 0; }

    /**
     * Result {@code key} as a flag: true for {@code true}, a non-zero whole number or the text {@code "true"}; false
     * when missing or anything else.
     */
    public boolean resultFlag(String key) {
        return switch (results.get(key)) {
            case Boolean b -> b;
            case Integer i -> i != 0;
            case Long l -> l != 0;
            case String s -> "true".equals(s.trim());
            case null, default -> false;
        };
    }

    private static String json(Object v) {
        try {
            return TEXT.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);   // a value read from JSON always writes
        }
    }
}
