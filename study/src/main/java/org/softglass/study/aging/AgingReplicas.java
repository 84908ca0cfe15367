package org.softglass.study.aging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.core.aging.QuenchProtocol;
import org.softglass.core.aging.QuenchReplica;
import org.softglass.core.aging.SoftnessProbe;
import org.softglass.core.energy.Models;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.StudyContext;

/**
 * The MD replicas of an aging run in {@code out/replicas/rNNN} ({@link QuenchReplica}: a finished replica is read back,
 * an interrupted one resumes from its checkpoint), and the claim that protects {@code out} from a run with other settings.
 *
 * @param meanS ⟨S⟩ by T_F, [replica][k] with k the waiting-time index
 * @param uIs   U_IS per atom by T_F, [replica][k] (NaN where not measured)
 */
record AgingReplicas(Map<Double, double[][]> meanS, Map<Double, double[][]> uIs) {

    /** Runs (or reads back) replicas 0..R−1 of {@code protocol}, ⟨S⟩ by {@code model}; progress in MD steps over all replicas. */
    static AgingReplicas run(QuenchProtocol protocol, int replicas, SoftnessModel model, Path out, StudyContext ctx) throws IOException {
        Map<Double, double[][]> md = new LinkedHashMap<>(), uis = new LinkedHashMap<>();
        for (double t : protocol.tFinal()) { md.put(t, new double[replicas][]); uis.put(t, new double[replicas][]); }
        long perReplica = QuenchReplica.totalSteps(protocol);
        int nt = ctx.threads();
        try (SoftnessProbe probe = new SoftnessProbe(model, Models.byName(protocol.model()), protocol.inherent(), nt);
             StudyContext.Meter bar = ctx.progress().start("md-aging", perReplica * replicas, "steps")) {
            for (int r = 0; r < replicas; r++) {
                long base = r * perReplica;
                Path dir = out.resolve("replicas").resolve(String.format(Locale.ROOT, "r%03d", r));
                List<QuenchReplica.Series> series = QuenchReplica.run(protocol, r, dir, probe, nt, done -> bar.stepTo(base + done));
                for (QuenchReplica.Series s : series) {
                    md.get(s.tFinal())[r] = s.meanS();
                    uis.get(s.tFinal())[r] = s.uIs();
                }
            }
        }
        return new AgingReplicas(md, uis);
    }

    /**
     * Claims {@code out} for this run: writes aging-run.json (the protocol, the thread count and the softness model's
     * SHA-256) or, when it exists, refuses other settings than the ones it holds.
     *
     * @throws InvalidParameter {@code out} holds a run with other settings
     */
    static void claim(QuenchProtocol protocol, int nt, Path modelFile, Path out) throws IOException {
        Map<String, Object> key = new LinkedHashMap<>(protocol.asMap());
        key.put("threads", nt);
        key.put("softness_model_sha256", Manifest.sha256(modelFile));
        Path f = out.resolve("aging-run.json");
        String mine = JsonFile.text(key);
        if (Files.exists(f)) {
            String prior = JsonFile.text(JsonFile.read(f, LinkedHashMap.class));
            if (!prior.equals(mine)) {
                throw new InvalidParameter("{out}: " + out + " holds an md-aging run with other settings (" + f + "); choose another {out} or remove it");
            }
            return;
        }
        JsonFile.write(f, key);
    }
}
