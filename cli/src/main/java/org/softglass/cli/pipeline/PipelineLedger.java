package org.softglass.cli.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.softglass.core.io.FileTree;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;

/**
 * The pipeline's record of what each stage item has done: one JSON manifest per item in
 * {@code DIR/stages/<stage>[-<item>].json} with the parameters, the SHA-256 of every input and
 * output, the version and the wall time.
 *
 * <p>Rule: an item is <em>skipped</em> when its manifest says {@code complete}, its fingerprint
 * (hash of stage, item, parameters, thread count, version and the inputs' SHA-256) equals the current
 * one, and its outputs still exist with the recorded SHA-256 (hashed afresh: a flipped byte keeps
 * size and modification time). Otherwise a changed or missing output is reported and the item
 * recomputed. It is <em>resumed</em> (its directory kept, so e.g. an
 * MD run continues from its checkpoint) when the manifest says {@code running} with the same
 * fingerprint. Otherwise its directory is cleared and it runs from scratch. File hashes are cached by
 * (path, size, modification time; {@link LedgerHashes}), so a large trajectory is hashed once as an input; the check of a
 * skipped item's outputs refreshes that cache, so the items after it see the verified hashes.
 */
public final class PipelineLedger {
    private final Path root, stagesDir;
    private final String version;
    private final int threads;
    private final Consumer<String> warn;
    private final LedgerHashes hashes;

    /** One unit of work: its stage name, item label (or null), output directory, parameters and inputs. */
    record Item(String stage, String item, Path dir, Map<String, Object> params, List<Path> inputs) {
        String key() { return item == null ? stage : stage + "-" + item; }
    }

    /** What the ledger decided for an item. */
    enum Decision { SKIP, RESUME, FRESH }

