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
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.io.Manifest;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.minimize.NonFiniteEnergyException;
import org.softglass.core.minimize.ParallelQuench;
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
        description = {"Minimise the potential energy of every frame of a trajectory to its inherent structure.",
                "Writes DIR/is.dump (id type x y z ix iy iz c_peatom), DIR/is_energy.csv "
                        + "(frame,timestep,u_is_per_atom,fnorm,fmax,iterations,force_evals,converged) and DIR/manifest.json.",
                "Tolerances as LAMMPS 'minimize etol ftol maxiter maxeval': ftol bounds the 2-norm of the 3N force vector, "
                        + "etol the relative energy change per iteration; limits apply to each stage of cg+fire."})
final class QuenchCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("id", "type", "x", "y", "z", "ix", "iy", "iz", "c_peatom");
    static final String CSV_HEADER = "frame,timestep,u_is_per_atom,fnorm,fmax,iterations,force_evals,converged";

    @Parameters(index = "0", paramLabel = "DUMP", description = "Trajectory, any number of frames: " + Formats.TRAJECTORY + ".")
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

    @Option(names = "--frames", defaultValue = "all", paramLabel = "A:B",
            description = "Quench only frames A..B-1 (0-based) of DUMP, keeping their indices: a shard, merged with 'softglass quench-merge' "
                    + "into the files one run over all frames writes (default: ${DEFAULT-VALUE}).")
    String frames;

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
        Algorithm algorithm = OptionChecks.minimiser(min, "--min");
        FrameSelection range = FrameSelection.parseRange(frames);
        PairPotential pot = Models.byName(model);
        int nt = run.threads();
        MinimizeOptions opts = MinimizeOptions.defaults().withAlgorithm(algorithm).withLbfgsMemory(lbfgsMemory).withFtol(ftol).withEtol(etol)
                .withMaxIterations(maxIter).withMaxForceEvaluations(maxEval).withThreads(nt);
        Path isDump = outDir.resolve("is.dump"), csv = outDir.resolve("is_energy.csv");
        Totals totals = new Totals();
        boolean framesInParallel, reachedEnd;
        try (TrajectoryReader reader = TrajectoryReader.open(dump)) {   // a missing input fails before DIR is made
            boolean created = !Files.isDirectory(outDir);
            if (created) Files.createDirectories(outDir);
            LammpsDumpWriter dw = null;
            AtomicOutput co = null;
            boolean ok = false;
            try (Progress progress = Progress.frames("quench", run.quiet())) {
                dw = LammpsDumpWriter.open(isDump, COLUMNS);
                co = AtomicOutput.open(csv);
                PrintWriter cw = new PrintWriter(new BufferedWriter(new OutputStreamWriter(co.stream(), StandardCharsets.UTF_8), 1 << 16));
                cw.println(CSV_HEADER);
                LammpsDumpWriter out = dw;
                ParallelQuench.Sink<Item> sink = (item, e, r) -> {
                    Frame f = item.frame();
                    out.write(f.timestep(), f.box(), f.particles(), Map.of("c_peatom", e));
                    cw.println(item.index() + "," + f.timestep() + "," + r.energyPerAtom() + "," + r.fnorm() + "," + r.fmax() + ","
                            + r.iterations() + "," + r.forceEvaluations() + "," + r.converged());
                    totals.add(r);
                    progress.step();
                };
                try (Frames frames = new Frames(reader, range.from(), range.to())) {
                    if (frames.empty()) {
                        throw new IllegalArgumentException(dump + ": no frames found" + (range.isAll() ? "" : " in --frames " + this.frames));
                    }
                    // a shard always quenches one frame per thread, as the single run over several frames does, so its
                    // frames are bit for bit that run's even when the shard holds one frame
                    framesInParallel = (frames.several() || !range.isAll()) && nt > 1;
                    if (framesInParallel) {
                        quenchFrames(frames, pot, opts, nt, sink);
                    } else {
                        quenchOneByOne(frames, pot, range.isAll() ? opts : opts.withThreads(1), sink);
                    }
                    reachedEnd = frames.atEndOfInput();
                }
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
                .param("threads", nt).param("frames_in_parallel", framesInParallel).param("frames", frames).input(dump).output(isDump).output(csv)
                .result("frames", totals.frames).result("unconverged_frames", totals.unconverged).result("reached_end_of_input", reachedEnd)
                .result("mean_u_is_per_atom", totals.sumU / totals.frames).result("force_evaluations", totals.evals).write(outDir.resolve("manifest.json"));
        if (totals.unconverged > 0) {
            spec.commandLine().getErr().println("softglass: " + totals.unconverged + " of " + totals.frames
                    + " frames did not converge (see the converged column of " + csv + ")");
            spec.commandLine().getErr().flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** A frame of the input and its index, owned until its inherent structure is written. */
    private record Item(int index, Frame frame) implements AutoCloseable {
        @Override
        public void close() { frame.close(); }
    }

    /** Frame count, unconverged frames, Σ U_IS/N and force evaluations of the quenches written. */
    private static final class Totals {
        int frames, unconverged;
        double sumU;
        long evals;

        void add(Report r) {
            frames++;
            if (!r.converged()) unconverged++;
            sumU += r.energyPerAtom();
            evals += r.forceEvaluations();
        }
    }

    /**
     * The dump's frames, the first two read ahead so that whether there are several is known before
     * any is quenched. Frames handed out by {@link #next()} belong to the caller; {@link #close()}
     * frees those read ahead and not handed out.
     */
    private static final class Frames implements AutoCloseable {
        private final TrajectoryReader reader;
        private final java.util.ArrayDeque<Frame> ahead = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<Integer> aheadIndex = new java.util.ArrayDeque<>();
        private final int first, end;
        /** Index in the input of the next frame {@link #read()} returns. */
        private int position;
        /** Index in the input of the frame {@link #next()} returned last. */
        private int index = -1;
        private boolean eof;

        /** Frames {@code first} (inclusive) to {@code end} (exclusive) of the input, with their input indices. */
        Frames(TrajectoryReader reader, int first, int end) throws IOException {
            this.reader = reader;
            this.first = first;
            this.end = end;
            try {
                for (Frame f; ahead.size() < 2 && (f = read()) != null; ) {
                    ahead.add(f);
                    aheadIndex.add(position - 1);
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        boolean empty() { return ahead.isEmpty(); }

        boolean several() { return ahead.size() > 1; }

        /** The next frame of the range, or null at its end; {@link #index()} is then its index in the input. */
        Frame next() throws IOException {
            if (!ahead.isEmpty()) {
                index = aheadIndex.poll();
                return ahead.poll();
            }
            Frame f = read();
            if (f != null) index = position - 1;
            return f;
        }

        /** Index in the input of the frame {@link #next()} returned last. */
        int index() { return index; }

        /**
         * Whether the input has no frame after the range (read one frame further when the range ended first): a
         * shard that reached the input's end is the last one ({@code quench-merge} checks that one is).
         */
        boolean atEndOfInput() throws IOException {
            if (!ahead.isEmpty()) return false;
            if (eof) return true;
            Frame f = reader.next();
            if (f == null) return true;
            f.close();
            return false;
        }

        /** The next input frame inside [first, end), skipping (and freeing) those before it. */
        private Frame read() throws IOException {
            while (position < end) {
                Frame f = reader.next();
                if (f == null) {
                    eof = true;
                    return null;
                }
                position++;
                if (position - 1 >= first) return f;
                f.close();
            }
            return null;
        }

        @Override
        public void close() {
            ahead.forEach(Frame::close);
            ahead.clear();
            aheadIndex.clear();
        }
    }

    /**
     * Several frames: one frame per worker ({@code threads} workers, one thread each; {@link ParallelQuench}),
     * written in input order. Each inherent structure is the one-thread quench of its frame.
     */
    private void quenchFrames(Frames frames, PairPotential pot, MinimizeOptions opts, int threads, ParallelQuench.Sink<Item> sink)
            throws IOException {
        try (ParallelQuench<Item> q = new ParallelQuench<>(pot, opts, threads, sink, (item, ex) -> frameError(item.index(), item.frame().timestep(), ex))) {
            for (Frame f; (f = frames.next()) != null; ) q.submit(new Item(frames.index(), f), f.particles(), f.box());
            q.flush();
        }
    }

    /** One frame (or one thread): frames in turn, each split over the minimiser's threads. */
    private void quenchOneByOne(Frames frames, PairPotential pot, MinimizeOptions opts, ParallelQuench.Sink<Item> sink) throws IOException {
        try (Minimizer minimizer = new Minimizer(pot, opts)) {
            for (Frame f; (f = frames.next()) != null; ) {
                int index = frames.index();
                try (Item item = new Item(index, f)) {
                    double[] e = new double[f.size()];
                    Report r;
                    try {
                        r = minimizer.minimize(f.particles(), f.box(), e);
                    } catch (RuntimeException ex) {
                        throw frameError(index, f.timestep(), ex);
                    }
                    sink.accept(item, e, r);
                }
            }
        }
    }

    /**
     * The one-line error for frame {@code index}'s failed minimisation: a refused frame
     * ({@link IllegalArgumentException}) or a non-finite energy, named by frame and timestep; any other
     * exception unchanged.
     */
    private RuntimeException frameError(int index, long timestep, RuntimeException ex) {
        if (ex instanceof NonFiniteEnergyException nf) return nonFinite(index, timestep, nf);
        if (ex instanceof IllegalArgumentException) {
            return new IllegalArgumentException(dump + ": frame " + index + " (timestep " + timestep + "): " + ex.getMessage());
        }
        return ex;
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
