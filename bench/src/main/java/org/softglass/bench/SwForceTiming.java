package org.softglass.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.Frame;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;
import org.softglass.core.simd.PairKernels;
import org.softglass.core.simd.Simd;
import org.softglass.core.simd.TripletKernel;
import org.softglass.core.simd.TripletKernels;

/**
 * Cost of one Stillinger–Weber force evaluation ({@code ForceCompute.forces}, the MD hot path, or with
 * {@code energy} {@code ForceCompute.compute}, as the minimiser, or with {@code md} forces with a
 * {@code compute} every 100th call, as MD with thermo output) on the last frame of a dump (paper 004's SW
 * glass, N = 8000), over a cell-ordered list of radius aσ + skin 0.3 (HALF as in MD unless FULL is named),
 * one thread: the pair kernel of this JVM ({@link PairKernels#get()}; its SW path is chosen
 * by {@code -Dsoftglass.simd.swPair=scalar|vector}) and the triplet kernel named on the command
 * line. After {@code warm} untimed calls, {@code rounds} rounds of {@code calls} calls are timed in thread
 * CPU time (less disturbed than wall time on a shared machine); prints the median and the range of the
 * per-call CPU time over the rounds, and a checksum of the forces (to see that variants agree).
 * Usage: {@code bin/java25 [-Dsoftglass.simd.swPair=…] -cp bench/target/benchmarks.jar
 * org.softglass.bench.SwForceTiming DUMP scalar|panama|default warm rounds calls [forces|energy|md [HALF|FULL]]}
 * (prefix the class path with an older commit's compiled core classes to time that commit).
 */
public final class SwForceTiming {
    private SwForceTiming() {}

    /**
     * The driver with the named triplet kernel; {@code default} uses the three-argument constructor only,
     * so that this program also runs against the core classes of a commit before the triplet kernels
     * (its per-triplet scalar loop), put first on the class path.
     */
    private static ForceCompute create(PairPotential pot, Parallel par, String triplets) {
        if (triplets.equals("default")) return new ForceCompute(pot, par, PairKernels.get());
        TripletKernel tk = triplets.equals("panama") ? TripletKernels.panama() : TripletKernels.scalar();
        return new ForceCompute(pot, par, PairKernels.get(), tk);
    }

    /** One evaluation: forces only, or forces with energy, virial and per-atom energies (as the minimiser). */
    private static void call(ForceCompute fc, Frame frame, NeighborList list, boolean energy) {
        if (energy) fc.compute(frame.particles(), frame.box(), list, null);
        else fc.forces(frame.particles(), frame.box(), list);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int warm = Integer.parseInt(args[2]), rounds = Integer.parseInt(args[3]), calls = Integer.parseInt(args[4]);
        String mode = args.length > 5 ? args[5] : "forces";
        boolean energy = mode.equals("energy");
        // "md": forces, with energies on every 100th call as an MD run's thermo output (and the JIT profile) has them
        int energyEvery = mode.equals("md") ? 100 : energy ? 1 : Integer.MAX_VALUE;
        NeighborList.Kind kind = args.length > 6 ? NeighborList.Kind.valueOf(args[6]) : NeighborList.Kind.HALF;
        Frame frame = LastFrame.read(file);
        PairPotential pot = Models.sw();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (Parallel par = new Parallel(1);
             ForceCompute fc = create(pot, par, args[1]);
             NeighborListBuilder b = new NeighborListBuilder(frame.box(), pot.maxCutoff() + 0.3, 1).sortedRows(false).cellOrdered(true);
             NeighborList list = b.build(frame.particles(), kind)) {
            for (int c = 0; c < warm; c++) call(fc, frame, list, c % energyEvery == 0);
            double[] us = new double[rounds];
            for (int k = 0; k < rounds; k++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int c = 0; c < calls; c++) call(fc, frame, list, (k * calls + c) % energyEvery == 0);
                us[k] = (mx.getCurrentThreadCpuTime() - t0) * 1e-3 / calls;
            }
            double sum = 0;
            for (int i = 0; i < frame.particles().size(); i++) {
                for (int a = 0; a < 3; a++) sum += Math.abs(frame.particles().force(i, a));
            }
            Arrays.sort(us);
            System.out.printf(Locale.ROOT, "N=%d %s %s swPair=%s triplets=%s: median %.1f us/call (min %.1f, max %.1f; %d rounds of %d) sum|F|=%.12e [%s]%n",
                    frame.particles().size(), kind, mode, System.getProperty("softglass.simd.swPair", "default"), args[1], us[rounds / 2], us[0],
                    us[rounds - 1], rounds, calls, sum, Simd.describe());
        }
        frame.close();
    }
}
