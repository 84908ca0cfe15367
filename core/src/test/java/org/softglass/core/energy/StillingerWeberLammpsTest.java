package org.softglass.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;

/**
 * The SW model against LAMMPS {@code pair_style sw} (units lj, the paper-004 parameter file written here):
 * total energy, per-atom energies ({@code compute pe/atom}) and forces of one random configuration
 * (N = 216, ρ = 0.52). Skipped when no {@code lmp} is on the PATH (Debian package {@code lammps}).
 * Tolerance 1e-10 relative (the two codes sum in different orders; values printed with 17 digits).
 */
class StillingerWeberLammpsTest {

    @Test
    void energyAndForcesEqualLammps(@TempDir Path tmp) throws IOException, InterruptedException {
        Path lmp = onPath("lmp");
        Assumptions.assumeTrue(lmp != null, "no lmp on the PATH");
        int n = 216;
        Box box = Box.cubicForDensity(n, 0.52);
        try (ParticleStore p = Configs.random(n, box, 1.0, 0.85, 17); ForceCompute fc = new ForceCompute(Models.sw(), 2);
             NeighborList nl = Configs.bruteForce(p, box, 2.1, NeighborList.Kind.HALF)) {
            double[] e = new double[n];
            double u = fc.compute(p, box, nl, e).energy();
            StillingerWeber sw = StillingerWeber.paper004();
            Files.writeString(tmp.resolve("sw.sw"), String.format(Locale.ROOT, "Si Si Si %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g 0.0%n",
                    sw.epsilon(), sw.sigma(), sw.a(), sw.lambda(), sw.gamma(), sw.cosTheta0(), sw.bigA(), sw.bigB(), sw.p(), sw.q()));
            StringBuilder d = new StringBuilder("softglass SW test\n\n").append(n).append(" atoms\n1 atom types\n\n");
            String[] ax = {"x", "y", "z"};
            for (int a = 0; a < 3; a++) {
                d.append(String.format(Locale.ROOT, "%.17g %.17g %slo %shi%n", box.lo(a), box.lo(a) + box.length(a), ax[a], ax[a]));
            }
            d.append("\nMasses\n\n1 1.0\n\nAtoms # atomic\n\n");
            for (int i = 0; i < n; i++) d.append(String.format(Locale.ROOT, "%d 1 %.17g %.17g %.17g%n", i + 1, p.x(i), p.y(i), p.z(i)));
            Files.writeString(tmp.resolve("data.txt"), d);
            Files.writeString(tmp.resolve("in.sw"), String.join("\n", "units lj", "atom_style atomic", "boundary p p p", "read_data data.txt",
                    "pair_style sw", "pair_coeff * * sw.sw Si", "neighbor 0.3 bin", "thermo_modify norm no",
                    "compute pea all pe/atom", "dump d all custom 1 forces.dump id fx fy fz c_pea",
                    "dump_modify d format float %.17g sort id", "run 0", "print \"PE $(pe:%.17g)\" file pe.txt", ""));
            Process proc = new ProcessBuilder(lmp.toString(), "-in", "in.sw", "-log", "none", "-screen", "none")
                    .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("lmp.out").toFile()).start();
            assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "lmp did not finish");
            assertEquals(0, proc.exitValue(), () -> "lmp failed: " + read(tmp.resolve("lmp.out")));
            double pe = Double.parseDouble(Files.readString(tmp.resolve("pe.txt")).strip().split("\\s+")[1]);
            assertEquals(pe, u, 1e-10 * Math.abs(pe), "total energy");
            List<String> lines = Files.readAllLines(tmp.resolve("forces.dump"));
            int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("ITEM: ATOMS")).findFirst().orElseThrow()) + 1;
            double fscale = 0;
            for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) fscale = Math.max(fscale, Math.abs(p.force(i, a)));
            assertTrue(fscale > 1, "forces to compare");
            for (int k = 0; k < n; k++) {
                String[] t = lines.get(first + k).strip().split("\\s+");
                int i = Integer.parseInt(t[0]) - 1;
                for (int a = 0; a < 3; a++) {
                    final int ii = i, aa = a;
                    assertEquals(Double.parseDouble(t[1 + a]), p.force(i, a), 1e-10 * fscale, () -> "force of id " + (ii + 1) + " axis " + aa);
                }
                assertEquals(Double.parseDouble(t[4]), e[i], 1e-10 * Math.abs(pe) / n + 1e-12, "pe/atom of id " + (i + 1));
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static Path onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path c = Path.of(dir, exe);
            if (Files.isExecutable(c)) return c;
        }
        return null;
    }
}
