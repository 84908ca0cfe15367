package org.softglass.study.shards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.ManifestRecord;
import org.softglass.core.util.InvalidParameter;

/**
 * The shards of one {@code descriptors --frames A:B} run (directly, or inside {@code softness TRAJ --frames A:B}), read
 * from their {@code descriptors.manifest.json}, put in frame order and checked to cover every frame of one trajectory
 * once: the first starts at frame 0, each starts where the one before ended, the last reached the end of the file, all
 * read the same trajectory (SHA-256) with the same settings. {@link ShardMerge} joins them.
 */
public final class FrameShards {
    /** Manifest parameters that may differ between shards (they do not change a row). */
    private static final List<String> PER_SHARD = List.of("frames", "threads");

    /** One shard: its descriptor directory, manifest, first frame and frame count. */
    public record Shard(Path dir, ManifestRecord manifest, long first, long frames, boolean reachedEnd) {}

    private FrameShards() {}

    /**
     * Reads and orders the shards whose descriptor directories are {@code dirs}.
     *
     * @param what how a shard folder is named in messages (the folder the user gave)
     * @throws InputFormatException naming the shard that is missing, overlaps, leaves a gap or differs
     */
    public static List<Shard> ordered(List<Path> dirs, List<Path> what) throws IOException {
        List<Shard> parts = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            Path man = dirs.get(i).resolve("descriptors.manifest.json");
            if (!Files.isRegularFile(man)) {
                throw InputFormatException.naming(what.get(i).toString(), -1, "no " + what.get(i).relativize(man) + ": expected the output folder of a "
                        + "'{frames} A:B' run");
            }
            ManifestRecord m = Manifest.read(man);
            if (!"descriptors".equals(m.command()) || !m.resultIsWhole("first_frame") || !m.resultIsWhole("frames")) {
                throw new InputFormatException(man.toString(), -1, "not the manifest of a 'descriptors' run that records its frames (first_frame, frames)");
            }
            parts.add(new Shard(what.get(i), m, m.resultLong("first_frame"), m.resultLong("frames"), m.resultFlag("reached_end_of_input")));
        }
        parts.sort(Comparator.comparingLong(Shard::first));
        Shard ref = parts.get(0);
        long want = 0;
        for (Shard p : parts) {
            if (!p.manifest().firstInputSha256().equals(ref.manifest().firstInputSha256())) {
                throw new InputFormatException(p.dir().toString(), -1, "read another trajectory than " + ref.dir() + " (its input's SHA-256 differs)");
            }
            if (!java.util.Objects.equals(ref.manifest().version(), p.manifest().version())) {
                throw new InputFormatException(p.dir().toString(), -1, "made by softglass " + p.manifest().versionText() + " but " + ref.dir()
                        + " by " + ref.manifest().versionText() + ": expected one run's shards");
            }
            java.util.Set<String> keys = new java.util.TreeSet<>(ref.manifest().parameters().keySet());
            keys.addAll(p.manifest().parameters().keySet());
            for (String k : keys) {
                if (!PER_SHARD.contains(k) && !ref.manifest().sameParameter(k, p.manifest())) {
                    throw new InputFormatException(p.dir().toString(), -1, "parameter " + k + " is " + p.manifest().parameterText(k) + " but "
                            + ref.manifest().parameterText(k) + " in " + ref.dir() + ": expected one run's shards");
                }
            }
            if (p.first() != want) {
                throw new InputFormatException(p.dir().toString(), -1, "starts at frame " + p.first() + ", expected " + want
                        + (p.first() < want ? " (it overlaps the shard before it)" : " (frames " + want + ".." + (p.first() - 1) + " are in no shard)"));
            }
            want = p.first() + p.frames();
        }
        Shard last = parts.getLast();
        if (!last.reachedEnd()) {
            throw new InputFormatException(last.dir().toString(), -1, "ends at frame " + (want - 1) + " but the trajectory has more frames "
                    + "(no shard reached its end): expected the shards of every frame");
        }
        return parts;
    }

    /**
     * Refuses an output folder that is one of the shard folders (the merge would read what it overwrites).
     *
     * @throws InvalidParameter naming the parameter {@code out}
     */
    public static void requireOwnOut(List<Path> shards, Path out) {
        Path o = out.toAbsolutePath().normalize();
        if (shards.stream().anyMatch(d -> d.toAbsolutePath().normalize().equals(o))) {
            throw new InvalidParameter("{out} " + out + " is one of the shards: expected a folder of its own");
        }
    }

    /**
     * The manifest of the joined descriptor directory {@code out}: the shards' parameters (without the per-shard ones),
     * the trajectory as input, the shard folders, and the joined frame and row counts.
     */
    public static Manifest descriptorsManifest(List<Shard> parts, Path out, long rows, String version) throws IOException {
        Shard ref = parts.get(0);
        Manifest m = merged("descriptors", ref.manifest(), PER_SHARD, parts.stream().map(Shard::dir).toList(), version);
        for (String name : new String[] {"features.npy", "rows.npy", "features.json"}) m.output(out.resolve(name));
        m.trajectory(org.softglass.core.structure.FeatureFiles.trajectory(out.resolve("features.json")));
        long frames = parts.stream().mapToLong(Shard::frames).sum();
        m.result("frames", frames).result("first_frame", 0).result("reached_end_of_input", true).result("rows", rows)
                .result("columns", ref.manifest().resultInt("columns"));
        return m;
    }

    /**
     * The manifest of a merge of shards made by {@code command}: the first shard's parameters less {@code perShard},
     * the shard folders ({@code merged_shards}) and the file the shards read (its first input, when it still exists).
     */
    public static Manifest merged(String command, ManifestRecord ref, List<String> perShard, List<Path> dirs, String version) throws IOException {
        Manifest m = new Manifest(version, command);
        ref.parameters().forEach((k, v) -> {
            if (!perShard.contains(k)) m.param(k, v);
        });
        m.param("merged_shards", dirs.stream().map(Path::toString).toList());
        Path in = Path.of(ref.inputs().getFirst().path());
        if (Files.isRegularFile(in)) m.input(in, ref.firstInputSha256());
        return m;
    }
}
