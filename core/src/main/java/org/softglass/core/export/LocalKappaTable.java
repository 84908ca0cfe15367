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
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.util.MemoryBudget;

/**
 * The local dipole stiffness of {@code softglass stiffness} (paper 004 eq A4): κ_i, the mean of κ_ij (ε/σ²) over
 * the dipoles of structure {@code frame} that involve particle i, read from a stiffness output folder:
 * {@code local_kappa.csv} ({@code frame,id,type,kappa_local,dipoles}; particles in no dipole have no row)
 * and {@code manifest.json}, whose first input must be the trajectory the frames index (the command numbers
 * the structures of its inputs in order, so only the first input's frames are 0, 1, … of that file).
 *
 * @param byFrame frame index → (particle id → κ_i)
 * @param source the CSV, for messages
 */
public record LocalKappaTable(Map<Integer, Map<Long, Double>> byFrame, String source) {
    /** The header {@code softglass stiffness} writes. */
    public static final String HEADER = "frame,id,type,kappa_local,dipoles";

    /**
     * Reads {@code dir/local_kappa.csv}, checking that {@code dir/manifest.json} records {@code trajectory}
     * as the stiffness run's first input.
     *
     * @throws InputFormatException naming the file (and line): a missing or foreign manifest, another first
     *     input, another header, a malformed row or a duplicate (frame, id)
     */
    public static LocalKappaTable read(Path dir, TrajectoryRef trajectory) throws IOException {
        Path csv = dir.resolve("local_kappa.csv"), man = dir.resolve("manifest.json");
        String src = csv.toString();
        if (!Files.isRegularFile(man) || !Files.isRegularFile(csv)) {
            throw new InputFormatException(dir.toString(), -1, "expected a 'softglass stiffness' output folder (local_kappa.csv and manifest.json)");
        }
        ManifestRecord m = Manifest.read(man);
        if (!"stiffness".equals(m.command()) || m.inputs().isEmpty()) {
            throw new InputFormatException(man.toString(), -1, "expected the manifest of 'softglass stiffness' with its inputs");
        }
        ManifestRecord.Input first = m.inputs().getFirst();
        if (!trajectory.sha256().equals(first.sha256())) {
            throw new InputFormatException(man.toString(), -1, "the stiffness run's first input is " + first.path() + ", not " + trajectory
                    + ": expected local kappa computed from this trajectory (given first to 'softglass stiffness')");
        }
        Map<Integer, Map<Long, Double>> byFrame = new HashMap<>();
        long[] rows = {0};
        CsvRows.read(csv, HEADER, (f, line, text) -> {
            int frame = Integer.parseInt(f[0].strip());
            long id = Long.parseLong(f[1].strip());
            double k = Double.parseDouble(f[3].strip());
            if (frame < 0) throw new InputFormatException(src, line, "frame " + frame + ", expected >= 0");
            if (byFrame.computeIfAbsent(frame, x -> new HashMap<>()).put(id, k) != null) {
                throw new InputFormatException(src, line, "duplicate row for frame " + frame + ", id " + id);
            }
            if (!MemoryBudget.fits(96L * ++rows[0])) throw new InputFormatException(src, line, "too many rows for the memory budget");
        });
        return new LocalKappaTable(byFrame, src);
    }
}
