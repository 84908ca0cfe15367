package org.softglass.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PipelineLedger}: an item is skipped only when its outputs hold the very bytes it wrote. */
class PipelineLedgerTest {

    private static PipelineLedger.Item item(Path root) {
        return new PipelineLedger.Item("phop", "T0.72", root.resolve("phop").resolve("T0.72"), Map.of("tR", 1.0), List.of());
    }

    /** Completes the item with one output, {@code phop.npy}. */
    private static Path complete(PipelineLedger l, PipelineLedger.Item it) throws IOException {
        String fp = l.fingerprint(it);
        l.begin(it, fp);
        Path npy = Files.write(it.dir().resolve("phop.npy"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        l.complete(it, fp, 0.1, Map.of());
        return npy;
    }

    @Test
    void intactOutputsAreSkipped(@TempDir Path root) throws IOException {
        PipelineLedger.Item it = item(root);
        complete(new PipelineLedger(root, "v", 2, s -> {}), it);
        List<String> said = new ArrayList<>();
        PipelineLedger again = new PipelineLedger(root, "v", 2, said::add);
        assertEquals(PipelineLedger.Decision.SKIP, again.decide(it, again.fingerprint(it)));
        assertEquals(List.of(), said);
    }

    /**
     * The temporary file a killed run leaves behind while writing a stage manifest is removed when a whole run
     * opens the ledger again ({@link PipelineLedger#removeTemporaryFiles}), not by merely opening it (a batch job's
     * single item leaves other items' files alone); finished manifests and other files stay.
     */
    @Test
    void orphanTemporaryManifestsOfAKilledRunAreRemoved(@TempDir Path root) throws IOException {
        PipelineLedger.Item it = item(root);
        complete(new PipelineLedger(root, "v", 2, s -> {}), it);
        Path stages = root.resolve("stages");
        Path orphan = Files.writeString(stages.resolve(".phop-T0.72.json.12345.tmp"), "{\"half");
        Path other = Files.writeString(stages.resolve("notes.txt"), "kept");
        PipelineLedger again = new PipelineLedger(root, "v", 2, s -> {});
        assertTrue(Files.exists(orphan), "opening the ledger removes nothing");
        again.removeTemporaryFiles();
        assertTrue(Files.notExists(orphan), "orphan temp file removed");
        assertTrue(Files.exists(other) && Files.exists(again.manifestOf(it)), "other files stay");
        assertEquals(PipelineLedger.Decision.SKIP, again.decide(it, again.fingerprint(it)));
    }

    /** A flipped byte (same size, modification time put back, as bit rot leaves it) recomputes the item and says so. */
    @Test
    void flippedByteInAnOutputRecomputes(@TempDir Path root) throws IOException {
        PipelineLedger.Item it = item(root);
        Path npy = complete(new PipelineLedger(root, "v", 2, s -> {}), it);
        FileTime mtime = Files.getLastModifiedTime(npy);
        byte[] b = Files.readAllBytes(npy);
        b[3] ^= 1;
        Files.write(npy, b);
        Files.setLastModifiedTime(npy, mtime);
        List<String> said = new ArrayList<>();
        PipelineLedger again = new PipelineLedger(root, "v", 2, said::add);
        assertEquals(PipelineLedger.Decision.FRESH, again.decide(it, again.fingerprint(it)));
        assertEquals(List.of("phop-T0.72: output " + Path.of("phop", "T0.72", "phop.npy") + " changed since it was written; recomputing"), said);
    }

    /** A missing output recomputes the item too, and says which. */
    @Test
    void missingOutputRecomputes(@TempDir Path root) throws IOException {
        PipelineLedger.Item it = item(root);
        Files.delete(complete(new PipelineLedger(root, "v", 2, s -> {}), it));
        List<String> said = new ArrayList<>();
        PipelineLedger again = new PipelineLedger(root, "v", 2, said::add);
        assertEquals(PipelineLedger.Decision.FRESH, again.decide(it, again.fingerprint(it)));
        assertTrue(said.size() == 1 && said.get(0).contains("phop.npy is missing"), said.toString());
    }

    /** The thread count is part of every item's fingerprint: another --threads never passes for the same result. */
    @Test
    void threadCountIsInTheFingerprint(@TempDir Path root) throws IOException {
        PipelineLedger.Item it = item(root);
        assertNotEquals(new PipelineLedger(root, "v", 2, s -> {}).fingerprint(it), new PipelineLedger(root, "v", 1, s -> {}).fingerprint(it));
    }

    /** A run with fewer shards forgets the extra shard items of a temperature and deletes their folders, and only those. */
    @Test
    void dropShardsForgetsTheExtraOnes(@TempDir Path root) throws IOException {
        Path stages = Files.createDirectories(root.resolve("stages"));
        for (String k : List.of("softness-T0.900-s0", "softness-T0.900-s1", "softness-T0.900-s2", "softness-T0.900-s10", "softness-T0.800-s3", "softness-T0.900")) {
            Files.writeString(stages.resolve(k + ".json"), "{}");
            Files.createDirectories(root.resolve("softness").resolve(k.substring("softness-".length())));
        }
        List<String> gone = new PipelineLedger(root, "v", 2, s -> {}).dropShards("softness", "T0.900", "s", 2,
                i -> root.resolve("softness").resolve("T0.900-s" + i));
        assertEquals(List.of("softness-T0.900-s10", "softness-T0.900-s2"), gone);
        for (String k : List.of("T0.900-s2", "T0.900-s10")) assertFalse(Files.exists(root.resolve("softness").resolve(k)), k);
        for (String k : List.of("softness-T0.900-s0", "softness-T0.900-s1", "softness-T0.800-s3", "softness-T0.900")) {
            assertTrue(Files.exists(stages.resolve(k + ".json")), k + " kept");
        }
    }
}
