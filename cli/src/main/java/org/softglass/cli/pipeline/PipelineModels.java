package org.softglass.cli.pipeline;

import org.softglass.core.util.Format;
import org.softglass.cli.Csv;
import org.softglass.cli.report.PipelineReport;
import org.softglass.cli.Progress;
import org.softglass.cli.models.TrapTemperatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.dynamics.InherentOverlap;
import org.softglass.study.Species;
import org.softglass.study.dynamics.OverlapStudy;
import org.softglass.study.dynamics.PersistenceStudy;
import org.softglass.study.dynamics.SelfDynamicsStudy;
import org.softglass.study.trap.TrapStudy;
import org.softglass.study.trsp.TrspParameterStudy;
import org.softglass.study.trsp.TrspStudy;

/**
 * The pipeline's model and comparison stages on the studies: {@code trap} (relaxation and equilibrium), {@code trsp}
 * (the parameter file with its recorded substitutions, then the ensembles), {@code observables} (the MD's inherent-state
 * overlap, p_hop persistence and F_s) and {@code report}.
 */
final class PipelineModels {
    private final Pipeline pl;

    PipelineModels(Pipeline pl) { this.pl = pl; }

    /** The MD's inherent-state overlap, p_hop persistence and F_s at each temperature ({@code observables/T…/}). */
    void observables() throws IOException {
        pl.items.perTemperature("observables", Csv.map("p_R", pl.preset.pR(), "dt", pl.preset.dt(), "overlap_a", InherentOverlap.DEFAULT_THRESHOLD),
                t -> List.of(pl.out.resolve("phop").resolve(PipelinePreset.label(t)).resolve("phop.npy"), pl.thermal(t), pl.traj(t)), (t, dir) -> {
            // the MD overlap Q(t), χ4(t), S4/ξ4, block χ4 on the IS trajectory (002 §VII A; thermal
            // positions when the preset makes no inherent structures, which the report says); at most
            // about 256 origins, so the cost (∝ origins × frames × N) stays small at paper scale
            long frames = pl.preset.frames(pl.preset.indexOf(t));
            pl.items.call("overlap", () -> OverlapStudy.run(OverlapStudy.Request.of(pl.traj(t), Species.A, pl.preset.dt()).withOriginStride((int) Math.max(1, frames / 256)),
                    dir.resolve("overlap"), pl.context()));
            pl.items.call("persistence", () -> PersistenceStudy.run(PersistenceStudy.Request.of(pl.out.resolve("phop").resolve(PipelinePreset.label(t)), pl.preset.pR(), Species.A),
                    dir.resolve("persistence"), pl.context()));
            pl.items.call("fs", () -> SelfDynamicsStudy.run(SelfDynamicsStudy.Request.of(pl.thermal(t), t, pl.preset.dt()), dir.resolve("fs"), pl.context()));
            return Map.of();
        });
    }

    /** {@code report/index.html}, figures and {@code summary.json} from every stage's files. */
    void report() throws IOException {
        pl.items.begin();
        try (Progress bar = pl.items.bar("report", 1, "items")) {
            Map<String, Object> reportParams = new LinkedHashMap<>(pl.study != null ? pl.study.settings(pl.preset) : pl.preset.asMap());
            if (pl.study != null) reportParams.put("study", pl.study.asMap());
            if (pl.config != null) reportParams.put("study_config", pl.config);
            PipelineLedger.Item it = new PipelineLedger.Item("report", null, pl.out.resolve("report"), reportParams, reportInputs());
            pl.items.runItem(it, dir -> {
                new PipelineReport(pl.out, pl.preset, pl.seed, pl.threads, pl.study, pl.config).write(dir);
                return Map.of();
            });
            bar.step();
        }
        pl.items.end("report");
    }

