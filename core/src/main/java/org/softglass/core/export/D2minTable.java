package org.softglass.core.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.ManifestRecord;
import org.softglass.core.util.MemoryBudget;

/**
 * The D²_min of {@code softglass d2min} (Falk–Langer non-affine displacement between frames {@code from}
 * and {@code to} of one trajectory, σ²): {@code FILE.csv} with header {@code id,type,d2min,neighbors} (NaN
 * where fewer than 3 non-coplanar neighbours) and its manifest {@code FILE.csv.manifest.json}, which
 * records {@code parameters.from}, {@code parameters.to} and the SHA-256 of the trajectory it was computed from.
 *
 * @param byId particle id → D²_min (σ²)
 * @param from the reference frame index
 * @param to the current frame index
 * @param trajectorySha256 the SHA-256 of the trajectory (the manifest's only input)
 * @param source the CSV file, for messages
 */
public record D2minTable(Map<Long, Double> byId, int from, int to, String trajectorySha256, String source) {
    /** The header {@code softglass d2min} writes. */
    public static final String HEADER = "id,type,d2min,neighbors";

    /**
     * Reads the CSV and its manifest.
     *
     * @throws InputFormatException naming the file and line: another header, a malformed row, a duplicate id,
     *     a missing or malformed manifest
     */
    public static D2minTable read(Path csv) throws IOException {
        String src = csv.toString();
        Path man = Path.of(csv + ".manifest.json");
        if (!Files.isRegularFile(man)) {
            throw new InputFormatException(man.toString(), -1, "missing, expected the manifest 'softglass d2min' writes beside " + csv.getFileName()
                    + " (it records the frames and the trajectory)");
        }
        ManifestRecord m = Manifest.read(man);
        if (!"d2min".equals(m.command()) || !(m.parameters().get("from") instanceof Integer from) || !(m.parameters().get("to") instanceof Integer to)
                || m.inputs().size() != 1) {
            throw new InputFormatException(man.toString(), -1, "expected the manifest of 'softglass d2min' (command d2min, parameters from and to, "
                    + "one input: the trajectory)");
        }
        String sha = m.firstInputSha256();
        Map<Long, Double> byId = new HashMap<>();
        CsvRows.read(csv, HEADER, (f, line, text) -> {
            long id = Long.parseLong(f[0].strip());
            if (byId.put(id, Double.parseDouble(f[2].strip())) != null) throw new InputFormatException(src, line, "duplicate id " + id);
            if (!MemoryBudget.fits(64L * byId.size())) throw new InputFormatException(src, line, "too many rows for the memory budget");
        });
        return new D2minTable(Map.copyOf(byId), from, to, sha, src);
    }
}
