import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;
import org.softglass.core.energy.Models;
import org.softglass.core.io.*;
import org.softglass.core.minimize.*;
import org.softglass.core.simulate.*;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorSpec;

public class Probe3 {
    static com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    static void time(String what, DescriptorCalculator calc, Frame f, int reps) {
        int[] slots = DescriptorCalculator.centres(f.particles(), 0);
        for (int r = 0; r < reps; r++) {
            long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            calc.compute(f, slots);
            long t1 = System.nanoTime(), c1 = os.getProcessCpuTime();
            System.out.printf("%s rep %d: %d centres wall %.3f s cpu %.3f s (%.1f us cpu/centre) load %.2f%n", what, r, slots.length, (t1-t0)*1e-9, (c1-c0)*1e-9, (c1-c0)/1e3/slots.length, os.getSystemLoadAverage());
        }
    }
    public static void main(String[] a) throws Exception {
        int threads = 2; boolean md = a[1].equals("md");
        Path scratch = Path.of("/tmp/srprobe/p3"); Files.createDirectories(scratch);
        Frame mdFrame = null;
        if (md) {
            long steps = 4000;
            RunSpec spec = new RunSpec("ka", 10000, 1.2, 0.42, 0.005, steps, "nvt", 0.5, 1, 2.0, 1000, 0, steps / 20, steps / 20, 1_000_000, 0.3, false, 0.8, null);
            long t0 = System.nanoTime();
            Simulation.Result r = Simulation.run(spec, scratch.resolve("md"), threads, x -> {});
            System.out.printf("md %.1f s%n", (System.nanoTime() - t0) * 1e-9);
            List<Frame> all = new ArrayList<>();
            try (TrajectoryReader tr = TrajectoryReader.open(scratch.resolve("md").resolve("traj.dump"))) { for (Frame f; (f = tr.next()) != null; ) all.add(f); }
            mdFrame = all.get(all.size() - 1);
        }
        try (Frame f = LammpsDumpReader.readFirst(Path.of(a[0]));
             DescriptorCalculator calc = new DescriptorCalculator(DescriptorSpec.preset("ka-266"), threads)) {
            time("bench", calc, f, 2); time("mdframe", calc, mdFrame, 2); time("bench", calc, f, 2);
            if (mdFrame != null) time("mdframe", calc, mdFrame, 2);
            time("bench", calc, f, 1);
        }
    }
}
