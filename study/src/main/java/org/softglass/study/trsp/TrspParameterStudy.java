package org.softglass.study.trsp;

import org.softglass.core.util.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.softglass.core.io.JsonFile;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trsp.Circulant;
import org.softglass.core.trsp.ClusterShape;
import org.softglass.core.trsp.Lattice;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspPresets;
import org.softglass.core.util.Refusal;

/**
 * The parameter file a TRSP run can use, from the fitted one of a study, with every substitution a value of the
 * result and a file beside it (never a silent footnote):
 * <ol>
 *   <li><b>C_S(r).</b> The lattice needs C_S(r) = c1 e^(−r/ξ) (r &gt; 0), C_S(0) = c0 to be a covariance: positive
 *       definite on the L×L×L lattice (circulant FFT eigenvalues &gt; 0). A fit over a short run can give c1 &gt; c0 with a
 *       long ξ, which is not; then c1 is reduced (× 0.9 per try) until it is, c0 and ξ stay fitted
 *       ({@code DIR/cs-source.json}, {@code DIR/model-parameters-cs.json}).</li>
 *   <li><b>Kicks.</b> The fitted file is used when the model accepts it at every temperature ({@link #accepts}: K and
 *       ρ_Δ positive definite, λ_max(K_Δ K'⁻¹) &lt; 1, DESIGN §7). Otherwise σ_Δ and ρ_Δ come from the {@code ka-002}
 *       preset, σ_Δ scaled by the measured σ_S (√(C_S(0)/C_S,preset(0))), then × 0.8 per try while the model refuses
 *       (at most 11 tries); everything else stays fitted ({@code DIR/kick-source.json},
 *       {@code DIR/model-parameters-trsp.json}).</li>
 * </ol>
 */
public final class TrspParameterStudy {
    /** The kick source when the fitted σ_Δ, ρ_Δ are used. */
    public static final String FITTED = "fitted";

    private TrspParameterStudy() {}

    /**
     * @param side         the lattice side L
     * @param clusterSize  the rearranging cluster size m (1 or 4)
     * @param tol          the kick window truncation tolerance (0: the full dense update)
     */
    public record Lattice3(int side, int clusterSize, double tol) {}

    /**
     * @param file        the parameter file to run with
     * @param kicks       {@link #FITTED}, or which preset kicks and the scale of σ_Δ
     * @param kickReason  why the fitted kicks were refused, or null
     * @param c1Fitted    the fitted c1 of C_S(r) (null without C_S)
     * @param c1Used      the c1 used (below the fitted one when it was reduced)
     */
    public record Result(Path file, String kicks, String kickReason, Double c1Fitted, Double c1Used) {
        /** Whether a preset number replaced a measured one (the report's banner). */
        public boolean fallback() { return kickReason != null || (c1Fitted != null && !c1Fitted.equals(c1Used)); }
    }

    /**
     * Why the model refuses {@code p} at one of {@code temperatures}, or null when it accepts it at all of them (the
     * checks of {@code TrspModel.of} and of every shape's kick).
     */
    public static String accepts(ModelParameters p, double[] temperatures, Lattice3 lat) {
        try {
            for (double t : temperatures) {
                TrspModel m = TrspModel.of(p, t, lat.side(), lat.clusterSize(), 1.0);
                for (ClusterShape sh : m.shapes()) TrspEnsemble.kick(m, sh, lat.tol());
            }
            return null;
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            return e.getMessage();
        }
    }

