package org.softglass.cli.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Slurm#commands}: how the real sbatch, squeue, sacct and scancel are called and their answers parsed,
 * against stand-in scripts on a temporary bin folder.
 */
public class SlurmCommandsTest {
    /**
     * The real commands' parsing, with stand-ins for sbatch, squeue, sacct and scancel: the job id of
     * {@code sbatch --parsable} ("ID;cluster"), sbatch's own message when it refuses, states from squeue (which alone says
     * what is queued) and sacct ("CANCELLED by 0" is CANCELLED; a job sacct calls RUNNING that squeue no longer lists is
     * GONE), and a failing squeue.
     */
    @Test
    void slurmCommandsAreParsed(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path args = dir.resolve("args.log");
        write(bin.resolve("sbatch"), "echo \"$*\" >> " + args + "\nif grep -q bad <<< \"$*\"; then echo 'sbatch: error: invalid partition specified: x' >&2; exit 1; fi\necho '42;softglass'");
        write(bin.resolve("squeue"), "echo \"$*\" >> " + args + "\nprintf '41|RUNNING\\n42|PENDING\\n99|RUNNING\\n'");
        write(bin.resolve("sacct"), "printf '40|CANCELLED by 0\\n41|RUNNING\\n43|RUNNING\\n44|FAILED\\n'");
        write(bin.resolve("scancel"), "echo \"scancel $*\" >> " + args);
        Slurm s = Slurm.commands(bin + "/");
        assertEquals("42", s.submit(dir.resolve("a.sh"), List.of("7", "8")));
        assertEquals("--parsable --dependency=afterok:7:8 " + dir.resolve("a.sh"), Files.readAllLines(args).get(0));
        IOException e = assertThrows(IOException.class, () -> s.submit(dir.resolve("bad.sh"), List.of()));
        assertEquals("sbatch refused bad.sh: sbatch: error: invalid partition specified: x", e.getMessage());
        assertEquals(Map.of("40", "CANCELLED", "41", "RUNNING", "42", "PENDING", "43", "GONE", "44", "FAILED"),
                s.states(List.of("40", "41", "42", "43", "44", "45")));
        assertTrue(Files.readString(args).contains("-h -r --me -o %i|%T"), Files.readString(args));
        assertEquals("42", s.submitArray(dir.resolve("a.sh"), List.of(), List.of(0, 2)));
        assertTrue(Files.readString(args).contains("--parsable --array=0,2 " + dir.resolve("a.sh")), Files.readString(args));
        s.cancel("42");
        assertTrue(Files.readString(args).contains("scancel 42"));
        write(bin.resolve("squeue"), "echo 'squeue: error: Unable to contact slurm controller (connect failure)' >&2; exit 1");
        assertEquals("squeue failed: squeue: error: Unable to contact slurm controller (connect failure)",
                assertThrows(IOException.class, () -> s.states(List.of("41"))).getMessage());
    }

    private static void write(Path f, String body) throws IOException {
        Files.writeString(f, "#!/bin/bash\n" + body + "\n");
        f.toFile().setExecutable(true);
    }
}
