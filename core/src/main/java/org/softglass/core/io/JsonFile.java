package org.softglass.core.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON files softglass writes and reads, the one place JSON is parsed. Writing: an object (maps, lists, records,
 * numbers) as indented JSON, atomically ({@link AtomicOutput}); keys keep their insertion order ({@link #map}), so a
 * file is identical run to run; a number that is not finite goes in as null ({@link #finite}). Reading binds a record
 * whose components name the file's fields, in one of two ways:
 * <ul>
 * <li>leniently, {@link #read} and (with its schema tag checked) {@link #readDocument}: for a file whose fields are
 * all optional to its reader, a report or summary a row or figure is taken from (pipeline summary, barriers.json,
 * JMH results): a null or missing {@code double} is NaN, and Jackson's usual conversions apply (a number written as a
 * string, 2.0 for an integer); the reader says "absent" for what it lacks;</li>
 * <li>strictly, {@link #readStrict} and {@link #readStrictWithComments}: for a file a computation depends on (a product
 * of softglass read back, a descriptor spec): no conversion at all, a field of the wrong kind refused naming its path,
 * what it holds and what was expected; the reader then checks presence and ranges in its own words.</li>
 * </ul>
 * A hand-written YAML or JSON configuration is bound by {@link ConfigFile}, which shares the strict features
 * ({@link #strictFeatures}) and names lines.
 */
public final class JsonFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The writer of {@link #text}: Jackson's defaults, no indentation. */
    private static final ObjectMapper LINE = new ObjectMapper();
    /**
     * The reader of {@link #read} and {@link #readDocument}: a JSON null or a missing field bound to a {@code double} is
     * NaN (the writers put null where a number is not finite, {@link #finite}), not Jackson's 0; a null element of a
     * primitive array ({@code double[]}, {@code long[]}, {@code int[]}) is refused, not read as 0 (bind a
     * {@code List<Double>} where nulls are expected); nothing may follow the document.
     */
    private static final ObjectMapper READ = lenientMapper();

    private static ObjectMapper lenientMapper() {
        ObjectMapper m = new ObjectMapper().registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
                .addDeserializer(Double.TYPE, new com.fasterxml.jackson.databind.deser.std.NumberDeserializers.DoubleDeserializer(Double.TYPE, Double.NaN)))
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (Class<?> a : new Class<?>[] {double[].class, long[].class, int[].class}) {
            m.configOverride(a).setSetterInfo(com.fasterxml.jackson.annotation.JsonSetter.Value.forContentNulls(com.fasterxml.jackson.annotation.Nulls.FAIL));
        }
        return m;
    }

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

    /**
     * Reads a {@code softglass.NAME/1} document leniently into {@code type}: the checks of {@link #root(Path, String)}
     * (valid JSON, the schema), then the binding of {@link #read(Path, Class)} (a null or missing {@code double} is NaN,
     * Jackson's usual conversions). For a document whose fields are all optional to its reader (a summary a report is
     * taken from); a document a computation depends on is read with {@link #readStrict}.
     *
     * @throws InputFormatException naming the file: not JSON, another schema, or a field of the wrong kind (and where)
     */
    public static <T> T readDocument(Path file, String schema, Class<T> type) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root = root(file, schema);
        try {
            return READ.treeToValue(root, type);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw schemaMismatch(file.toString(), e);
        }
    }

    /**
     * The root of a {@code softglass.NAME/1} document: valid JSON whose {@code schema} field is {@code schema}.
     *
     * @throws InputFormatException naming the file: not JSON (or not text), or another schema
     */
    private static com.fasterxml.jackson.databind.JsonNode root(Path file, String schema) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root = tree(file, READ, false);
        requireSchema(file.toString(), root, schema);
        return root;
    }

    /**
     * The parsed text of {@code file} (null or a missing node when it holds nothing).
     *
     * @param lines whether a syntax error names its line (a hand-written file)
     * @throws InputFormatException naming the file: not JSON (or not text in any UTF)
     */
    private static com.fasterxml.jackson.databind.JsonNode tree(Path file, ObjectMapper mapper, boolean lines) throws IOException {
        String src = file.toString();
        try {
            return mapper.readTree(java.nio.file.Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            long line = lines && e.getLocation() != null ? e.getLocation().getLineNr() : -1;
            throw new InputFormatException(src, line, "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.CharConversionException e) { // Jackson's encoding detection: not text in any UTF
            throw new InputFormatException(src, -1, "not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    /** @throws InputFormatException unless {@code root}'s field "schema" is {@code schema} */
    private static void requireSchema(String src, com.fasterxml.jackson.databind.JsonNode root, String schema) {
        if (root == null || !schema.equals(root.path("schema").asText(""))) {
            throw new InputFormatException(src, -1, "field 'schema' missing or invalid, expected \"" + schema + "\"");
        }
    }

    /**
     * {@link #read(Path, Class)} of a stream: a resource inside a jar, which has no path; {@code source} names it in
     * messages. The stream is read to its end, not closed.
     *
     * @throws InputFormatException naming {@code source}: not JSON, or a field of the wrong kind
     */
    public static <T> T read(java.io.InputStream in, String source, Class<T> type) throws IOException {
        return lenient(in.readAllBytes(), source, type);
    }

    /**
     * Reads {@code file} leniently into {@code type}, a record whose components name the file's fields
     * ({@code @JsonProperty}): a {@code double} that is null or missing is NaN, a missing object, list or string null,
     * a missing boolean false; Jackson's usual conversions apply (a number written as a string). The schema field is
     * not checked (the reader of a file with one states it, or uses {@link #readDocument}). For a file a computation
     * depends on, use {@link #readStrict}.
     *
     * @throws InputFormatException naming the file: not JSON, or a field of the wrong kind (or an unknown one, unless the
     *     record ignores them), and where
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        return lenient(java.nio.file.Files.readAllBytes(file), file.toString(), type);
    }

    private static <T> T lenient(byte[] bytes, String src, Class<T> type) throws IOException {
        try {
            return READ.readValue(bytes, type);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {   // FAIL_ON_TRAILING_TOKENS
                throw new InputFormatException(src, -1, "not valid JSON (text after the document: " + e.getOriginalMessage() + ")", e);
            }
            throw schemaMismatch(src, e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputFormatException(src, -1, "not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (java.io.CharConversionException e) { // Jackson's encoding detection: not text in any UTF
            throw new InputFormatException(src, -1, "not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    /** {@code does not match its schema (JACKSON'S MESSAGE) at field 'a.b[0]'}: a lenient binding that failed. */
    private static InputFormatException schemaMismatch(String src, com.fasterxml.jackson.databind.JsonMappingException e) {
        return new InputFormatException(src, -1, "does not match its schema (" + e.getOriginalMessage() + ")" + at(e), e);
    }

    /** {@code " at field 'a.b[0]'"}, the place in the document where binding failed, or "" at its root. */
    static String at(com.fasterxml.jackson.databind.JsonMappingException e) {
        String p = path(e.getPath());
        return p.isEmpty() ? "" : " at field '" + p + "'";
    }

    /**
     * The reader of {@link #readStrict}: {@link #strictFeatures}, and no coercion at all (a string is not a number, a
     * number not a string, 1.5 not an integer, null not a primitive); unknown fields refused unless the record ignores
     * them.
     */
    private static final ObjectMapper STRICT = strict(false), STRICT_COMMENTS = strict(true);

    /**
     * What every strict reader of softglass refuses ({@link #readStrict}, {@link ConfigFile}): null (or a missing field)
     * for a primitive component, anything after the document, a number with a fraction (or 2.0) for an integer, an
     * unknown field unless the record ignores them, a key given twice in one object (Jackson would keep the last
     * silently). {@code builder} is returned, configured.
     */
    static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B strictFeatures(B builder) {
        return builder.enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    private static ObjectMapper strict(boolean comments) {
        com.fasterxml.jackson.databind.json.JsonMapper m = strictFeatures(com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .configure(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS, comments))
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        m.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        m.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Boolean)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        return m;
    }

    /**
     * Reads a {@code softglass.NAME/1} document strictly into {@code type}, a record whose components name the file's
     * fields; for a document a computation depends on (a product of softglass read back; a report whose fields are all
     * optional is read with {@link #readDocument}): the file must be a JSON object whose {@code schema} field is {@code schema} (unless {@code schema} is
     * null), and every field present must be of its component's kind: a number for {@code double}/{@code Double}, an
     * integer (no fraction, no exponent) for {@code long}/{@code int}, a string for {@code String}, an array for a
     * list or array, an object for a record or map, with no coercion; null for a primitive is refused (a boxed
     * component may be null). A field that is missing binds to null (boxed, object) — the caller checks what it
     * requires and the ranges, in its own words.
     *
     * @param schema the schema tag, or null when the document has none
     * @throws InputFormatException naming the file and, for a field of the wrong kind, the field (as
     *     {@code radial[0].mu[1]}), what it holds and what was expected: {@code field 'times[3]' is "x", expected a number};
     *     an unknown field as {@code unknown field 'X', expected one of [...]}
     */
    public static <T> T readStrict(Path file, String schema, Class<T> type) throws IOException {
        return bind(file, schema, type, STRICT, false);
    }

    /**
     * {@link #readStrict} for a hand-written file that may hold {@code //} and {@code /* *}{@code /} comments (a
     * descriptor spec); no schema field. A syntax error names its line.
     */
    public static <T> T readStrictWithComments(Path file, Class<T> type) throws IOException {
        return bind(file, null, type, STRICT_COMMENTS, true);
    }

    private static <T> T bind(Path file, String schema, Class<T> type, ObjectMapper mapper, boolean lines) throws IOException {
        String src = file.toString();
        com.fasterxml.jackson.databind.JsonNode root = tree(file, mapper, lines);
        if (root == null || !root.isObject()) {
            throw new InputFormatException(src, -1, "holds " + (root == null || root.isMissingNode() ? "nothing" : InputFormatException.quote(root.toString()))
                    + ", expected a JSON object");
        }
        if (schema != null) requireSchema(src, root, schema);
        try {
            return mapper.treeToValue(root, type);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            java.util.TreeSet<String> known = new java.util.TreeSet<>();
            if (e.getKnownPropertyIds() != null) for (Object k : e.getKnownPropertyIds()) known.add(String.valueOf(k));
            throw new InputFormatException(src, -1, "unknown field '" + path(e.getPath()) + "', expected one of " + known, e);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw mismatch(src, root, e.getPath(), e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null, e);
        } catch (com.fasterxml.jackson.core.exc.InputCoercionException e) { // an integer out of the component's range
            throw new InputFormatException(src, -1, "a number out of range (" + e.getOriginalMessage() + ")", e);
        } catch (IllegalArgumentException e) { // a record's constructor refused the values
            throw new InputFormatException(src, -1, e.getMessage(), e);
        }
    }

    /** A field of the wrong kind: {@code field 'PATH' is VALUE, expected KIND}. */
    private static InputFormatException mismatch(String src, com.fasterxml.jackson.databind.JsonNode root,
            java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path, Class<?> target, Exception cause) {
        if (cause.getCause() instanceof IllegalArgumentException a && !(cause instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException)) {
            return new InputFormatException(src, -1, a.getMessage(), cause);   // a record's constructor refused the values
        }
        com.fasterxml.jackson.databind.JsonNode n = root;
        for (var r : path) n = n == null ? null : r.getFieldName() != null ? n.get(r.getFieldName()) : n.get(r.getIndex());
        String found = n == null ? "is missing" : "is " + InputFormatException.quote(n.toString());
        boolean range = cause.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException;
        if (range) target = ((com.fasterxml.jackson.core.exc.InputCoercionException) cause.getCause()).getTargetType();
        // an element of a primitive array: the exception names the array type
        if (target != null && target.isArray() && !path.isEmpty() && path.getLast().getFieldName() == null) target = target.getComponentType();
        return new InputFormatException(src, -1, "field '" + path(path) + "' " + found + ", expected " + kind(target)
                + (range ? " in range" : ""), cause);
    }

    /** {@code radial[0].mu[1]}: a field's place in the document. */
    private static String path(java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (var r : path) {
            if (r.getFieldName() != null) b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) b.append('[').append(r.getIndex()).append(']');
        }
        return b.toString();
    }

    /** What a component of type {@code t} holds, for messages: "a number", "an integer", "an array", ... */
    private static String kind(Class<?> t) {
        if (t == null) return "another kind of value";
        if (t == double.class || t == Double.class || t == float.class || t == Float.class || t == java.math.BigDecimal.class || t == Number.class) return "a number";
        if (t == long.class || t == Long.class || t == int.class || t == Integer.class || t == short.class || t == Short.class
                || t == java.math.BigInteger.class) return "an integer";
        if (t == String.class) return "a string";
        if (t == boolean.class || t == Boolean.class) return "true or false";
        if (t.isArray() || java.util.Collection.class.isAssignableFrom(t)) return "an array";
        return "an object";
    }

    /**
     * {@code value} as one line of JSON ({@code {"a":1}}, {@code [1,2]}, {@code "x"}), no whitespace: for messages, and a
     * stable text to hash (e.g. a fingerprint of parameters: the same value gives the same text run to run when its maps
     * keep their order, {@link #map}).
     *
     * @throws IllegalArgumentException a value Jackson cannot serialise
     */
    public static String text(Object value) {
        try {
            return LINE.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-serialisable: " + value, e);
        }
    }

    /** {@code value} as indented JSON, as {@link #write} writes it (no final newline). */
    public static String pretty(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-serialisable: " + value, e);
        }
    }

    /** {@code v}, or null (JSON null) when it is NaN or ±∞, which JSON cannot hold. */
    public static Double finite(double v) { return Double.isFinite(v) ? v : null; }
}
