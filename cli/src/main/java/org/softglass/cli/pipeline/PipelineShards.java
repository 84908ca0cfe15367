package org.softglass.cli.pipeline;

import org.softglass.cli.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.FileTree;

/**
 * The frame-block layouts of the pipeline ({@code --quench-shards}, {@code --softness-shards}): one temperature's work as
 * K shard items and a merge item ({@link #split}), and the removal of the shard items a run with more shards left
 * ({@link #dropExtraShards}).
 */
final class PipelineShards {
    private final Pipeline pl;

    PipelineShards(Pipeline pl) { this.pl = pl; }

    /**
     * One temperature's work in frame blocks: K = min(k, F) items {@code stage-label-<letter><i>} in
     * {@code parent/label-<letter><i>}, item i on frames [⌊i F/K⌋, ⌊(i+1) F/K⌋) of the F frames (the last one to the end
     * of the file: the merge checks it got there), then the item {@code stage-<mergeLabel>} in {@code parent/<mergeLabel>}
     * joining the shard folders ({@link ShardMerge}) into its emptied folder.
     *
     * @param outputs the files of a shard folder the merge reads (its inputs, so its dependencies)
     */
    record Split(String stage, String label, String letter, int k, long frames, Path parent, List<String> outputs,
            Merge merge, String mergeLabel) {}

    /** What the merge item of a {@link Split} runs: the shard folders in order joined into {@code dir}; returns the item's results. */
    interface Merge { Map<String, Object> run(List<Path> shards, Path dir) throws IOException; }

    /**
     * Forgets, at every temperature, the shard items {@code stage-T…-<letter><i>} with i ≥ min(k, F) that a run with more
     * shards left, and deletes their folders {@code parent/T…-<letter><i>} ({@link PipelineLedger#dropShards}); not in a
     * batch job of one item, which leaves the layout to the submission.
     */
    void dropExtraShards(String stage, String letter, int k, Path parent) throws IOException {
        if (pl.items.onlyItem != null) return;
        for (int j = 0; j < pl.preset.temperatures().length; j++) {
            String label = PipelinePreset.label(pl.preset.temperatures()[j]);
            pl.ledger.dropShards(stage, label, letter, (int) Math.min(k, pl.preset.frames(j)), i -> parent.resolve(label + "-" + letter + i));
        }
    }

    /** What a shard item runs on frames {@code range} ("A:B") into its emptied folder. */
    interface ShardWork { Map<String, Object> run(String range, Path dir) throws IOException; }

    /**
     * Runs (or plans) the items of {@code s}: each shard with {@code params} plus its {@code frames} range and
     * {@code inputs}, each from an empty folder; the merge with the shard count.
     */
    void split(Split s, Map<String, Object> params, List<Path> inputs, ShardWork work) throws IOException {
        int shards = (int) Math.min(s.k(), s.frames());
        List<Path> shardDirs = new ArrayList<>(), merged = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            long a = i * s.frames() / shards, b = i == shards - 1 ? Integer.MAX_VALUE : (i + 1) * s.frames() / shards;
            String range = a + ":" + b, label = s.label() + "-" + s.letter() + i;
            Map<String, Object> p = new LinkedHashMap<>(params);
            p.put("frames", range);
            Path dir = s.parent().resolve(label);
            pl.items.runItem(new PipelineLedger.Item(s.stage(), label, dir, p, inputs), d -> {
                FileTree.delete(d);
                Files.createDirectories(d);
                return work.run(range, d);
            });
            shardDirs.add(dir);
            for (String f : s.outputs()) merged.add(dir.resolve(f));
        }
        pl.items.runItem(new PipelineLedger.Item(s.stage(), s.mergeLabel(), s.parent().resolve(s.mergeLabel()), Csv.map("shards", shards), merged), d -> {
            FileTree.delete(d);   // from scratch: a resumed item could hold a killed write's temporary file
            return s.merge().run(shardDirs, d);
        });
    }
}
