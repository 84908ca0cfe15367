package org.softglass.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A configuration file a person writes (YAML or JSON), bound strictly to a record with the features every strict
 * reader shares ({@link JsonFile#strictFeatures}): every key must be a component ({@code @JsonProperty}) of the record
 * or of a nested one, no null (or missing key) for a primitive, no fraction for an integer, nothing after the
 * document; a single value is accepted where a list is expected. Unlike {@link JsonFile#readStrict}, a scalar may be
 * converted between text and number ({@code name: 2024} is a name, {@code dt: "0.005"} a number; a value that does not
 * convert, {@code dt: ten}, is refused): in YAML a plain scalar's kind is the parser's guess, not the writer's choice.
 * Errors name the file and the line: an unknown key the line that holds it, anything else where the parser stopped,
 * then the field ({@code at field 'quench.ftol'}).
 */
public final class ConfigFile {
    private static final ObjectMapper JSON = mapper(com.fasterxml.jackson.databind.json.JsonMapper.builder()),
            YAML = mapper(com.fasterxml.jackson.dataformat.yaml.YAMLMapper.builder());

    private ConfigFile() {}

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> ObjectMapper mapper(B builder) {
        return JsonFile.strictFeatures(builder).enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY).build();
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
            return (json ? JSON : YAML).readValue(in, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InputFormatException(file.toString(), keyLine(file, e.getPropertyName(), line(e)), "unknown key '" + e.getPropertyName()
                    + "', expected one of " + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            throw new InputFormatException(file.toString(), line(e), firstLine(e) + JsonFile.at(e));
        } catch (JsonProcessingException e) {
            throw new InputFormatException(file.toString(), line(e), firstLine(e));
        } catch (java.io.CharConversionException e) { // Jackson's encoding detection (JSON): not text in any UTF
            throw new InputFormatException(file.toString(), -1, "not text (" + e.getMessage() + "), expected UTF-8", e);
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

    private static String firstLine(JsonProcessingException e) {
        return e.getOriginalMessage().lines().findFirst().orElse("malformed");
    }

    private static long line(JsonProcessingException e) {
        return e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    }
}
