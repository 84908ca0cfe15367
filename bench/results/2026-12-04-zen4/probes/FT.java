import java.nio.file.Path;
import org.softglass.core.energy.*;
import org.softglass.core.io.*;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.partition.*;
import org.softglass.core.simd.PairKernel;
public class FT {
  public static void main(String[] a) throws Exception {
    Frame f;
    try (LammpsDumpReader r = LammpsDumpReader.open(Path.of(a[0]))) { f = r.next(); }
    var p = f.particles(); var box = f.box();
    PairPotential pot = Models.ka();
    Parallel team = new Parallel(1);
    VerletList v = new VerletList(box, pot.maxCutoff(), 0.3, NeighborList.Kind.HALF, team).sortedRows(false).cellOrdered(true).pairCutoffs(pot.listCutoffs());
    v.update(p);
    ForceCompute fc = new ForceCompute(pot, team, PairKernel.get());
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    int reps = Integer.parseInt(a[1]);
    for (int round = 0; round < 6; round++) {
      long t0 = bean.getCurrentThreadCpuTime();
      for (int k = 0; k < reps; k++) fc.forces(p, box, v.list());
      long t1 = bean.getCurrentThreadCpuTime();
      double s = 0;
      for (int k = 0; k < reps; k++) s += fc.compute(p, box, v.list(), null).energy();
      long t2 = bean.getCurrentThreadCpuTime();
      for (int k = 0; k < reps; k++) { v.forceRebuild(p); }
      long t3 = bean.getCurrentThreadCpuTime();
      System.out.printf("forces %.3f ms  compute %.3f ms  rebuild %.3f ms  (%g)%n", (t1-t0)/1e6/reps, (t2-t1)/1e6/reps, (t3-t2)/1e6/reps, s);
    }
  }
}
