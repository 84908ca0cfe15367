package org.softglass.cli.elastic;

import org.softglass.cli.options.OutputRunOptions;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.options.DipoleOptions;
import org.softglass.cli.options.FmaxLimitOption;
import org.softglass.cli.options.MdSystemOptions;
import org.softglass.cli.options.MeltOptions;
import org.softglass.cli.options.MesoelasticFitOption;
import org.softglass.cli.options.SolverToleranceOption;
import org.softglass.cli.options.ThermostatOptions;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.mesoelastic.MesoelasticWorkflowStudy;
import org.softglass.study.mesoelastic.ModelDefaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass mesoelastic-study --out DIR}: paper 004's main figure from scratch, MD → inherent structures → κ, G →
 * F_s, τ_α → table → eq 3 fit per parent temperature ({@link MesoelasticWorkflowStudy}). A command of its own rather
 * than a {@code pipeline} preset: the pipeline's presets and stages are the KA softness study's (features, training,
 * barriers, TRSP), none of which this workflow runs.
 */
@Command(name = "mesoelastic-study", mixinStandardHelpOptions = true,
        description = {"Paper 004's main result (Fig. 4, eq 3) from scratch, one parent temperature after another.",
                "For each parent temperature T_p (highest first, each lower one started from the one above): equilibrium MD, inherent structures quenched from equally spaced frames, dipole stiffness kappa (eq A4) and shear modulus G (eq A1)",
                "of every structure (structures in parallel), F_s(q,t) and tau_alpha (F_s = 0.2) with an error over time blocks; then the table,",
                "the fit of eq 3 ln(tau_alpha/t0) = (l~ a0)^2 kappa/T + ln t~ over tau_alpha/t0 >= --min-tau-t0, paper 004's published (t~, l~) beside ours,",
                "and the figures. Rerunning the same command skips every finished temperature.",
                "Writes DIR/table.csv, DIR/mesoelastic_fit.json, DIR/published_vs_measured.csv, DIR/tau_vs_kappa_over_T.png, DIR/tau_vs_G_over_T.png,",
                "DIR/tau_vs_inverse_T.png, DIR/kappa_G_vs_T.png, DIR/fs_all.png, DIR/manifest.json and DIR/T<T_p>/{md,is,elastic,fs}/.",
                "The defaults (IPL, N = 256, 4 temperatures, 64 structures x 100 dipoles) take a few minutes on 2 cores; their fit has large errors.",
                "--model mblj picks its own 4 temperatures and F_s of the A particles (results of both: validation/published/paper-004/).",
                "Paper scale (004 Table I-II) on a cluster: IPL --n 2000 with 10 000 structures and 2 M dipoles per T_p (e.g. --structures 10000",
                "--dipoles 200 and a production of >= 10 000 tau_alpha, or several studies with other --seed pooled by mesoelastic-pool); mBLJ --n 8000, 128 structures",
                "and 164 K dipoles per T_p (--structures 128 --dipoles 1280); --q 6.35 (IPL) or 7.25 (mBLJ) as Table I."})
