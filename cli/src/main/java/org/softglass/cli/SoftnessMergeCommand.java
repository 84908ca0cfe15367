package org.softglass.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import org.softglass.core.softness.SoftnessApply;
import org.softglass.core.softness.SoftnessMerge;
import org.softglass.core.structure.FeatureMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass softness-merge DIR... --out DIR}: joins the shards of one {@code softness MODEL TRAJ --frames A:B}
 * run into the folder one run over all frames writes: {@code descriptors/} joined as {@code descriptors-merge} joins it,
 * softness.npy, rows.npy, softness.json ({@link SoftnessMerge}), frames.csv and softness.png byte for byte (a row's S
 * depends on its descriptors and the model only). The shards must apply the same model (SHA-256) to frames 0, 1, … of
 * one trajectory without gap or overlap.
 */
@Command(name = "softness-merge", mixinStandardHelpOptions = true,
        description = {"Join the shards of 'softglass softness MODEL TRAJ --frames A:B' into the files one run over all frames writes.",
                "The shards must apply the same model to the same TRAJ and cover frames 0, 1, ... without gap or overlap.",
                "Writes DIR/softness.npy, DIR/rows.npy, DIR/softness.json, DIR/frames.csv, DIR/softness.png, DIR/descriptors/ (byte for byte a single run's)",
                "and DIR/softness.manifest.json."})
final class SoftnessMergeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "Output folders of 'softglass softness MODEL TRAJ --frames A:B', in any order.")
    List<Path> shards;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<Path> descriptorDirs = new ArrayList<>();
        String model = null;
        Path modelFile = null;
        for (Path d : shards) {
            Path man = d.resolve("softness.manifest.json");
            if (!Files.isRegularFile(man) || !Files.isDirectory(d.resolve("descriptors"))) {
                throw new InputFormatException(d.toString(), -1, "expected the output folder of 'softglass softness MODEL TRAJ --frames A:B' "
                        + "(softness.manifest.json and descriptors/)");
            }
            JsonNode m = JSON.readTree(man.toFile());
            Iterator<java.util.Map.Entry<String, JsonNode>> in = m.path("inputs").fields();
            if (!"softness".equals(m.path("command").asText()) || !in.hasNext()) {
                throw new InputFormatException(man.toString(), -1, "not the manifest of 'softglass softness' (with its model as first input)");
            }
            var first = in.next();   // the model: its path and hash as the shard recorded them
            String sha = m.path("parameters").path("model_sha256").asText(first.getValue().path("sha256").asText());
            if (model != null && !model.equals(sha)) {
                throw new InputFormatException(d.toString(), -1, "applied another model than " + shards.get(0) + " (the model's SHA-256 differs)");
            }
            model = sha;
            modelFile = Path.of(first.getKey());
            descriptorDirs.add(d.resolve("descriptors"));
        }
        FrameShards.requireOwnOut(shards, out);
        List<FrameShards.Shard> parts = FrameShards.ordered(descriptorDirs, shards);
        List<Path> order = parts.stream().map(FrameShards.Shard::dir).toList();   // the shard folders, in frame order
        Path features = out.resolve("descriptors");
        long rows = FeatureMerge.merge(order.stream().map(p -> p.resolve("descriptors")).toList(), features);
        FrameShards.descriptorsManifest(parts, features, rows).write(features.resolve("descriptors.manifest.json"));
        SoftnessApply.Summary sum = SoftnessMerge.merge(order, out, features);
        Manifest man = new Manifest(Version.get(), "softness").param("model_sha256", model)
                .param("merged_shards", order.stream().map(Path::toString).toList());
        if (Files.isRegularFile(modelFile)) man.input(modelFile, model);
        man.input(features.resolve("features.npy")).input(features.resolve("rows.npy"));
        org.softglass.study.softness.SoftnessStudy.write(out, sum, man);
        return ExitCodes.OK;
    }
}
