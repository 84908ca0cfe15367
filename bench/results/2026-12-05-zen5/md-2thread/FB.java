import java.nio.file.Path;
import org.softglass.core.energy.*;
import org.softglass.core.io.*;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.partition.*;
import org.softglass.core.simd.PairKernel;
public class FB {
  public static void main(String[] a) throws Exception {
    Frame f;
    try (LammpsDumpReader r = LammpsDumpReader.open(Path.of(a[0]))) { f = r.next(); }
    var p = f.particles(); var box = f.box();
    PairPotential pot = Models.ka();
    Parallel team = new Parallel(Integer.parseInt(a[1]));
    VerletList v = new VerletList(box, pot.maxCutoff(), 0.3, NeighborList.Kind.HALF, team).sortedRows(false).cellOrdered(true).pairCutoffs(pot.listCutoffs());
    v.update(p);
    ForceCompute fc = new ForceCompute(pot, team, PairKernel.get());
    int reps = 200;
    StringBuilder sb = new StringBuilder();
    for (int round = 0; round < 25; round++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < reps; k++) fc.forces(p, box, v.list());
      long t1 = System.nanoTime();
      sb.append(String.format("%.0f ", (t1 - t0) / 1e3 / reps));
    }
    System.out.println(sb);
    team.close();
  }
}
