package org.softglass.cli.pipeline;

import org.softglass.cli.slurm.Slurm;
import org.softglass.cli.slurm.JobsRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.InputFormatException;

/**
 * {@code softglass pipeline --status} (and {@code study --status}): what a run directory's ledger records, read
 * without running anything and while the run goes on. One line per stage of {@link Pipeline#STAGES}: items
 * complete and running, their wall time, and for a running MD item its progress (the last production step in
 * {@code md/T…/thermo.csv.part}, whose rows count production steps, against the production length). An item a
 * killed run left unfinished also shows as running.
 *
 * <p>A run submitted with {@code --executor slurm} ({@code DIR/slurm/jobs.json}) gets a second table: every submitted
 * item with its job and what it is — {@code done} (complete in the ledger), SLURM's state while the job is queued or
 * running ({@code PENDING}, {@code RUNNING}), or {@code failed} with SLURM's final state where accounting records it
 * and the job's log — so a user sees what to resubmit (rerunning the submitting command does it).
 */
public final class PipelineStatus {
    private PipelineStatus() {}

    /** The status table of run directory {@code dir}. @throws IllegalArgumentException if it holds no pipeline run */
    static String of(Path dir) throws IOException {
        Path stages = dir.resolve("stages");
        if (!Files.isDirectory(stages)) {
            throw new IllegalArgumentException("--status: " + dir + " holds no pipeline or study run (no stages/ folder)");
        }
        Map<String, List<StageRecord>> byStage = new LinkedHashMap<>();
        for (String s : Pipeline.STAGES) byStage.put(s, new ArrayList<>());
        List<Path> files;
        try (Stream<Path> l = Files.list(stages)) {
            files = l.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            String stage = name.replaceFirst("(-.*)?\\.json$", "");
            if (byStage.containsKey(stage)) {
                try {
                    byStage.get(stage).add(StageRecord.read(f));
                } catch (IOException | InputFormatException e) {
                    // a record being rewritten: counted at the next look
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-13s %8s %8s %10s  %s%n", "stage", "complete", "running", "seconds", "now"));
        double total = 0;
        for (var e : byStage.entrySet()) {
            int done = 0, running = 0;
            double seconds = 0;
            List<String> now = new ArrayList<>();
            for (StageRecord m : e.getValue()) {
                if (m.complete()) {
                    done++;
                    seconds += Double.isNaN(m.seconds()) ? 0 : m.seconds();
                } else {
                    running++;
                    now.add(progress(dir, m));
                }
            }
            total += seconds;
            out.append(String.format(Locale.ROOT, "%-13s %8d %8d %10.1f  %s%n", e.getKey(), done, running, seconds,
                    e.getValue().isEmpty() ? "not started" : String.join("; ", now)));
        }
        out.append(String.format(Locale.ROOT, "%-13s %8s %8s %10.1f%n", "total", "", "", total));
        if (Files.isRegularFile(JobsRecord.file(dir))) out.append(slurm(dir, Slurm.commands()));
        return out.toString();
    }

    /** The table of the run's batch jobs: item, job, and done / queued / running / failed. */
    public static String slurm(Path dir, Slurm slurm) throws IOException {
        Map<String, String> jobs;
        try {
            jobs = JobsRecord.jobs(dir);
        } catch (IllegalArgumentException e) {
            return String.format(Locale.ROOT, "%nslurm jobs: %s%n", e.getMessage());
        }
        Map<String, String> states;
        String note = "";
        boolean reached = true;
        try {
            states = slurm.states(new ArrayList<>(jobs.values()));
        } catch (IOException e) {
            states = Map.of();
            reached = false;
            note = "  (" + e.getMessage() + ")";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nslurm jobs (%s)%s%n%-24s %10s  %s%n", JobsRecord.file(dir), note,
                "item", "job", "state"));
        int failed = 0;
        for (var e : jobs.entrySet()) {
            String state = states.get(e.getValue());
            Path rec = dir.resolve("stages").resolve(e.getKey() + ".json");
            boolean complete = false;
            if (Files.isRegularFile(rec)) {
                try {
                    complete = StageRecord.read(rec).complete();
                } catch (IOException | InputFormatException ex) {
                    // being rewritten: not complete yet
                }
            }
            String what;
            if (Slurm.active(state)) what = state;
            else if (complete) what = "done";
            else if (!reached) what = "unknown (SLURM not reached)";
            else {
                failed++;
                Path log = dir.resolve("slurm").resolve("logs").resolve(e.getKey() + "-" + e.getValue() + ".out");
                what = "failed" + (state != null ? " (" + state + ")" : "")
                        + (Files.isRegularFile(log) ? "; log: " + log : "; never started (cancelled, or an item it needs failed)");
            }
            out.append(String.format(Locale.ROOT, "%-24s %10s  %s%n", e.getKey(), e.getValue(), what));
        }
        if (failed > 0) out.append(failed).append(" item(s) failed or were cancelled: rerun the submitting command to resubmit them\n");
        return out.toString();
    }

    /** "ITEM" or, for a running MD item, "ITEM: step S of E+P". */
    private static String progress(Path dir, StageRecord m) {
        String item = (m.command() == null ? "" : m.command()).replaceFirst("^pipeline ", "");
        Long steps = m.parameters().steps();
        if (!item.matches("simulate-T[0-9.]+") || steps == null) return item + " running";   // not an MD item (e.g. a quench shard)
        Path thermo = dir.resolve("md").resolve(item.substring("simulate-".length())).resolve("thermo.csv.part");
        long total = steps;   // thermo rows count production steps
        try {
            String[] last = CsvRows.lastRow(thermo);   // the header alone, or nothing: no production row yet
            if (last == null || last[0].isEmpty() || !Character.isDigit(last[0].charAt(0))) {
                return item + ": melting or equilibrating (no production thermo rows yet; " + total + " production steps to run)";
            }
            if (last.length < 2) return item + " running";   // a row still being written
            return item + ": production step " + last[0] + " of " + total;
        } catch (IOException e) {
            return item + " running";
        }
    }
}