public final class MesoelasticStudyCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "ipl", description = "Pair potential preset (any name the models know, e.g. ipl; paper 004 fits IPL and mBLJ).")
    String model;

    @Mixin
    MdSystemOptions system = new MdSystemOptions(256);

    @Option(names = {"-T", "--temperatures", "--temperature"}, split = ",", paramLabel = "T",
            description = "Parent temperatures T_p (comma list; run highest first). Default per --model: ipl 0.80,0.76,0.73,0.70; "
                    + "mblj 0.72,0.65,0.61,0.58 (tau_alpha/t0 about 9 to 50 at N = 256; paper 004 gives its T_p only in Fig. 4); others the ipl list.")
    List<Double> temperatures;

    @Option(names = "--steps", split = ",", paramLabel = "N",
            description = "Production steps per temperature, highest T first (one value: all); >= 2 tau_alpha per block (--blocks). "
                    + "Default: 30000,40000,60000,100000 (mblj 30000,40000,80000,150000).")
    List<Long> steps;

    @Option(names = "--equilibrate", split = ",", paramLabel = "N",
            description = "Equilibration steps per temperature, highest T first (one value: all); >= 2 tau_alpha after the step from the T above. "
                    + "Default: 10000,10000,15000,25000 (mblj 10000,10000,20000,40000).")
    List<Long> equilibrate;

    @Mixin
    ThermostatOptions thermostat = new ThermostatOptions(0.2);

    @Mixin
    MeltOptions melt = new MeltOptions();

    @Option(names = "--dump-every", defaultValue = "50", paramLabel = "N", description = "Steps between trajectory frames (F_s and the parents of the inherent structures).")
    long dumpEvery;

    @Option(names = "--structures", defaultValue = "64", paramLabel = "S", description = "Inherent structures per T_p, quenched from equally spaced production frames "
            + "(with 8 the spread of kappa between N = 256 structures, about 10 per cent, hides its change with T).")
    int structures;

    @Mixin
    DipoleOptions dipoles = new DipoleOptions();

    @Mixin
    SolverToleranceOption tol = new SolverToleranceOption();

    @Mixin
    FmaxLimitOption fmaxLimit = new FmaxLimitOption();

    @Option(names = "--q", paramLabel = "Q", description = "Wave number of F_s (default: the first S(q) peak of the --type particles at the highest T_p, used at every T_p; "
            + "paper 004 Table I: 6.35 ipl, 7.25 mblj).")
    Double q;

    @Option(names = "--type", paramLabel = "TYPE", description = "LAMMPS type of F_s (default: the largest particles, paper 004 Sec. II B: ipl 2, mblj 1 = A).")
    Integer type;

    @Option(names = "--blocks", defaultValue = "3", description = "Time blocks of the error of tau_alpha (each should span >= 2 tau_alpha).")
    int blocks;

    @Option(names = "--per-decade", defaultValue = "20", paramLabel = "N", description = "Lags per decade of F_s.")
    int perDecade;

    @Mixin
    MesoelasticFitOption fitRange = new MesoelasticFitOption();

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed: the k-th T_p's MD uses seed + k, the dipoles of structure j seed + j; the same seed and --threads give the same output.")
    long seed;

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    /** The study request of the parsed options, the unset ones from {@link ModelDefaults} of {@code --model}. */
    MesoelasticWorkflowStudy.Request request() {
        double rho = system.density(model);
        ModelDefaults d = ModelDefaults.forModel(model);
        List<Double> ts = temperatures != null ? temperatures : d.temperatures();
        List<Long> st = steps != null ? steps : d.steps(), eq = equilibrate != null ? equilibrate : d.equilibrate();
        try {
            return request(rho, ts, st, eq);
        } catch (InvalidParameter e) {   // the study checks the temperatures first, then the count of per-temperature values
            if (steps == null && e.template().startsWith("{steps} needs")) defaultsFor(st, ts, "--steps");
            if (equilibrate == null && e.template().startsWith("{equilibrate} needs")) defaultsFor(eq, ts, "--equilibrate");
            throw e;
        }
    }

    private MesoelasticWorkflowStudy.Request request(double rho, List<Double> ts, List<Long> st, List<Long> eq) {
        return new MesoelasticWorkflowStudy.Request(model, rho, system.n(), ts,
                new MesoelasticWorkflowStudy.Md(thermostat.dt(), thermostat.tdamp(), melt.temperature(), melt.steps(), eq, st, dumpEvery),
                new MesoelasticWorkflowStudy.Ensemble(structures, dipoles.count(), dipoles.allPairs(), tol.tol(), fmaxLimit.limit()),
                new MesoelasticWorkflowStudy.Dynamics(q, type, blocks, perDecade), fitRange.minTauT0(), seed);
    }

    @Override
    public Integer call() throws IOException {
        MesoelasticWorkflowStudy.Request req = request();
        MesoelasticWorkflowStudy.Result r = MesoelasticWorkflowStudy.run(req, run.dir(), run.context());
        for (String w : r.warnings()) System.err.println("softglass: warning: " + w);
        if (!run.quiet()) {
            System.out.printf("mesoelastic-study: %d temperature(s) computed, %d reused%n", r.computed().size(), r.reused().size());
            MesoelasticSummary.print(r.rows(), r.fit());
        }
        return ExitCodes.OK;
    }

    /**
     * The model's per-temperature defaults of {@code option}, which have one value per default temperature: with another
     * number of temperatures, one line saying so (the study's own message would name an option the user did not write).
     */
    private static void defaultsFor(List<Long> values, List<Double> temperatures, String option) {
        if (values.size() == 1 || values.size() == temperatures.size()) return;
        throw new IllegalArgumentException(option + " has " + values.size() + " default values, one per default temperature; with "
                + temperatures.size() + " temperature(s) give " + option + " (1 or " + temperatures.size() + " values, highest T first)");
    }
}
