package org.softglass.core.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small JSON record of a run, written beside its outputs so a result can be reproduced:
 * {@code {"tool": "softglass", "version", "command", "created", "parameters": {...},
 * "inputs": {path: {"sha256", "bytes"}}, "outputs": [...], "results": {...}}}. Written atomically; read back by
 * {@link #read}.
 */
public final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> inputs = new LinkedHashMap<>();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final java.util.List<String> outputs = new java.util.ArrayList<>();

    /** @param version the softglass version; @param command the subcommand, e.g. "energy" */
    public Manifest(String version, String command) {
        root.put("tool", "softglass");
        root.put("version", version);
        root.put("command", command);
        root.put("created", Instant.now().toString());
        root.put("java", Runtime.version().toString());
        root.put("parameters", parameters);
        root.put("inputs", inputs);
        root.put("outputs", outputs);
        root.put("results", results);
    }

    public Manifest param(String key, Object value) { parameters.put(key, value); return this; }
    public Manifest result(String key, Object value) { results.put(key, value); return this; }
    public Manifest output(Path p) { outputs.add(p.toString()); return this; }

    /** Records an input file with its SHA-256 and size. */
    public Manifest input(Path p) throws IOException {
        return input(p, sha256(p));
    }

    /**
     * Records an input file whose SHA-256 is already known (e.g. from a {@link TrajectoryRef}), so a
     * large trajectory is not read a second time.
     */
    public Manifest input(Path p, String sha256) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sha256", sha256);
        m.put("bytes", Files.size(p));
        inputs.put(p.toString(), m);
        return this;
    }

    /**
     * Records the trajectory the outputs were derived from under the top-level field
     * {@value TrajectoryRef#FIELD}, for consumers that check a companion input belongs to its
     * trajectory ({@link TrajectoryRef#read(Path, String)}).
     */
    public Manifest trajectory(TrajectoryRef t) {
        root.put(TrajectoryRef.FIELD, t.asMap());
        return this;
    }

    /** Hex SHA-256 of a file's bytes. */
    /** SHA-256 (hex) of bytes in memory. */
    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path p) throws IOException {
        if (Files.isDirectory(p)) throw new java.nio.file.FileSystemException(p.toString(), null, "Is a directory");
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest as a map (for tests). */
    public Map<String, Object> asMap() { return root; }

    /**
     * Reads a manifest back ({@link ManifestRecord}): its one reader.
     *
     * @throws InputFormatException naming the file: not JSON, or a field of the wrong kind
     */
    public static ManifestRecord read(Path file) throws IOException { return ManifestRecord.read(file); }

    /** Writes the manifest as indented JSON, atomically. */
    public void write(Path target) throws IOException {
        AtomicOutput.write(target, out -> out.write(JSON.writeValueAsBytes(root)));
    }
}
