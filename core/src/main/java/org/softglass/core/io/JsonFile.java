package org.softglass.core.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON files softglass writes: an object (maps, lists, records, numbers) as indented JSON, atomically
 * ({@link AtomicOutput}). Keys keep their insertion order ({@link #map}), so a file is identical run to run.
 */
public final class JsonFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The writer of {@link #compact}: Jackson's defaults, no indentation. */
    private static final ObjectMapper COMPACT = new ObjectMapper();
    /**
     * The reader of {@link #read}: a JSON null or a missing field bound to a {@code double} is NaN (the writers put null
     * where a number is not finite, {@link #finite}), not Jackson's 0.
     */
    private static final ObjectMapper READ = new ObjectMapper().registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
            .addDeserializer(Double.TYPE, new com.fasterxml.jackson.databind.deser.std.NumberDeserializers.DoubleDeserializer(Double.TYPE, Double.NaN)));

    private JsonFile() {}

    /** Writes {@code value} as indented JSON to {@code file}; the file appears complete or not at all. */
    public static void write(Path file, Object value) throws IOException {
        byte[] b = JSON.writeValueAsBytes(value);
        AtomicOutput.write(file, out -> out.write(b));
    }

    /**
     * An insertion-ordered map from alternating keys and values ({@code "tau_Q", 1.2, "N", 800}), unlike
     * {@code Map.of}, whose order changes run to run; values may be null.
     *
     * @throws IllegalArgumentException an odd number of arguments
     */
    public static Map<String, Object> map(Object... kv) {
        if (kv.length % 2 != 0) throw new IllegalArgumentException("odd number of key/value arguments");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** The indented JSON text of {@code value}, as {@link #write} writes it (no final newline). */
    public static String text(Object value) throws IOException { return JSON.writeValueAsString(value); }

    /**
     * The compact JSON text of {@code value} (no whitespace): a stable text to hash, e.g. a fingerprint of parameters
     * (the same value gives the same text run to run when its maps keep their order, {@link #map}).
     */
    public static String compact(Object value) throws IOException { return COMPACT.writeValueAsString(value); }

    /**
     * Reads a {@code softglass.NAME/1} document into {@code type}: the checks of {@link #readDocument(Path, String)}
     * (valid JSON, the schema), then the binding of {@link #read(Path, Class)} (a null or missing {@code double} is NaN).
     *
     * @throws InputFormatException naming the file: not JSON, another schema, or a field of the wrong kind
     */
    public static <T> T readDocument(Path file, String schema, Class<T> type) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root = readDocument(file, schema);
        try {
            return READ.treeToValue(root, type);
        } catch (com.fasterxml.jackson.databind.DatabindException e) {
            throw new InputFormatException(file.toString(), -1, "does not match its schema (" + e.getOriginalMessage() + ")", e);
        }
    }

    /**
     * {@link #read(Path, Class)} of a stream: a resource inside a jar, which has no path; {@code source} names it in
     * messages. The stream is read to its end, not closed.
     *
     * @throws InputFormatException naming {@code source}: not JSON, or a field of the wrong kind
     */
    public static <T> T read(java.io.InputStream in, String source, Class<T> type) throws IOException {
        try {
            return READ.readValue(in.readAllBytes(), type);
        } catch (com.fasterxml.jackson.databind.DatabindException e) {
            throw new InputFormatException(source, -1, "does not match its schema (" + e.getOriginalMessage() + ")", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputFormatException(source, -1, "not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (java.io.CharConversionException e) {
            throw new InputFormatException(source, -1, "not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a {@code softglass.NAME/1} document: valid JSON whose {@code schema} field is {@code schema}.
     *
     * @return the document's root
     * @throws InputFormatException naming the file: not JSON (or not text), or another schema
     */
    public static com.fasterxml.jackson.databind.JsonNode readDocument(Path file, String schema) throws IOException {
        String src = file.toString();
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = JSON.readTree(java.nio.file.Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputFormatException(src, -1, "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.CharConversionException e) { // Jackson's encoding detection: not text in any UTF
            throw new InputFormatException(src, -1, "not valid JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !schema.equals(root.path("schema").asText(""))) {
            throw new InputFormatException(src, -1, "field 'schema' missing or invalid, expected \"" + schema + "\"");
        }
        return root;
    }

    /**
     * Reads {@code file} into {@code type}, a record whose components name the file's fields ({@code @JsonProperty});
     * a {@code double} that is null or missing is NaN, a missing object, list or string null, a missing boolean false.
     * The schema field is not checked (the reader of a file with one states it).
     *
     * @throws InputFormatException naming the file: not JSON, or a field of the wrong kind (or an unknown one, unless the
     *     record ignores them)
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        String src = file.toString();
        try {
            return READ.readValue(java.nio.file.Files.readAllBytes(file), type);
        } catch (com.fasterxml.jackson.databind.DatabindException e) {
            throw new InputFormatException(src, -1, "does not match its schema (" + e.getOriginalMessage() + ")", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputFormatException(src, -1, "not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (java.io.CharConversionException e) {
            throw new InputFormatException(src, -1, "not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    /** {@code v}, or null (JSON null) when it is NaN or ±∞, which JSON cannot hold. */
    public static Double finite(double v) { return Double.isFinite(v) ? v : null; }
}
