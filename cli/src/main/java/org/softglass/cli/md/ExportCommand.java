package org.softglass.cli.md;

import org.softglass.cli.ExitCodes;
import org.softglass.cli.Formats;
import org.softglass.cli.FrameSelection;
import org.softglass.cli.pipeline.PipelinePreset;
import org.softglass.cli.pipeline.PipelineRecord;
import org.softglass.cli.RunOptions;
import org.softglass.cli.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.export.D2minTable;
import org.softglass.core.export.LocalKappaTable;
import org.softglass.core.export.PerAtomColumns;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Abortable;
import org.softglass.core.io.ExtendedXyzWriter;
import org.softglass.core.io.Frame;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.rearrange.PhopFiles;
import org.softglass.core.softness.SoftnessTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass export}: a trajectory's frames with the per-atom softness S and p_hop of a run as
 * extra columns ({@link PerAtomColumns}), as extended XYZ ({@code softness:R:1}, {@code p_hop:R:1}) or a
 * LAMMPS dump ({@code id type x y z ix iy iz softness p_hop}), so that OVITO (Color coding by the property)
 * or ASE show them. S is NaN for particles that were not classified (B particles), p_hop NaN where its
 * window did not fit. The products must have been computed from this very trajectory file (their
 * SHA-256 records are checked) and agree with it frame by frame (timesteps).
 *
 * <p>Writes {@code FILE} atomically (nothing appears if the command fails) and
 * {@code FILE.manifest.json}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a trajectory with per-atom softness, p_hop, D2_min and local kappa columns for OVITO or ASE.", "Extended XYZ (FILE.xyz, .extxyz) "
                + "or a LAMMPS dump (FILE.dump, .lammpstrj; columns id type x y z ix iy iz softness p_hop), and FILE.manifest.json.",
                "Give TRAJ with --softness DIR, --phop DIR, --d2min FILE.csv and/or --kappa DIR, or a pipeline run: --run RUN --temperature T "
                        + "(RUN/md/T…/is.dump, RUN/softness/T…, RUN/phop/T…).",
                "softness is NaN for particles without a softness row (B particles), p_hop NaN where its window does not fit."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TRAJ", description = "Trajectory the products were computed from: " + Formats.TRAJECTORY + ".")
    Path traj;

    @Option(names = "--softness", paramLabel = "DIR", description = "Softness directory (softness.npy, rows.npy, softness.json).")
    Path softnessDir;

    @Option(names = "--phop", paramLabel = "DIR", description = "p_hop directory (phop.npy, phop.json).")
    Path phopDir;

    @Option(names = "--d2min", paramLabel = "FILE.csv", description = "D2_min of 'softglass d2min' on TRAJ (with FILE.csv.manifest.json): "
            + "a d2min column, the same in every frame (it describes the interval --from..--to of that run).")
    Path d2minCsv;

    @Option(names = "--kappa", paramLabel = "DIR", description = "Output folder of 'softglass stiffness TRAJ' (local_kappa.csv, manifest.json): "
            + "a kappa_local column, the local dipole stiffness of each particle in each treated frame (paper 004 eq A4).")
    Path kappaDir;

    @Option(names = "--run", paramLabel = "RUN", description = "A pipeline run directory (with --temperature) instead of TRAJ, --softness and --phop.")
    Path run;

    @Option(names = {"-T", "--temperature"}, paramLabel = "T", description = "The run's temperature to export (with --run), e.g. 0.61.")
    Double temperature;

    @Option(names = "--frames", defaultValue = "all", paramLabel = "SPEC",
            description = "Frames (0-based indices): all, A:B (A to B-1), or a list i,j,k.")
    String frames;

    @Option(names = "--format", paramLabel = "xyz|dump", description = "Output format (default: from the --out extension).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (.xyz, .extxyz, .dump, .lammpstrj; .gz compresses).")
    Path out;

    @picocli.CommandLine.Mixin
    RunOptions runOptions = new RunOptions();

    @Override
    public Integer call() throws IOException {
        resolveRun();
        if (traj == null) throw new IllegalArgumentException("give TRAJ (with --softness and/or --phop) or --run RUN --temperature T");
        if (softnessDir == null && phopDir == null && d2minCsv == null && kappaDir == null) {
            throw new IllegalArgumentException("nothing to export: give --softness DIR, --phop DIR, --d2min FILE.csv and/or --kappa DIR");
        }
        boolean xyz = xyzFormat();
        FrameSelection sel = FrameSelection.parse(frames);
        if (!Files.isRegularFile(traj)) throw new java.nio.file.NoSuchFileException(traj.toString());
        TrajectoryRef actual = TrajectoryRef.of(traj);
        SoftnessTable st = null;
        if (softnessDir != null) {
            SoftnessTable.trajectory(softnessDir).requireTrajectory(actual, softnessDir.resolve(SoftnessTable.SIDECAR).toString(), "softness");
            st = SoftnessTable.read(softnessDir);
        }
        PhopTable ph = null;
        if (phopDir != null) {
            PhopFiles.requireFrom(phopDir, actual);
            ph = PhopTable.read(phopDir);
        }
        D2minTable d2 = null;
        if (d2minCsv != null) {
            d2 = D2minTable.read(d2minCsv);
            if (!d2.trajectorySha256().equals(actual.sha256())) {
                throw new InputFormatException(d2minCsv + ".manifest.json", -1, "D2_min was computed from a trajectory with sha256 "
                        + d2.trajectorySha256().substring(0, Math.min(12, d2.trajectorySha256().length())) + "…, not from " + actual
                        + " (expected the same trajectory file, byte for byte)");
            }
        }
        LocalKappaTable kap = kappaDir == null ? null : LocalKappaTable.read(kappaDir, actual);
        PerAtomColumns cols = new PerAtomColumns(st, softnessDir == null ? null : softnessDir.toString(), ph, d2, kap);
        List<String> names = cols.names();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        int written = 0, index = 0;
        List<Long> steps = new ArrayList<>();
        Abortable writer = null;
        boolean ok = false;
        try (TrajectoryReader reader = TrajectoryReader.open(traj)) {
            ExtendedXyzWriter xw = null;
            LammpsDumpWriter dw = null;
            if (xyz) {
                xw = ExtendedXyzWriter.open(out).numericSpecies().images(true).extras(names.toArray(String[]::new));
                writer = xw;
            } else {
                List<String> c = new ArrayList<>(LammpsDumpWriter.WRAPPED_IMAGES);
                c.addAll(names);
                dw = LammpsDumpWriter.open(out, c);
                writer = dw;
            }
            for (Frame next; (next = reader.next()) != null; index++) {
                try (Frame f = next) {
                    if (sel.past(index)) break;               // every selected frame is written: stop reading
                    if (!sel.contains(index)) continue;
                    Map<String, double[]> extra = cols.of(index, f.timestep(), f.particles());
                    if (xyz) xw.write(f.timestep(), f.time(), f.box(), f.particles(), extra);
                    else dw.write(f.timestep(), f.box(), f.particles(), extra);
                    steps.add(f.timestep());
                    written++;
                }
            }
            if (written == 0) throw new IllegalArgumentException("--frames " + frames + ": no such frame in " + traj + " (it has " + index + " frames)");
            if (!sel.isAll() && sel.last() >= index) {
                throw new IllegalArgumentException("--frames " + frames + ": " + traj + " has only " + index + " frames");
            }
            if (xyz) xw.close();
            else dw.close();
            ok = true;
        } finally {
            if (!ok && writer != null) writer.abort();
        }
        Manifest m = new Manifest(Version.get(), "export").param("format", xyz ? "extxyz" : "lammps-dump").param("frames", frames)
                .param("columns", names).input(traj).output(out).result("frames_written", written).result("timesteps", steps);
        if (softnessDir != null) m.input(softnessDir.resolve("softness.npy")).input(softnessDir.resolve("rows.npy"));
        if (phopDir != null) m.input(phopDir.resolve("phop.npy"));
        if (d2 != null) m.input(d2minCsv).param("d2min_from", d2.from()).param("d2min_to", d2.to());
        if (kap != null) m.input(kappaDir.resolve("local_kappa.csv"));
        m.write(Path.of(out + ".manifest.json"));
        return ExitCodes.OK;
    }

    /** With --run: TRAJ, --softness and --phop from the run's layout (inherent structures when the run has them). */
    private void resolveRun() {
        if (run == null) {
            if (temperature != null) throw new IllegalArgumentException("--temperature needs --run");
            return;
        }
        if (traj != null || softnessDir != null || phopDir != null) {
            throw new IllegalArgumentException("--run replaces TRAJ, --softness and --phop: give either --run RUN --temperature T or those");
        }
        if (temperature == null) throw new IllegalArgumentException("--run needs --temperature T (one of the run's temperatures, e.g. 0.61)");
        String label = PipelinePreset.label(temperature);
        Path md = run.resolve("md").resolve(label);
        Path studyFile = studyTrajectory(run, label);
        if (studyFile != null) {
            traj = studyFile;   // a 'softglass study' run: the user's trajectory of that temperature
        } else if (!Files.isDirectory(md)) {
            throw new IllegalArgumentException("--temperature " + temperature + ": " + run + " has no " + run.resolve("md").resolve(label));
        } else {
            // a run made with --quench-shards (pipeline.json says so): the merged quench; else the MD item's own files
            Path sharded = run.resolve("md").resolve(label + "-is").resolve("is.dump");
            traj = quenchShards(run) > 0 ? sharded : Files.isRegularFile(md.resolve("is.dump")) ? md.resolve("is.dump") : md.resolve("traj.dump");
        }
        Path s = run.resolve("softness").resolve(label), p = run.resolve("phop").resolve(label);
        if (Files.isDirectory(s)) softnessDir = s;
        if (Files.isDirectory(p)) phopDir = p;
    }

    /** The {@code --quench-shards} a pipeline run was made with ({@link PipelineRecord}; 0 when absent or unreadable). */
    private static int quenchShards(Path run) { return PipelineRecord.of(run).quenchShards(); }

    /** The structure trajectory of a {@code softglass study} run at a label ({@link PipelineRecord}), or null. */
    private static Path studyTrajectory(Path run, String label) { return PipelineRecord.of(run).studyTrajectory(label); }

    private boolean xyzFormat() {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "xyz", "extxyz" -> true;
                case "dump", "lammps" -> false;
                default -> throw new IllegalArgumentException("--format must be xyz or dump, got '" + format + "'");
            };
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        if (name.endsWith(".xyz") || name.endsWith(".extxyz")) return true;
        if (name.endsWith(".dump") || name.endsWith(".lammpstrj")) return false;
        throw new IllegalArgumentException("--out " + out + ": cannot tell the format from the name; use .xyz, .extxyz, .dump or .lammpstrj, or give --format");
    }
}
