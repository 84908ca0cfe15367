package org.softglass.study.trap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import org.softglass.core.trap.AgingSolver;
import org.softglass.core.trap.SiteSimulation;
import org.softglass.core.trap.TrapModel;
import org.softglass.core.util.InvalidParameter;
import org.softglass.core.util.MemoryBudget;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * Aging of the trap-like model (paper {@code 000}): ⟨S(t_w)⟩ after a quench from equilibrium at T_I to each T_F, from
 * the master equation (eq 5; {@link AgingSolver} for the method and its accuracy), optionally beside M simulated sites
 * ({@link SiteSimulation#aging}). Writes {@code aging.csv} ({@link #CSV_HEADER}[,mean_s_mc,mean_s_mc_err]),
 * {@code aging_density.csv} (T_F,t_w,S,P: P_tw(S) once per decade of t_w), {@code aging_mean_s.png} (⟨S⟩ against t_w,
 * log axis), {@code trap_parameters.json} and {@code aging.manifest.json}.
 */
public final class TrapAgingStudy {
    /** The header of aging.csv (with {@code ,mean_s_mc,mean_s_mc_err} when sites are simulated). */
    public static final String CSV_HEADER = "T_F,t_w,mean_s,var_s,flux";
    /** Memory of one S bin of {@link AgingSolver}: 8 double arrays over the bins (bytes). */
    public static final long BYTES_PER_BIN = 8 * 8;
    /** Memory of one output time: t_w, mean, variance, flux (doubles, bytes). */
    public static final long OUTPUT_BYTES = 4 * 8;

    private TrapAgingStudy() {}

    /**
     * @param model            the trap-like model (m is only recorded)
     * @param tInitial         T_I, the temperature of the initial equilibrium
     * @param tFinal           the temperatures T_F after the quench
     * @param bins             S bins of the master equation, ≥ 16
     * @param twMin            the first waiting time, &gt; 0
     * @param twMax            the last, &gt; twMin
     * @param outputsPerDecade output times per decade of t_w, ≥ 1
     * @param stepsPerOutput   time steps between outputs, ≥ 1 (error in ⟨S⟩ ~1e-6 at 200 steps per decade)
     * @param sites            also simulate this many independent sites exactly (0: none)
     * @param seed             the site simulation's seed
     */
    public record Request(TrapStudy.Model model, double tInitial, List<Double> tFinal, int bins, double twMin, double twMax,
                          int outputsPerDecade, int stepsPerOutput, int sites, long seed) {
        public Request {
            tFinal = List.copyOf(tFinal);
            Checks.atLeast(bins, 16, "bins");
            MemoryBudget.require(MemoryBudget.times(bins, BYTES_PER_BIN), "{bins} " + bins + " (S bins)");
            Checks.positive(twMin, "twMin");
            if (!(twMax > twMin)) throw new InvalidParameter("{twMax} must be > {twMin}, got {twMin} " + twMin + " {twMax} " + twMax);
            Checks.atLeast(outputsPerDecade, 1, "outputsPerDecade");
            Checks.atLeast(stepsPerOutput, 1, "stepsPerOutput");
            MemoryBudget.require(MemoryBudget.times(Math.max(0, (long) Math.ceil(Math.log10(twMax / twMin) * outputsPerDecade) + 1), OUTPUT_BYTES),
                    "{outputsPerDecade} " + outputsPerDecade + " over {twMin} " + twMin + " .. {twMax} " + twMax + " (outputs)");
            Checks.atLeast(sites, 0, "sites");
            MemoryBudget.require(MemoryBudget.times(sites, TrapStudy.SITE_BYTES), "{sites} " + sites + " (simulated sites)");
        }
    }

    /**
     * @param tFinal         the temperatures T_F, in order
     * @param curves         the master-equation run of each T_F
     * @param timeSteps      time steps taken, all T_F together
     * @param maxMassDefect  the largest |Σp − 1| corrected after a step
     */
    public record Result(List<Double> tFinal, List<AgingSolver.Result> curves, long timeSteps, double maxMassDefect) {}

    /** Runs the master equation (and the sites) at each T_F and writes {@code dir}. */
    public static Result run(Request req, Path dir, StudyContext ctx) throws IOException {
        TrapModel m = TrapModel.of(req.model().params());
        double tI = req.tInitial(), twMin = req.twMin(), twMax = req.twMax();
        int sites = req.sites(), perDecade = req.outputsPerDecade();
        m.checkTemperature(tI);
        for (double t : req.tFinal()) m.checkTemperature(t);
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder(CSV_HEADER + (sites > 0 ? ",mean_s_mc,mean_s_mc_err" : "") + "\n");
        StringBuilder dens = new StringBuilder("T_F,t_w,S,P\n");
        Plot plot = Plot.xy("Trap-like model: aging after a quench from T_I = " + tI, "t_w", "<S>").logX();
        long steps = 0;
        double defect = 0;
        List<AgingSolver.Result> curves = new ArrayList<>();
        int nOut = Math.max(2, (int) Math.round(Math.log10(twMax / twMin) * perDecade) + 1);
        try (StudyContext.Meter progress = ctx.progress().start("trap aging", (long) nOut * req.tFinal().size(), "outputs")) {
            int done = 0;
            for (double t : req.tFinal()) {
                AgingSolver solver = new AgingSolver(m, tI, t, req.bins());
                final int base = done;
                AgingSolver.Result r = solver.run(twMin, twMax, perDecade, req.stepsPerOutput(), perDecade, null, k -> progress.stepTo(base + k));
                curves.add(r);
                done += r.times().length;
                steps += r.steps();
                defect = Math.max(defect, r.maxMassDefect());
                SiteSimulation.Aging mc = sites > 0 ? SiteSimulation.aging(m, tI, t, sites, req.seed(), r.times()) : null;
                for (int j = 0; j < r.times().length; j++) {
                    csv.append(t).append(',').append(r.times()[j]).append(',').append(r.meanS()[j]).append(',').append(r.varS()[j])
                            .append(',').append(r.flux()[j]);
                    if (mc != null) csv.append(',').append(mc.mean()[j]).append(',').append(mc.stdError()[j]);
                    csv.append('\n');
                }
                double[] s = solver.centers();
                for (AgingSolver.Snapshot snap : r.snapshots()) {
                    for (int i = 0; i < s.length; i++) {
                        dens.append(t).append(',').append(snap.time()).append(',').append(s[i]).append(',').append(snap.density()[i]).append('\n');
                    }
                }
                plot.line("T_F=" + t, r.times(), r.meanS());
                if (mc != null) plot.errors("sites T_F=" + t, r.times(), mc.mean(), mc.stdError());
            }
        }
        CsvRows.writeText(dir.resolve("aging.csv"), csv);
        CsvRows.writeText(dir.resolve("aging_density.csv"), dens);
        plot.save(dir.resolve("aging_mean_s.png"));
        req.model().params().write(dir.resolve("trap_parameters.json"));
        Manifest man = new Manifest(ctx.version(), "trap aging");
        req.model().describe(man);
        man.param("t_i", tI).param("t_f", req.tFinal()).param("bins", req.bins()).param("tw_min", twMin).param("tw_max", twMax)
                .param("outputs_per_decade", perDecade).param("steps_per_output", req.stepsPerOutput()).param("sites", sites).param("seed", req.seed())
                .output(dir.resolve("aging.csv")).output(dir.resolve("aging_density.csv")).output(dir.resolve("aging_mean_s.png"))
                .output(dir.resolve("trap_parameters.json")).result("time_steps", steps).result("max_mass_defect_per_step", defect)
                .write(dir.resolve("aging.manifest.json"));
        return new Result(req.tFinal(), List.copyOf(curves), steps, defect);
    }
}