    /**
     * Resolves the file to run with from {@code params} and writes the substitutes and their source records into
     * {@code dir}.
     *
     * @throws Refusal when the kicks are refused and the file has no C_S(r) to scale the preset's by, or when even the
     *     smallest preset scale is refused
     */
    public static Result resolve(Path params, double[] temperatures, Lattice3 lat, Path dir) throws IOException {
        ModelParameters p = ModelParameters.read(params);
        var cs = p.cS();
        Double c1Fitted = cs == null ? null : cs.c1(), c1Used = c1Fitted;
        Path use = params;
        Lattice lattice = new Lattice(lat.side());
        if (cs == null || !(cs.c0() > 0) || new Circulant(lattice, cs::at).minEigenvalue() > 0) {
            JsonFile.write(dir.resolve("cs-source.json"), JsonFile.map("source", "fitted", "c1_fitted", c1Fitted, "c1_used", c1Used));
        } else {
            var fixed = cs;
            for (int k = 0; k < 200 && !(new Circulant(lattice, fixed::at).minEigenvalue() > 0); k++) {
                fixed = new ModelParameters.ExpCorrelation(fixed.c0(), fixed.c1() * 0.9, fixed.xi());
            }
            Map<String, Object> prov = new LinkedHashMap<>(p.provenance());
            prov.put("cS", "c1 reduced from " + cs.c1() + " to " + fixed.c1() + ": the fitted C_S(r) is not positive definite on the "
                    + lat.side() + "x" + lat.side() + " lattice");
            p = new ModelParameters(p.barriers(), p.rho(), p.tauR(), p.meanS(), fixed, p.sigmaDelta(), p.rhoDelta(), p.errors(), prov);
            use = dir.resolve("model-parameters-cs.json");
            p.write(use);
            c1Used = fixed.c1();
            JsonFile.write(dir.resolve("cs-source.json"), JsonFile.map("source", "c1 reduced until positive definite on the lattice", "c1_fitted", c1Fitted,
                    "c1_used", c1Used));
        }
        String reason = accepts(p, temperatures, lat);
        if (reason == null) {
            JsonFile.write(dir.resolve("kick-source.json"), JsonFile.map("source", FITTED, "reason", null));
            return new Result(use, FITTED, null, c1Fitted, c1Used);
        }
        ModelParameters pre = TrspPresets.ka002();
        if (p.cS() == null) throw new Refusal("TRSP needs C_S(r) in " + use + "; " + reason);
        var sd = pre.sigmaDelta();
        Map<String, Double> err = new LinkedHashMap<>(p.errors());
        err.keySet().removeIf(k -> k.startsWith("sigmaDelta") || k.startsWith("rhoDelta"));
        Path f = dir.resolve("model-parameters-trsp.json");
        // σ_Δ: the preset's scaled to the measured σ_S, then × 0.8 per try while the model refuses (the kicks must stay
        // below the softness fluctuations for detailed balance, DESIGN §7). A fitted σ_Δ is not kept with the preset's
        // ρ_Δ: from a short run its range comes out long (ξ ≈ 5 σ in the demo), which makes every kick window span the
        // lattice and the run ~20× slower.
        double scale = Math.sqrt(p.cS().c0() / pre.cS().c0());
        for (int k = 0; ; k++, scale *= 0.8) {
            Map<String, Object> prov = new LinkedHashMap<>(p.provenance());
            prov.put("kicks", "sigmaDelta, rhoDelta from the ka-002 preset (sigmaDelta x " + scale + "); the fitted ones were refused: " + reason);
            ModelParameters q = new ModelParameters(p.barriers(), p.rho(), p.tauR(), p.meanS(), p.cS(),
                    new ModelParameters.ExpCorrelation(sd.c0() * scale, sd.c1() * scale, sd.xi()), pre.rhoDelta(), err, prov);
            q.write(f);
            String again = accepts(q, temperatures, lat);
            if (again == null) break;
            if (k >= 10) throw new Refusal("the TRSP model refuses the ka-002 preset kicks at sigmaDelta x " + scale + " too: " + again);
        }
        String source = "ka-002 preset kicks, sigmaDelta scaled by " + Format.g4(scale);
        JsonFile.write(dir.resolve("kick-source.json"), JsonFile.map("source", source, "reason", reason));
        return new Result(f, source, reason, c1Fitted, c1Used);
    }
}
