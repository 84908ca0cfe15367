package org.softglass.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass quench-merge DIR... --out DIR}: joins the shards of one quench ({@code quench DUMP --frames A:B},
 * run anywhere, e.g. as a cluster's job array) into the files a single {@code quench DUMP} writes. Every frame's
 * inherent structure is the one-thread quench of that frame whatever the shard or thread count, so
 * {@code is.dump} is the shards' files concatenated in frame order and {@code is_energy.csv} their rows under one
 * header: byte for byte the single run's. The shards must come from the same DUMP (SHA-256) with the same
 * minimiser settings and together cover consecutive frames from 0 without gap or overlap; the manifest's results
 * (frames, unconverged frames, mean U_IS/N, force evaluations) are recomputed from the joined rows in frame order.
 */
@Command(name = "quench-merge", mixinStandardHelpOptions = true,
        description = {"Join the shards of 'softglass quench DUMP --frames A:B' into the files one quench of all frames writes.",
                "The shards must quench the same DUMP with the same settings and cover frames 0, 1, ... without gap or overlap.",
                "Writes DIR/is.dump, DIR/is_energy.csv (byte for byte a single run's) and DIR/manifest.json."})
final class QuenchMergeCommand implements Callable<Integer> {
    /** Manifest parameters that may differ between shards (they do not change a frame's result). */
    private static final List<String> PER_SHARD = List.of("frames", "threads", "frames_in_parallel");

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "Output folders of 'softglass quench --frames A:B', in any order.")
    List<Path> shards;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path outDir;

    private record Shard(Path dir, JsonNode manifest, List<String> rows, int firstFrame, int lastFrame) {}

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Shard> parts = new ArrayList<>();
        for (Path d : shards) {
            Path man = d.resolve("manifest.json"), csv = d.resolve("is_energy.csv");
            if (!Files.isRegularFile(man) || !Files.isRegularFile(csv) || !Files.isRegularFile(d.resolve("is.dump"))) {
                throw new InputFormatException(d.toString(), -1, "expected the output folder of 'softglass quench' (is.dump, is_energy.csv, manifest.json)");
            }
            JsonNode m = json.readTree(man.toFile());
            if (!"quench".equals(m.path("command").asText())) throw new InputFormatException(man.toString(), -1, "not the manifest of 'softglass quench'");
            if (!m.path("inputs").fields().hasNext()) throw new InputFormatException(man.toString(), -1, "records no input DUMP");
            List<String> rows = new ArrayList<>();
            int[] ends = {-1, -1};
            CsvRows.read(csv, QuenchCommand.CSV_HEADER, (f, line, text) -> {
                int frame = Integer.parseInt(f[0].strip());
                Long.parseLong(f[1].strip());
                Double.parseDouble(f[2].strip());
                Long.parseLong(f[6].strip());
                if (frame < 0) throw new InputFormatException(csv.toString(), line, "frame " + frame + ", expected >= 0");
                if (!f[7].strip().equals("true") && !f[7].strip().equals("false")) {
                    throw new InputFormatException(csv.toString(), line, "converged is " + InputFormatException.quote(f[7]) + ", expected true or false");
                }
                if (!rows.isEmpty() && frame != ends[1] + 1) {
                    throw new InputFormatException(csv.toString(), line, "frame " + frame + " after " + ends[1] + ", expected consecutive frames");
                }
                if (rows.isEmpty()) ends[0] = frame;
                ends[1] = frame;
                rows.add(text);
            });
            if (rows.isEmpty()) throw new InputFormatException(csv.toString(), 2, "no frames");
            parts.add(new Shard(d, m, rows, ends[0], ends[1]));
        }
        parts.sort(Comparator.comparingInt(Shard::firstFrame));
        Shard ref = parts.get(0);
        for (int i = 0; i < parts.size(); i++) {
            Shard p = parts.get(i);
            if (!inputSha(p).equals(inputSha(ref))) {
                throw new InputFormatException(p.dir().toString(), -1, "quenched another DUMP than " + ref.dir() + " (its input's SHA-256 differs)");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = ref.manifest().path("parameters").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!PER_SHARD.contains(e.getKey()) && !e.getValue().equals(p.manifest().path("parameters").path(e.getKey()))) {
                    throw new InputFormatException(p.dir().toString(), -1, "parameter " + e.getKey() + " is " + p.manifest().path("parameters").path(e.getKey())
                            + " but " + e.getValue() + " in " + ref.dir() + ": expected one quench's shards");
                }
            }
            int want = i == 0 ? 0 : parts.get(i - 1).lastFrame() + 1;
            if (i == 0 && p.firstFrame() != 0) {
                throw new InputFormatException(p.dir().toString(), -1, "starts at frame " + p.firstFrame() + ", expected 0 (frames 0.."
                        + (p.firstFrame() - 1) + " are in no shard)");
            }
            if (p.firstFrame() != want) {
                throw new InputFormatException(p.dir().toString(), -1, "starts at frame " + p.firstFrame() + ", expected " + want
                        + (p.firstFrame() < want ? " (it overlaps " + parts.get(i - 1).dir() + ")" : " (frames " + want + ".." + (p.firstFrame() - 1)
                        + " are in no shard)"));
            }
        }
        Shard last = parts.getLast();
        if (!last.manifest().path("results").path("reached_end_of_input").asBoolean(false)) {
            throw new InputFormatException(last.dir().toString(), -1, "ends at frame " + last.lastFrame() + " but the DUMP has more frames "
                    + "(no shard reached its end): expected the shards of every frame");
        }
        ElasticSupport.makeDir(outDir);
        Path isDump = outDir.resolve("is.dump"), csv = outDir.resolve("is_energy.csv");
        AtomicOutput.write(isDump, o -> {
            for (Shard p : parts) Files.copy(p.dir().resolve("is.dump"), o);
        });
        StringBuilder rows = new StringBuilder(QuenchCommand.CSV_HEADER).append('\n');
        int frames = 0, unconverged = 0;
        double sumU = 0;
        long evals = 0;
        for (Shard p : parts) {
            for (String r : p.rows()) {
                rows.append(r).append('\n');
                String[] f = r.split(",");
                frames++;
                sumU += Double.parseDouble(f[2]);
                evals += Long.parseLong(f[6]);
                if (!Boolean.parseBoolean(f[7])) unconverged++;
            }
        }
        Csv.writeText(csv, rows);
        Manifest m = FrameShards.merged("quench", ref.manifest(), PER_SHARD, parts.stream().map(Shard::dir).toList());
        m.output(isDump).output(csv).result("frames", frames).result("unconverged_frames", unconverged).result("reached_end_of_input", true)
                .result("mean_u_is_per_atom", sumU / frames).result("force_evaluations", evals).write(outDir.resolve("manifest.json"));
        return unconverged > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static String inputSha(Shard s) { return FrameShards.inputSha(s.manifest()); }
}
