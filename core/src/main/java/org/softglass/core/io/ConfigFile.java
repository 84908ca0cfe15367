package org.softglass.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A configuration file a person writes (YAML or JSON), bound strictly to a record: every key must be a component
 * ({@code @JsonProperty}) of the record or of a nested one, a value must be of its component's type (no float for an
 * integer, no null for a primitive), nothing may follow the document; a single value is accepted where a list is
 * expected. Errors name the file and the line: an unknown key the line that holds it, anything else where the parser
 * stopped.
 */
public final class ConfigFile {
    private ConfigFile() {}

    private static ObjectMapper mapper(boolean json) {
        return (json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /**
     * Reads {@code in} into {@code type}.
     *
     * @param file names the configuration in messages; when it is a readable file, the line of an unknown key is
     *     looked up in it
     * @param json JSON, else YAML
     * @return the configuration, or null when the document is null (a YAML {@code ~})
     * @throws InputFormatException naming {@code file} and the line: an unknown key ({@code unknown key 'K', expected one
     *     of [...]}), a value of the wrong type, malformed YAML or JSON, no content
     */
    public static <T> T read(InputStream in, Path file, boolean json, Class<T> type) throws IOException {
        try {
            return mapper(json).readValue(in, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InputFormatException(file.toString(), keyLine(file, e.getPropertyName(), line(e)), "unknown key '" + e.getPropertyName()
                    + "', expected one of " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw new InputFormatException(file.toString(), line(e), e.getOriginalMessage().lines().findFirst().orElse("malformed"));
        }
    }

    /**
     * The line of key {@code key}: the YAML parser reports where it stopped, which can be the line after the
     * key; the nearest line at or before it that holds {@code key:} (or {@code "key"}) is the key's.
     */
    private static long keyLine(Path file, String key, long reported) throws IOException {
        if (!Files.isRegularFile(file)) return reported;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Pattern p = Pattern.compile("(^|[\\s{,\\-])\"?" + Pattern.quote(key) + "\"?\\s*:");
        for (long l = Math.min(reported, lines.size()); l >= 1; l--) {
            if (p.matcher(lines.get((int) l - 1)).find()) return l;
        }
        return reported;
    }

    private static long line(JsonProcessingException e) {
        return e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    }
}