    void models() throws IOException {
        Path params = pl.parameters();
        String temps = String.join(",", Arrays.stream(pl.preset.temperatures()).mapToObj(t -> Double.toString(t)).toList());
        pl.items.begin();
        try (Progress bar = pl.items.bar("trap", 2, "items")) {
            // Q̄(t) from 4 decades below to 2 above τ_Q: the window the MD and TRSP curves share in the report's plots
            pl.items.runItem(new PipelineLedger.Item("trap", "relax", pl.out.resolve("trap").resolve("relax"), Csv.map("T", temps, "m", 1,
                    "decades_before", 4, "decades_after", 2), List.of(params)), d -> {
                pl.items.call("trap relax", () -> TrapStudy.relax(TrapStudy.RelaxRequest.of(TrapStudy.Model.of(params), temperatures(), 4, 2), d, pl.context()));
                return Map.of();
            });
            bar.step();
            String range = trapRange();
            pl.items.runItem(new PipelineLedger.Item("trap", "equilibrium", pl.out.resolve("trap").resolve("equilibrium"), Csv.map("range", range),
                    List.of(params)), d -> {
                pl.items.call("trap equilibrium", () -> TrapStudy.equilibrium(TrapStudy.Model.of(params), TrapTemperatures.of(null, range, null), d, pl.context()));
                return Map.of();
            });
            bar.step();
        }
        pl.items.end("trap");
        pl.items.begin();
        try (Progress bar = pl.items.bar("trsp", 1, "items")) {
            pl.items.runItem(new PipelineLedger.Item("trsp", null, pl.out.resolve("trsp"), Csv.map("T", temps, "L", pl.preset.trspSide(), "m", 4,
                    "events", pl.preset.trspEvents(), "trajectories", pl.preset.trspTrajectories(), "seed", pl.seed), List.of(params)), d -> {
                // the fitted file, or C_S and kick substitutes recorded beside it (cs-source.json, kick-source.json)
                TrspParameterStudy.Result use = pl.items.call("trsp check", () -> TrspParameterStudy.resolve(params, pl.preset.temperatures(),
                        new TrspParameterStudy.Lattice3(pl.preset.trspSide(), 4, 1e-2), d));
                pl.items.call("trsp run", () -> TrspStudy.run(TrspStudy.Request.of(use.file(), pl.preset.trspSide(), temperatures(), pl.preset.trspTrajectories(),
                        pl.preset.trspEvents(), pl.seed), d, pl.context()));
                return Map.of();
            });
            bar.step();
        }
        pl.items.end("trsp");
    }

    /**
     * The trap model's equilibrium temperature range {@code LO:HI:60}: 0.4–1.2 for the KA presets; for a study
     * widened to 0.8 T_min … 1.25 T_max when its temperatures reach beyond.
     */
    String trapRange() {
        if (pl.study == null) return "0.4:1.2:60";
        double lo = Math.min(0.4, 0.8 * pl.lowest()), hi = Math.max(1.2, 1.25 * Arrays.stream(pl.preset.temperatures()).max().orElseThrow());
        return Format.g4(lo) + ":" + Format.g4(hi) + ":60";
    }

    /** The run's temperatures, in the preset's order. */
    List<Double> temperatures() { return Arrays.stream(pl.preset.temperatures()).boxed().toList(); }

    /**
     * The report's inputs: every CSV and JSON file of the analysis stages, and the MD thermo files. A plan made while
     * batch jobs write there (a file vanishing during the walk) gets a path that does not exist, so the report counts as
     * not done.
     */
    List<Path> reportInputs() throws IOException {
        if (pl.items.onlyItem != null && !pl.items.onlyItem.equals("report")) return List.of();   // a batch job of another item: not read
        List<Path> in = new ArrayList<>();
        for (String s : List.of("barriers", "correlations", "trap", "trsp", "observables", "train")) {
            Path d = pl.out.resolve(s);
            if (!Files.isDirectory(d)) continue;
            try (var w = Files.walk(d)) {
                w.filter(Files::isRegularFile).filter(f -> {
                    String n = f.getFileName().toString();
                    return n.endsWith(".csv") || n.endsWith(".json");
                }).sorted().forEach(in::add);
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                if (pl.items.planned == null) throw e;
                return List.of(pl.out.resolve("report").resolve(".inputs-changing"));
            }
        }
        if (pl.study == null) for (double t : pl.preset.temperatures()) in.add(pl.out.resolve("md").resolve(PipelinePreset.label(t)).resolve("thermo.csv"));
        return in;
    }
}
