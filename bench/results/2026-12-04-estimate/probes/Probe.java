import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorSpec;

public class Probe {
    public static void main(String[] a) throws Exception {
        int threads = Integer.parseInt(a[1]); int reps = Integer.parseInt(a[2]); int species = Integer.parseInt(a[3]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Frame f = LammpsDumpReader.readFirst(Path.of(a[0]));
             DescriptorCalculator calc = new DescriptorCalculator(DescriptorSpec.preset("ka-266"), threads)) {
            System.out.println("kernel " + calc.kernel().name());
            int[] slots = DescriptorCalculator.centres(f.particles(), species);
            for (int r = 0; r < reps; r++) {
                long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
                double[] out = calc.compute(f, slots);
                long t1 = System.nanoTime(), c1 = os.getProcessCpuTime();
                System.out.printf("rep %d: %d centres wall %.3f s cpu %.3f s (%.1f us cpu/centre) load %s%n", r, slots.length, (t1-t0)*1e-9, (c1-c0)*1e-9, (c1-c0)/1e3/slots.length, os.getSystemLoadAverage());
            }
        }
    }
}
