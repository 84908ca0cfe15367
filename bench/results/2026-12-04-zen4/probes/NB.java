import java.nio.file.Path;
import org.softglass.core.energy.*;
import org.softglass.core.io.*;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.partition.*;
public class NB {
  public static void main(String[] a) throws Exception {
    Frame f;
    try (LammpsDumpReader r = LammpsDumpReader.open(Path.of(a[0]))) { f = r.next(); }
    var p = f.particles(); var box = f.box();
    PairPotential pot = Models.ka();
    Parallel team = new Parallel(1);
    NeighborListBuilder b = new NeighborListBuilder(box, 2.8, team, org.softglass.core.simd.DistanceKernels.get()).sortedRows(false).cellOrdered(true);
    double[][] radii = pot.listCutoffs(); for (double[] row: radii) for (int k=0;k<row.length;k++) row[k]+=0.3;
    b.pairRadii(radii);
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    int reps = Integer.parseInt(a[1]);
    for (int round = 0; round < 6; round++) {
      long tb = 0, tc = 0;
      for (int k = 0; k < reps; k++) {
        long t0 = bean.getCurrentThreadCpuTime(), w0 = System.nanoTime();
        NeighborList l = b.build(p, NeighborList.Kind.HALF);
        long t1 = bean.getCurrentThreadCpuTime(), w1 = System.nanoTime();
        l.close();
        long t2 = bean.getCurrentThreadCpuTime(), w2 = System.nanoTime();
        tb += w1 - w0; tc += w2 - w1;
      }
      System.out.printf("build %.3f ms  close %.3f ms (wall)%n", tb/1e6/reps, tc/1e6/reps);
    }
  }
}
