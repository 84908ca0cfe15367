package org.softglass.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.io.Manifest;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.minimize.NonFiniteEnergyException;
import org.softglass.core.minimize.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code softglass quench DUMP --out DIR}: the inherent structure (local energy minimum) of every
 * frame of a LAMMPS dump, streaming frame by frame, with {@link Minimizer} (default cg+fire, the
 * protocol of the LAMMPS fixtures, LAMMPS {@code minimize etol ftol maxiter maxeval} semantics).
 *
 * <p>Writes, atomically (nothing appears if the run fails): {@code DIR/is.dump}, a LAMMPS dump with
 * columns {@code id type x y z ix iy iz c_peatom} (wrapped IS positions, image counts carried over from
 * the input and updated as particles cross faces, so {@code x + ix L} is the unwrapped IS position;
 * per-atom energies in the LAMMPS pe/atom split); {@code DIR/is_energy.csv}, one row per frame:
 * {@code frame,timestep,u_is_per_atom,fnorm,fmax,iterations,force_evals,converged}; and
 * {@code DIR/manifest.json}. A frame that does not converge is written with {@code converged=false};
 * the command then ends with exit code {@link ExitCodes#FAILED} and a one-line warning.
 */
@Command(name = "quench", mixinStandardHelpOptions = true,
        description = {"Minimise the potential energy of every frame of a LAMMPS dump to its inherent structure.",
                "Writes DIR/is.dump (id type x y z ix iy iz c_peatom), DIR/is_energy.csv "
                        + "(frame,timestep,u_is_per_atom,fnorm,fmax,iterations,force_evals,converged) and DIR/manifest.json.",
                "Tolerances as LAMMPS 'minimize etol ftol maxiter maxeval': ftol bounds the 2-norm of the 3N force vector, "
                        + "etol the relative energy change per iteration; limits apply to each stage of cg+fire."})
final class QuenchCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("id", "type", "x", "y", "z", "ix", "iy", "iz", "c_peatom");
    static final String CSV_HEADER = "frame,timestep,u_is_per_atom,fnorm,fmax,iterations,force_evals,converged";

    @Parameters(index = "0", paramLabel = "DUMP", description = "LAMMPS text dump (plain or .gz), any number of frames.")
    Path dump;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path outDir;

    @Option(names = "--model", defaultValue = "ka", description = "Pair potential preset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = EnergyCommand.ModelNames.class)
    String model;

    @Option(names = "--min", defaultValue = "cg+fire", paramLabel = "ALG",
            description = "Minimiser: fire, cg, cg+fire (CG, then FIRE from where it stopped), lbfgs or lbfgs+fire "
                    + "(L-BFGS, then FIRE if needed; fewer force evaluations than CG) (default: ${DEFAULT-VALUE}).")
    String min;

    @Option(names = "--lbfgs-memory", defaultValue = "8", paramLabel = "M",
            description = "Number of (s, y) pairs L-BFGS keeps, 1..100 (lbfgs, lbfgs+fire only; default: ${DEFAULT-VALUE}).")
    int lbfgsMemory;

    @Option(names = "--ftol", defaultValue = "1e-10", description = "Force tolerance on |F|_2 of the 3N force vector (default: ${DEFAULT-VALUE}; 0 = off).")
    double ftol;

    @Option(names = "--etol", defaultValue = "0", description = "Relative energy-change tolerance (default: ${DEFAULT-VALUE} = off).")
    double etol;

    @Option(names = "--max-iter", defaultValue = "100000", paramLabel = "N", description = "Iteration limit per stage (default: ${DEFAULT-VALUE}).")
    int maxIter;

    @Option(names = "--max-eval", defaultValue = "1000000", paramLabel = "N", description = "Force-evaluation limit per stage (default: ${DEFAULT-VALUE}).")
    long maxEval;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OptionChecks.nonNegative(ftol, "--ftol");
        OptionChecks.nonNegative(etol, "--etol");
        OptionChecks.atLeast(maxIter, 1, "--max-iter");
        OptionChecks.atLeast(maxEval, 1, "--max-eval");
        if (lbfgsMemory < 1 || lbfgsMemory > 100) throw new IllegalArgumentException("--lbfgs-memory must be in [1, 100], got " + lbfgsMemory);
        Algorithm algorithm;
        try {
            algorithm = Algorithm.parse(min);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--min: " + e.getMessage());
        }
        PairPotential pot = Models.byName(model);
        int nt = run.threads();
        MinimizeOptions opts = MinimizeOptions.defaults().withAlgorithm(algorithm).withLbfgsMemory(lbfgsMemory).withFtol(ftol).withEtol(etol)
                .withMaxIterations(maxIter).withMaxForceEvaluations(maxEval).withThreads(nt);
        Path isDump = outDir.resolve("is.dump"), csv = outDir.resolve("is_energy.csv");
        int frames = 0, unconverged = 0;
        double sumU = 0;
        long evals = 0;
        try (LammpsDumpReader reader = LammpsDumpReader.open(dump)) {   // a missing input fails before DIR is made
            boolean created = !Files.isDirectory(outDir);
            if (created) Files.createDirectories(outDir);
            LammpsDumpWriter dw = null;
            AtomicOutput co = null;
            boolean ok = false;
            try (Minimizer minimizer = new Minimizer(pot, opts); Progress progress = Progress.frames("quench", run.quiet())) {
                dw = LammpsDumpWriter.open(isDump, COLUMNS);
                co = AtomicOutput.open(csv);
                PrintWriter cw = new PrintWriter(new BufferedWriter(new OutputStreamWriter(co.stream(), StandardCharsets.UTF_8), 1 << 16));
                cw.println(CSV_HEADER);
                for (Frame next; (next = reader.next()) != null; frames++) {
                    try (Frame f = next) {
                        double[] e = new double[f.size()];
                        Report r;
                        try {
                            r = minimizer.minimize(f.particles(), f.box(), e);
                        } catch (IllegalArgumentException ex) {
                            throw new IllegalArgumentException(dump + ": frame " + frames + " (timestep " + f.timestep() + "): " + ex.getMessage());
                        } catch (NonFiniteEnergyException ex) {
                            throw nonFinite(frames, f.timestep(), ex);
                        }
                        dw.write(f.timestep(), f.box(), f.particles(), Map.of("c_peatom", e));
                        cw.println(frames + "," + f.timestep() + "," + r.energyPerAtom() + "," + r.fnorm() + "," + r.fmax() + ","
                                + r.iterations() + "," + r.forceEvaluations() + "," + r.converged());
                        if (!r.converged()) unconverged++;
                        sumU += r.energyPerAtom();
                        evals += r.forceEvaluations();
                    }
                    progress.step();
                }
                if (frames == 0) throw new IllegalArgumentException(dump + ": no frames found");
                cw.flush();
                if (cw.checkError()) throw new IOException("error writing " + csv);
                dw.close();
                co.commit();
                ok = true;
            } finally {
                if (!ok) {
                    if (dw != null) dw.abort();
                    if (co != null) co.abort();
                    if (created) deleteIfEmpty(outDir);
                }
            }
        }
        new Manifest(Version.get(), "quench").param("model", pot.name()).param("potential", pot.description())
                .param("min", opts.algorithm().label()).param("lbfgs_memory", lbfgsMemory).param("ftol", ftol).param("etol", etol).param("max_iter", maxIter)
                .param("max_eval", maxEval).param("dmax", opts.dmax()).param("skin", opts.skin()).param("fire", opts.fire().toString())
                .param("threads", nt).input(dump).output(isDump).output(csv)
                .result("frames", frames).result("unconverged_frames", unconverged).result("mean_u_is_per_atom", sumU / frames)
                .result("force_evaluations", evals).write(outDir.resolve("manifest.json"));
        if (unconverged > 0) {
            spec.commandLine().getErr().println("softglass: " + unconverged + " of " + frames
                    + " frames did not converge (see the converged column of " + csv + ")");
            spec.commandLine().getErr().flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /**
     * The error for a frame whose minimisation met a non-finite energy: an input error (exit 3) when
     * the frame as read is already non-finite (overlapping particles in the file), else a failed
     * computation (exit 1).
     */
    private RuntimeException nonFinite(int frame, long timestep, NonFiniteEnergyException ex) {
        String where = "frame " + frame + " (timestep " + timestep + "): ";
        if (ex.atStart()) {
            return new InputFormatException(dump.getFileName().toString(), -1,
                    where + ex.getMessage() + "; expected distinct particle positions");
        }
        return new ArithmeticException(dump + ": " + where + ex.getMessage() + "; nothing was written");
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // something else is in there: leave it
        } catch (IOException ignored) {
            // best effort
        }
    }
}
