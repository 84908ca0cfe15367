package org.softglass.cli.report;

import org.softglass.core.util.Format;
import static org.softglass.cli.report.ReportNumbers.addFinite;
import static org.softglass.cli.report.ReportNumbers.fin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.softglass.cli.Csv;
import org.softglass.cli.pipeline.PipelinePreset;
import org.softglass.core.plot.Plot;
import org.softglass.study.dynamics.OverlapSummary;

/**
 * The block χ4* of MD and TRSP on the same footing (002 App. H, Figs 13–16), a part of the report's
 * comparison ({@link PipelineComparison}): per T, χ4*(ℓ) of the sub-boxes of side ℓ (MD:
 * {@code observables/T…/overlap/overlap.json} blocks, σ; TRSP: the peak
 * ({@link org.softglass.core.trsp.TrspAnalysis#peak}) of each ℓ's χ4,ℓ(t) in {@code trsp/block_chi4.csv},
 * lattice units, plus ℓ = L, the whole lattice), drawn as χ4*(ℓ)/χ4*(L) against ℓ/ξ4(T) with each
 * model's own OZ ξ4 at that T ({@code block_collapse.png}, only where it has a point).
 *
 * @param rows summary.json's block_chi4_star, one map per temperature (T, md_ell, md_chi4_star, md_xi4,
 *             trsp_ell, trsp_chi4_star, trsp_xi4)
 * @param drawn whether block_collapse.png was written
 */
record PipelineBlockCollapse(List<Map<String, Object>> rows, boolean drawn) {

    /**
     * Reads the block χ4* of every temperature of {@code ts} and draws {@code dir/block_collapse.png}.
     *
     * @param trspSum {@code trsp/summary.csv} (per T: chi4_star, xi4 of the whole lattice)
     */
    static PipelineBlockCollapse write(Path root, PipelinePreset preset, Path dir, double[] ts, ReportTable trspSum) throws IOException {
        ReportTable tb = ReportTable.read(root.resolve("trsp").resolve("block_chi4.csv"));
        Plot p = Plot.xy("Block chi4*(ell)/chi4*(L) vs ell/xi4 (002 App. H): MD overlap and TRSP", "ell / xi4", "chi4*(ell) / chi4*(L)").logX();
        List<Map<String, Object>> out = new ArrayList<>();
        boolean drawn = false;
        for (int k = 0; k < ts.length; k++) {
            double t = ts[k];
            OverlapSummary oj = OverlapSummary.read(root.resolve("observables").resolve(PipelinePreset.label(t)).resolve("overlap").resolve("overlap.json"));
            List<Double> mdEll = new ArrayList<>(), mdStar = new ArrayList<>();
            for (OverlapSummary.Block b : oj.blocks()) {
                mdEll.add(b.ell());
                mdStar.add(b.chi4Star());
            }
            double[][] rows = tb.where("T", t, "ell", "t", "chi4");
            java.util.TreeMap<Double, double[]> trsp = new java.util.TreeMap<>();
            for (double ell : java.util.Arrays.stream(rows[0]).distinct().toArray()) {
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < rows[0].length; i++) if (rows[0][i] == ell && rows[1][i] > 0 && Double.isFinite(rows[2][i])) pts.add(new double[] {rows[1][i], rows[2][i]});
                if (pts.size() < 1) continue;
                double[] pk = org.softglass.core.trsp.TrspAnalysis.peak(pts.stream().mapToDouble(a -> a[0]).toArray(), pts.stream().mapToDouble(a -> a[1]).toArray());
                trsp.put(ell, new double[] {pk[1]});
            }
            int ss = trspSum.find("T", t);
            trsp.put((double) preset.trspSide(), new double[] {trspSum.col("chi4_star")[ss]});
            double xiMd = oj.xi4(), starMd = oj.chi4Star(), xiTrsp = trspSum.col("xi4")[ss], starTrsp = trspSum.col("chi4_star")[ss];
            if (xiMd > 0 && starMd > 0 && mdStar.stream().anyMatch(c -> c > 0)) {
                addFinite(p, "MD T = " + Format.g4(t), mdEll.stream().mapToDouble(e -> e / xiMd).toArray(), mdStar.stream().mapToDouble(c -> c / starMd).toArray());
                drawn = true;
            }
            if (xiTrsp > 0 && starTrsp > 0) {
                addFinite(p, "TRSP T = " + Format.g4(t), trsp.keySet().stream().mapToDouble(e -> e / xiTrsp).toArray(),
                        trsp.values().stream().mapToDouble(c -> c[0] / starTrsp).toArray());
                drawn = true;
            }
            out.add(Csv.map("T", t, "md_ell", mdEll, "md_chi4_star", mdStar.stream().map(ReportNumbers::fin).toList(), "md_xi4", fin(xiMd),
                    "trsp_ell", List.copyOf(trsp.keySet()), "trsp_chi4_star", trsp.values().stream().map(c -> fin(c[0])).toList(), "trsp_xi4", fin(xiTrsp)));
        }
        if (drawn) p.save(dir.resolve("block_collapse.png"));
        return new PipelineBlockCollapse(out, drawn);
    }
}
