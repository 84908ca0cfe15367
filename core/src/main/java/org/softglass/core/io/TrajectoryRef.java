package org.softglass.core.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identity of the trajectory a product was derived from: the file as it was named and the
 * SHA-256 of its bytes. Every product of a trajectory records it under {@value #FIELD} in its JSON
 * sidecar ({@code phop.json}, {@code features.json}, {@code softness.json}, the events' manifest), as
 * {@code "trajectory": {"file": "...", "sha256": "..."}}.
 *
 * <p><b>The rule.</b> A companion input (p_hop, descriptors, softness, events) belongs to a
 * trajectory when its recorded SHA-256 equals the SHA-256 of that trajectory file; two products used
 * together belong together when their recorded SHA-256 are equal. Only the hash is compared: the file
 * name is for messages (the same file may be moved or renamed). Frame times and particle ids are not
 * enough: the inherent-structure trajectory ({@code is.dump}) and the thermal one ({@code traj.dump})
 * of one run share both, yet are different trajectories — p_hop of one and descriptors of the other
 * is a mismatch and is refused. A product that records no trajectory (written before softglass
 * recorded it) is refused where it has to be compared, with a message saying to recompute it.
 *
 * @param file the trajectory path as given when the product was made (for messages)
 * @param sha256 lower-case hex SHA-256 of the trajectory file's bytes (64 digits)
 */
public record TrajectoryRef(String file, String sha256) {
    /** The JSON field holding the record. */
    public static final String FIELD = "trajectory";

    /** Checks the fields. @throws IllegalArgumentException for a null file or a malformed hash */
    public TrajectoryRef {
        if (file == null) throw new IllegalArgumentException("trajectory file name is null");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a hex SHA-256: " + sha256);
    }

    /** The identity of a trajectory file: its path as given and the SHA-256 of its bytes (one read of the file). */
    public static TrajectoryRef of(Path trajectory) throws IOException {
        return new TrajectoryRef(trajectory.toString(), Manifest.sha256(trajectory));
    }

    /** The record as JSON writes it: {@code {"file", "sha256"}}. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("sha256", sha256);
        return m;
    }

    /**
     * The {@value #FIELD} field as a file holds it, unchecked: a product's record binds it
     * ({@link JsonFile#readStrict}) and {@link #read(Stored, String, String)} checks it. Other fields of the
     * object are ignored.
     *
     * @param file the trajectory as named, null when missing
     * @param sha256 the hash, null when missing
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stored(@JsonProperty("file") String file, @JsonProperty("sha256") String sha256) {}

    /** This record as a file stores it. */
    public Stored stored() { return new Stored(file, sha256); }

    /**
     * The record a product's file holds in its {@value #FIELD} field.
     *
     * @param t the field as bound, null when the file has none
     * @param src the file, for messages
     * @param remedy what to do when the record is absent, e.g. {@code "recompute it with 'softglass phop'"}
     * @throws InputFormatException if the record is missing or malformed
     */
    public static TrajectoryRef read(Stored t, String src, String remedy) {
        if (t == null) {
            throw new InputFormatException(src, -1, "no \"" + FIELD + "\" record (the SHA-256 of the trajectory it was computed from; "
                    + "written by an older softglass?), expected one to check it belongs to the trajectory it is used with: " + remedy);
        }
        if (t.file() == null || t.sha256() == null || !t.sha256().matches("[0-9a-f]{64}")) {
            throw new InputFormatException(src, -1, "\"" + FIELD + "\" is " + JsonFile.text(t) + ", expected {\"file\": NAME, \"sha256\": 64 hex digits}: " + remedy);
        }
        return new TrajectoryRef(t.file(), t.sha256());
    }

    /** A file's {@value #FIELD} field, whatever else it holds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Holder(@JsonProperty(FIELD) Stored trajectory) {}

    /**
     * The record held in a JSON file.
     *
     * @throws InputFormatException if the file is missing, is not JSON, or the record is missing or malformed
     */
    public static TrajectoryRef read(Path json, String remedy) throws IOException {
        if (!Files.isRegularFile(json)) {
            throw new InputFormatException(json.toString(), -1, "missing, expected it beside the data: it records the SHA-256 of the "
                    + "trajectory they were computed from (written by an older softglass?): " + remedy);
        }
        return read(JsonFile.readStrict(json, null, Holder.class).trajectory(), json.toString(), remedy);
    }

    /**
     * Refuses a product used with a trajectory it was not computed from: one line,
     * {@code SRC: PRODUCT was computed from a.dump (sha256 1a2b…), not from b.dump (sha256 9f8e…)}.
     *
     * @param actual the trajectory the product is used with
     * @param src the product's file holding this record
     * @param product what the product is, e.g. "p_hop", "softness", "descriptors", "the events"
     * @throws InputFormatException on a mismatch
     */
    public void requireTrajectory(TrajectoryRef actual, String src, String product) {
        if (!sha256.equals(actual.sha256)) {
            throw new InputFormatException(src, -1, was(product) + " computed from " + this + ", not from " + actual
                    + " (expected the same trajectory file, byte for byte)");
        }
    }

    /**
     * Refuses two products used together that come from different trajectories: one line,
     * {@code SRC: PRODUCT was computed from a.dump (sha256 …), but OTHER (OTHER_SRC) from b.dump (sha256 …)}.
     *
     * @param other the other product's record
     * @param src this product's file; @param product what this product is
     * @param otherSrc the other product's file; @param otherProduct what the other product is
     * @throws InputFormatException on a mismatch
     */
    public void requireSameAs(TrajectoryRef other, String src, String product, String otherSrc, String otherProduct) {
        if (!sha256.equals(other.sha256)) {
            throw new InputFormatException(src, -1, was(product) + " computed from " + this + ", but " + otherProduct + " (" + otherSrc
                    + ") from " + other + ": expected both from the same trajectory");
        }
    }

    /** "p_hop was", "softness was", "descriptors were", "the events were": a plural product ends in a single s. */
    private static String was(String product) {
        return product + (product.endsWith("s") && !product.endsWith("ss") ? " were" : " was");
    }

    /** {@code FILE (sha256 1a2b3c4d5e6f…)}: the file and the first 12 hex digits of the hash. */
    @Override
    public String toString() {
        return file + " (sha256 " + sha256.substring(0, 12) + "…)";
    }
}