    /**
     * @param threads the thread count every item runs with (part of each fingerprint)
     * @param warn told, in one line, why an item that looked finished is recomputed
     */
    PipelineLedger(Path root, String version, int threads, Consumer<String> warn) throws IOException {
        this.root = root;
        this.stagesDir = root.resolve("stages");
        this.version = version;
        this.threads = threads;
        this.warn = warn;
        this.hashes = new LedgerHashes(root);
        Files.createDirectories(stagesDir);
        try (Stream<Path> s = Files.list(stagesDir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).toList()) hashes.remember(read(p));
        }
    }

    /**
     * Removes the temporary files an interrupted run's atomic writes left ({@code .NAME.RANDOM.tmp}, AtomicOutput): never
     * a finished manifest. Only for a whole run, which holds the directory's lock; a batch job's single item
     * ({@code pipeline --item}) leaves them, as other items may be writing theirs.
     */
    void removeTemporaryFiles() throws IOException {
        try (Stream<Path> s = Files.list(stagesDir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith(".") && f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    Path manifestOf(Item it) { return stagesDir.resolve(it.key() + ".json"); }

    /** The fingerprint of an item as it would run now. */
    String fingerprint(Item it) throws IOException {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("stage", it.stage()); f.put("item", it.item()); f.put("version", version); f.put("threads", threads);
        f.put("params", it.params());
        Map<String, String> in = new LinkedHashMap<>();
        for (Path p : it.inputs()) in.put(rel(p), sha256(p));
        f.put("inputs", in);
        return Manifest.sha256(JsonFile.text(f).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether the item is complete with this fingerprint and its outputs unchanged (what {@link #decide} skips); changes
     * nothing on disk.
     */
    boolean upToDate(Item it, String fingerprint) throws IOException {
        StageRecord m = read(manifestOf(it));
        return m != null && fingerprint.equals(m.fingerprint()) && m.complete() && changedOutput(m) == null;
    }

    /** Decides whether to skip, resume or start the item afresh (clearing its directory then). */
    Decision decide(Item it, String fingerprint) throws IOException {
        StageRecord m = read(manifestOf(it));
        if (m != null && fingerprint.equals(m.fingerprint())) {
            if (m.complete()) {
                String changed = changedOutput(m);
                if (changed == null) return Decision.SKIP;
                warn.accept(it.key() + ": " + changed + "; recomputing");
            }
            if ("running".equals(m.status())) return Decision.RESUME;
        }
        FileTree.delete(it.dir());
        return Decision.FRESH;
    }

    /** Marks the item as running (written before any work, so an interruption can resume it). */
    void begin(Item it, String fingerprint) throws IOException {
        Files.createDirectories(it.dir());
        write(it, fingerprint, "running", Map.of(), 0, Map.of());
    }

    /** Marks the item complete with the SHA-256 of every regular file under its directory. */
    void complete(Item it, String fingerprint, double seconds, Map<String, Object> results) throws IOException {
        Map<String, Object> outs = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(it.dir())) {
            for (Path p : s.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                if (p.getFileName().toString().equals("checkpoint.bin")) continue;
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("size", Files.size(p));
                o.put("mtime", Files.getLastModifiedTime(p).toMillis());
                o.put("sha256", sha256(p));
                outs.put(rel(p), o);
            }
        }
        write(it, fingerprint, "complete", outs, seconds, results);
    }

    /** Forgets every item of the given stages (their manifests are removed), so they run again. */
    void invalidate(List<String> stages) throws IOException {
        try (Stream<Path> s = Files.list(stagesDir)) {
            for (Path p : s.toList()) {
                String f = p.getFileName().toString();
                for (String st : stages) if (f.equals(st + ".json") || f.startsWith(st + "-")) Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Forgets the items {@code stage-label-<letter><i>} (frame-block shards of one temperature) whose shard number is not below
     * {@code keep}, and deletes their output folders {@code dirOf(i)}: what a run with more shards left. Returns
     * their keys.
     */
    List<String> dropShards(String stage, String label, String letter, int keep, java.util.function.IntFunction<Path> dirOf) throws IOException {
        List<String> dropped = new ArrayList<>();
        if (!Files.isDirectory(stagesDir)) return dropped;
        java.util.regex.Pattern shard = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(stage + "-" + label + "-" + letter) + "(\\d+)\\.json");
        try (Stream<Path> s = Files.list(stagesDir)) {
            for (Path p : s.sorted().toList()) {
                java.util.regex.Matcher m = shard.matcher(p.getFileName().toString());
                if (!m.matches() || Integer.parseInt(m.group(1)) < keep) continue;
                FileTree.delete(dirOf.apply(Integer.parseInt(m.group(1))));
                Files.deleteIfExists(p);
                dropped.add(p.getFileName().toString().replace(".json", ""));
            }
        }
        return dropped;
    }

    private void write(Item it, String fingerprint, String status, Map<String, Object> outs, double seconds,
                       Map<String, Object> results) throws IOException {
        Manifest man = new Manifest(version, "pipeline " + it.key());
        it.params().forEach(man::param);
        man.result("status", status);
        Map<String, Object> m = man.asMap();
        m.put("fingerprint", fingerprint);
        m.put("status", status);
        Map<String, String> in = new LinkedHashMap<>();
        for (Path p : it.inputs()) in.put(rel(p), sha256(p));
        m.put("inputs", in);
        m.put("outputs", outs);
        m.put("seconds", seconds);
        m.put("results", results);
        man.write(manifestOf(it));
    }

    /**
     * What differs between a completed item's recorded outputs and the files now (e.g. "output
     * phop/T0.72/phop.npy changed since it was written"), or null when every output holds the
     * recorded SHA-256. Each file is hashed afresh and the result cached.
     */
    private String changedOutput(StageRecord m) throws IOException {
        if (m.outputs() == null) return "its record lists no outputs";
        for (var e : m.outputs().entrySet()) {
            String name = e.getKey();
            Path p = root.resolve(name);
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return "output " + name + " is missing";
            if (e.getValue() == null || !Objects.equals(hashes.freshSha256(p), e.getValue().sha256())) {
                return "output " + name + " changed since it was written";
            }
        }
        return null;
    }

    /** SHA-256 of a file, from the cache when its size and modification time are unchanged ({@link LedgerHashes}). */
    String sha256(Path p) throws IOException { return hashes.sha256(p); }

    private String rel(Path p) { return hashes.rel(p); }

    private static StageRecord read(Path p) throws IOException {
        if (!Files.isRegularFile(p)) return null;
        try {
            return StageRecord.read(p);
        } catch (IOException | InputFormatException e) {
            return null; // an unreadable manifest (or one not a stage record) counts as absent: the item runs again
        }
    }
}
