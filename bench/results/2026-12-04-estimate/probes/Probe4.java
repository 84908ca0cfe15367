import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;
import org.softglass.core.energy.Models;
import org.softglass.core.io.*;
import org.softglass.core.minimize.*;
import org.softglass.core.simulate.*;

public class Probe4 {
    public static void main(String[] a) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int threads = 2; long steps = 600;
        Path scratch = Path.of("/tmp/srprobe/p4"); Files.createDirectories(scratch);
        RunSpec spec = new RunSpec("ka", 10000, 1.2, 0.42, 0.005, steps, "nvt", 0.5, 1, 2.0, 300, 0, steps / 6, steps / 6, 1_000_000, 0.3, false, 0.8, null);
        Simulation.run(spec, scratch.resolve("md"), threads, x -> {});
        List<Frame> all = new ArrayList<>();
        try (TrajectoryReader tr = TrajectoryReader.open(scratch.resolve("md").resolve("traj.dump"))) { for (Frame f; (f = tr.next()) != null; ) all.add(f); }
        var opts = MinimizeOptions.defaults().withAlgorithm(Algorithm.LBFGS_FIRE).withFtol(1e-4);
        try (ParallelQuench<Frame> q = new ParallelQuench<>(Models.ka(), opts, threads, (f, e, rep) -> {})) {
            for (int round = 0; round < 3; round++) {
                List<Frame> fs = round == 0 ? all.subList(all.size() - 6, all.size() - 4) : all.subList(all.size() - 4, all.size());
                long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
                for (Frame f : fs) { Frame c = Frame.of(f.timestep(), f.box(), f.particles().copy()); q.submit(c, c.particles(), c.box()); }
                q.flush();
                long t1 = System.nanoTime(), c1 = os.getProcessCpuTime();
                System.out.printf("round %d: %d frames wall %.2f s cpu %.2f s -> wall/frame %.2f, cpu/frame/threads %.2f, util %.2f, load %.2f%n", round, fs.size(), (t1-t0)*1e-9, (c1-c0)*1e-9,
                    (t1-t0)*1e-9/fs.size(), (c1-c0)*1e-9/fs.size()/threads, (c1-c0)/(double)(threads*(t1-t0)), os.getSystemLoadAverage());
            }
        }
    }
}
