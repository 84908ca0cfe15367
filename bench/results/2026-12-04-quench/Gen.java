import java.nio.file.*;
import org.softglass.core.simulate.*;
public class Gen {
    public static void main(String[] a) throws Exception {
        long steps = 4000;
        RunSpec spec = new RunSpec("ka", 10000, 1.2, 0.42, 0.005, steps, "nvt", 0.5, 1, 2.0, 1000, 0, 500, 500, 1_000_000, 0.3, false, 0.8, null);
        Simulation.run(spec, Path.of("/tmp/qr/md"), 2, x -> {});
    }
}
