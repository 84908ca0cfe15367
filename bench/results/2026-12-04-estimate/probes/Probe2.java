import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;
import org.softglass.core.energy.Models;
import org.softglass.core.io.*;
import org.softglass.core.minimize.*;
import org.softglass.core.simulate.*;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorSpec;

public class Probe2 {
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
        // Probe2 FRAME md [MELT STEPS QUENCH(1|0) ORDER]: defaults 200 400 1 "b3 m2 b1" (probe B); probe C: 1000 4000 0 "b2 m2 b2 m2 b1"
        int threads = 2; boolean md = a[1].equals("md");
        long melt = a.length > 2 ? Long.parseLong(a[2]) : 200, steps = a.length > 3 ? Long.parseLong(a[3]) : 400;
        boolean quench = a.length <= 4 || a[4].equals("1");
        String order = a.length > 5 ? a[5] : "b3 m2 b1";
        Path scratch = Files.createTempDirectory("probe2");
        Frame mdFrame = null;
        if (md) {
            RunSpec spec = new RunSpec("ka", 10000, 1.2, 0.42, 0.005, steps, "nvt", 0.5, 1, 2.0, melt, 0, steps / 4, steps / 4, 1_000_000, 0.3, false, 0.8, null);
            long t0 = System.nanoTime();
            Simulation.Result r = Simulation.run(spec, scratch.resolve("md"), threads, x -> {});
            System.out.printf("md %.1f s%n", (System.nanoTime() - t0) * 1e-9);
            List<Frame> all = new ArrayList<>();
            try (TrajectoryReader tr = TrajectoryReader.open(scratch.resolve("md").resolve("traj.dump"))) { for (Frame f; (f = tr.next()) != null; ) all.add(f); }
            var opts = MinimizeOptions.defaults().withAlgorithm(Algorithm.LBFGS_FIRE).withFtol(1e-4);
            t0 = System.nanoTime();
            if (quench) try (ParallelQuench<Frame> q = new ParallelQuench<>(Models.ka(), opts, threads, (f, e, rep) -> {})) {
                for (Frame f : all.subList(all.size() - 2, all.size())) { Frame c = Frame.of(f.timestep(), f.box(), f.particles().copy()); q.submit(c, c.particles(), c.box()); }
                q.flush();
            }
            System.out.printf("quench %.1f s%n", (System.nanoTime() - t0) * 1e-9);
            mdFrame = all.get(all.size() - 1);
        }
        try (Frame f = LammpsDumpReader.readFirst(Path.of(a[0]));
             DescriptorCalculator calc = new DescriptorCalculator(DescriptorSpec.preset("ka-266"), threads)) {
            for (String step : order.split(" ")) {
                int reps = Integer.parseInt(step.substring(1));
                if (step.charAt(0) == 'b') time("bench", calc, f, reps);
                else if (mdFrame != null) time("mdframe", calc, mdFrame, reps);
            }
        }
    }
}
