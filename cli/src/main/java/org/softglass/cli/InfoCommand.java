package org.softglass.cli;

import java.util.concurrent.Callable;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.simd.Simd;
import org.softglass.nativebridge.NativeInfo;
import org.softglass.nativebridge.OpenBlas;
import picocli.CommandLine.Command;

/** {@code softglass info}: JDK, SIMD species and path, OpenBLAS version and threads, cores. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the JDK, the Vector API species and whether the SIMD path is active, OpenBLAS version and thread count, and cores.")
final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("softglass      " + Version.get());
        System.out.println("java           " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")");
        System.out.println("os/arch        " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        System.out.println("cores          " + Parallel.availableCores());
        System.out.println("max heap       " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        System.out.println("vector species " + Simd.describe());
        NativeInfo nat = OpenBlas.info();
        System.out.println("openblas       " + (nat.loaded() ? nat.version() + ", " + nat.threads() + " thread(s)" : "NOT LOADED: " + nat.error()));
        return ExitCodes.OK;
    }
}
