import java.nio.file.Path;
import org.softglass.study.Species;
import org.softglass.study.StudyContext;
import org.softglass.study.dynamics.OverlapStudy;
import org.softglass.study.rearrange.EventsStudy;
import org.softglass.study.rearrange.PhopStudy;

/**
 * The study API from Java, without the command line: p_hop, the rearrangement events and the inherent-state overlap of
 * an inherent-structure trajectory, with typed requests and results (each study also writes its files and manifest,
 * as the command of the same name does).
 *
 * <pre>bin/softglass --java examples/java/Dynamics.java [IS_TRAJ [OUT_DIR]]</pre>
 */
public class Dynamics {
    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (java.nio.file.NoSuchFileException e) {   // one line, as the commands report
            System.err.println("Dynamics: no such file: " + e.getMessage());
            System.exit(1);
        } catch (java.io.IOException | RuntimeException e) {   // a bad trajectory or parameter: the message names it
            System.err.println("Dynamics: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args) throws java.io.IOException {
        Path traj = Path.of(args.length > 0 ? args[0] : "examples/data/ka_N1000_T0.61_is.dump.gz");
        Path out = Path.of(args.length > 1 ? args[1] : "runs/java-dynamics");
        StudyContext ctx = StudyContext.of(2, "example");   // 2 worker threads; the version string goes into the manifests
        double dt = 0.005;                                  // the MD time step of the trajectory (τ)

        PhopStudy.Result phop = PhopStudy.run(new PhopStudy.Request(traj, 10, dt), out.resolve("phop"), ctx);
        EventsStudy.Result events = EventsStudy.run(EventsStudy.Request.ofPhop(phop.directory(), 0.05), out.resolve("events.csv"), ctx);
        OverlapStudy.Result overlap = OverlapStudy.run(OverlapStudy.Request.of(traj, Species.A, dt), out.resolve("overlap"), ctx);

        System.out.printf("%d frames %.3g tau apart, N = %d: %d events (%d still open), largest p* = %.3g%n", phop.frames(), phop.frameSpacing(),
                phop.particles(), events.events().size(), events.openAtEnd(), events.maxPStar());
        System.out.printf("inherent-state overlap of the A particles: tau_Q = %.3g, tau_chi = %.3g, chi4* = %.3g%n", overlap.overlap().tauQ(),
                overlap.overlap().tauChi(), overlap.overlap().chi4Star());
        if (overlap.warning() != null) System.out.println("warning: " + overlap.warning());
    }
}
