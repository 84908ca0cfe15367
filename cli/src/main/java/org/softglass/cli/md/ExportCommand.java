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
import java.util.concurrent.Callable;
import org.softglass.study.FrameSet;
import org.softglass.study.StudyContext;
import org.softglass.study.export.ExportStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass export}: a trajectory's frames with the per-atom softness S and p_hop of a run as
 * extra columns ({@link ExportStudy}), as extended XYZ ({@code softness:R:1}, {@code p_hop:R:1}) or a
 * LAMMPS dump ({@code id type x y z ix iy iz softness p_hop}), so that OVITO (Color coding by the property)
 * or ASE show them. S is NaN for particles that were not classified (B particles), p_hop NaN where its
 * window did not fit. The products must have been computed from this very trajectory file (their
 * SHA-256 records are checked) and agree with it frame by frame (timesteps).
 *
 * <p>Writes {@code FILE} atomically (nothing appears if the command fails) and
 * {@code FILE.manifest.json}. With {@code --run} the inputs come from the run's layout and its
 * {@code pipeline.json} ({@link PipelineRecord}), resolved here.
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

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (.xyz, .extxyz, .dump, .lammpstrj; .gz compresses).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Path out;

    @Mixin
    RunOptions runOptions = new RunOptions();

    @Override
    public Integer call() throws IOException {
        resolveRun();
        if (traj == null) throw new IllegalArgumentException("give TRAJ (with --softness and/or --phop) or --run RUN --temperature T");
        ExportStudy.Products products = new ExportStudy.Products(softnessDir, phopDir, d2minCsv, kappaDir);
        ExportStudy.Format fmt = ExportStudy.Format.resolve(format, out);
        FrameSet sel = FrameSelection.parse(frames);
        // the export is sequential: --threads is accepted and unused, as it always was
        ExportStudy.run(new ExportStudy.Request(traj, products, fmt, sel, out), StudyContext.of(1, Version.get()));
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
}
