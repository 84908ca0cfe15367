package org.softglass.study.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.export.D2minTable;
import org.softglass.core.export.LocalKappaTable;
import org.softglass.core.export.PerAtomColumns;
import org.softglass.core.io.Abortable;
import org.softglass.core.io.ExtendedXyzWriter;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.rearrange.PhopFiles;
import org.softglass.core.softness.SoftnessTable;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.FrameSet;
import org.softglass.study.StudyContext;

/**
 * A trajectory's frames with per-atom products of a run as extra columns ({@link PerAtomColumns}): softness S, p_hop,
 * D²_min and the local dipole stiffness κ_local, as extended XYZ ({@code softness:R:1}, …) or a LAMMPS dump
 * ({@code id type x y z ix iy iz softness p_hop …}), for OVITO or ASE. S is NaN for particles without a softness row (B
 * particles), p_hop NaN where its window did not fit. Every product must have been computed from this very trajectory
 * file (its SHA-256 records are checked) and agree with it frame by frame (timesteps).
 *
 * <p>Writes {@link Request#out()} atomically (nothing appears if the export fails; {@code .gz} compresses) and
 * {@code OUT.manifest.json}.
 */
public final class ExportStudy {
    private ExportStudy() {}

    /** The output format. */
    public enum Format {
        /** Extended XYZ with numeric species and image counts. */
        EXTXYZ("extxyz"),
        /** A LAMMPS dump with columns id type x y z ix iy iz and the products. */
        LAMMPS_DUMP("lammps-dump");

        private final String label;

        Format(String label) { this.label = label; }

        /** The name recorded in the manifest. */
        public String label() { return label; }

        /** {@code xyz}/{@code extxyz} or {@code dump}/{@code lammps} (any case). */
        public static Format parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "xyz", "extxyz" -> EXTXYZ;
                case "dump", "lammps" -> LAMMPS_DUMP;
                default -> throw new InvalidParameter("{format} must be xyz or dump, got '" + name + "'");
            };
        }

        /** The format of an output file name: .xyz, .extxyz, .dump or .lammpstrj, each optionally .gz. */
        public static Format of(Path out) {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
            if (name.endsWith(".xyz") || name.endsWith(".extxyz")) return EXTXYZ;
            if (name.endsWith(".dump") || name.endsWith(".lammpstrj")) return LAMMPS_DUMP;
            throw new InvalidParameter("{out} " + out + ": cannot tell the format from the name; use .xyz, .extxyz, .dump or .lammpstrj, or give {format}");
        }

        /** {@link #parse} of {@code name}, or when it is null {@link #of} {@code out}. */
        public static Format resolve(String name, Path out) { return name != null ? parse(name) : of(out); }
    }

    /**
     * The per-atom products exported, at least one.
     *
     * @param softness a softness directory (softness.npy, rows.npy, softness.json), or null
     * @param phop     a p_hop directory (phop.npy, phop.json), or null
     * @param d2min    a D²_min CSV with its {@code .manifest.json}, or null
     * @param kappa    a stiffness output directory (local_kappa.csv, manifest.json), or null
     */
    public record Products(Path softness, Path phop, Path d2min, Path kappa) {
        public Products {
            if (softness == null && phop == null && d2min == null && kappa == null) {
                throw new InvalidParameter("nothing to export: give {softness} DIR, {phop} DIR, {d2min} FILE.csv and/or {kappa} DIR");
            }
        }
    }

    /**
     * @param trajectory the trajectory the products were computed from
     * @param products   what is exported
     * @param format     the output format
     * @param frames     the frames written (each must exist)
     * @param out        the output file
     */
    public record Request(Path trajectory, Products products, Format format, FrameSet frames, Path out) {}

    /**
     * @param out       the file written
     * @param manifest  its manifest
     * @param columns   the extra per-atom columns, in order
     * @param timesteps the timesteps of the frames written
     */
    public record Result(Path out, Path manifest, List<String> columns, List<Long> timesteps) {
        /** Frames written. */
        public int framesWritten() { return timesteps.size(); }
    }

    /** Writes the export of {@code req} (sequential: {@code ctx} gives the version recorded in the manifest). */
    public static Result run(Request req, StudyContext ctx) throws IOException {
        Path traj = req.trajectory(), out = req.out();
        Products pr = req.products();
        FrameSet sel = req.frames();
        boolean xyz = req.format() == Format.EXTXYZ;
        if (!Files.isRegularFile(traj)) throw new NoSuchFileException(traj.toString());
        TrajectoryRef actual = TrajectoryRef.of(traj);
        SoftnessTable st = null;
        if (pr.softness() != null) {
            SoftnessTable.trajectory(pr.softness()).requireTrajectory(actual, pr.softness().resolve(SoftnessTable.SIDECAR).toString(), "softness");
            st = SoftnessTable.read(pr.softness());
        }
        PhopTable ph = null;
        if (pr.phop() != null) {
            PhopFiles.requireFrom(pr.phop(), actual);
            ph = PhopTable.read(pr.phop());
        }
        D2minTable d2 = null;
        if (pr.d2min() != null) {
            d2 = D2minTable.read(pr.d2min());
            if (!d2.trajectorySha256().equals(actual.sha256())) {
                throw new InputFormatException(pr.d2min() + ".manifest.json", -1, "D2_min was computed from a trajectory with sha256 "
                        + d2.trajectorySha256().substring(0, Math.min(12, d2.trajectorySha256().length())) + "…, not from " + actual
                        + " (expected the same trajectory file, byte for byte)");
            }
        }
        LocalKappaTable kap = pr.kappa() == null ? null : LocalKappaTable.read(pr.kappa(), actual);
        PerAtomColumns cols = new PerAtomColumns(st, pr.softness() == null ? null : pr.softness().toString(), ph, d2, kap);
        List<String> names = cols.names();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        int index = 0;
        List<Long> steps = new ArrayList<>();
        Abortable writer = null;
        boolean ok = false;
        try (TrajectoryReader reader = TrajectoryReader.open(traj)) {   // no progress: the command never showed any
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
                }
            }
            if (steps.isEmpty()) throw new InvalidParameter("{frames} " + sel.label() + ": no such frame in " + traj + " (it has " + index + " frames)");
            if (!sel.isAll() && sel.last() >= index) {
                throw new InvalidParameter("{frames} " + sel.label() + ": " + traj + " has only " + index + " frames");
            }
            if (xyz) xw.close();
            else dw.close();
            ok = true;
        } finally {
            if (!ok && writer != null) writer.abort();
        }
        Manifest m = new Manifest(ctx.version(), "export").param("format", req.format().label()).param("frames", sel.label())
                .param("columns", names).input(traj).output(out).result("frames_written", steps.size()).result("timesteps", steps);
        if (pr.softness() != null) m.input(pr.softness().resolve("softness.npy")).input(pr.softness().resolve("rows.npy"));
        if (pr.phop() != null) m.input(pr.phop().resolve("phop.npy"));
        if (d2 != null) m.input(pr.d2min()).param("d2min_from", d2.from()).param("d2min_to", d2.to());
        if (kap != null) m.input(pr.kappa().resolve("local_kappa.csv"));
        Path manifest = Path.of(out + ".manifest.json");
        m.write(manifest);
        return new Result(out, manifest, names, List.copyOf(steps));
    }
}
