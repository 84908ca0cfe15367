package org.softglass.cli.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.softglass.core.io.Manifest;

/**
 * The SHA-256 of the files a {@link PipelineLedger} records, cached by path (relative to the run directory {@code root}
 * when under it, else absolute), size and modification time, so a large trajectory is hashed once as an input. The
 * cache starts from the outputs the item manifests record ({@link #remember}); a fresh hash ({@link #freshSha256})
 * refreshes it. Modifies only its own cache.
 */
final class LedgerHashes {
    /** A cached hash: the file's size and modification time (ms) when it was hashed, as text, and its SHA-256. */
    private record Hashed(String size, String mtime, String sha256) {}

    private final Path root;
    private final Map<String, Hashed> cache = new HashMap<>();

    LedgerHashes(Path root) { this.root = root; }

    /** Caches the outputs a stage record lists ({@code outputs: {name: {size, mtime, sha256}}}); nothing for null. */
    void remember(StageRecord manifest) {
        if (manifest != null && manifest.outputs() != null) {
            for (var e : manifest.outputs().entrySet()) {
                StageRecord.Output o = e.getValue();
                if (o != null) cache.put(e.getKey(), new Hashed(String.valueOf(o.size()), String.valueOf(o.mtime()), String.valueOf(o.sha256())));
            }
        }
    }

    /** SHA-256 of a file, from the cache when its size and modification time are unchanged. */
    String sha256(Path p) throws IOException {
        String key = rel(p);
        long size = Files.size(p), mtime = Files.getLastModifiedTime(p).toMillis();
        Hashed c = cache.get(key);
        if (c != null && c.size().equals(Long.toString(size)) && c.mtime().equals(Long.toString(mtime))) return c.sha256();
        String h = Manifest.sha256(p);
        cache.put(key, new Hashed(Long.toString(size), Long.toString(mtime), h));
        return h;
    }

    /** SHA-256 of a file read now (not from the cache), which then caches it. */
    String freshSha256(Path p) throws IOException {
        long size = Files.size(p), mtime = Files.getLastModifiedTime(p).toMillis();
        String h = Manifest.sha256(p);
        cache.put(rel(p), new Hashed(Long.toString(size), Long.toString(mtime), h));
        return h;
    }

    /** The name a manifest records for {@code p}: relative to the run directory when under it, else absolute. */
    String rel(Path p) {
        Path a = p.toAbsolutePath().normalize(), r = root.toAbsolutePath().normalize();
        return a.startsWith(r) ? r.relativize(a).toString() : a.toString();
    }
}
