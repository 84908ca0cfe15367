package org.softglass.core.simulate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.softglass.core.energy.Models;
import org.softglass.core.util.InvalidParameter;

/**
 * Everything that determines an MD run: model and system, protocol (melt → equilibrate →
 * production), integrator, outputs and seed. Two runs with equal specs and thread counts produce
 * identical files. Times are in steps; temperatures in ε/k_B; dt, tdamp in τ.
 *
 * <p>Composition: the first {@code round(fractionA·N)} particles are species A (ids 1..N_A), the rest B.
 * Protocol (as the LAMMPS fixtures' {@code in.ka_md}): random placement, overlap removal,
 * Gaussian velocities at {@code meltTemperature}, {@code meltSteps} at {@code meltTemperature}, then
 * {@code equilibrateSteps} at {@code temperature}, then {@code steps} of production at
 * {@code temperature}, during which thermo and trajectory frames are written (production step 0
 * included). With {@code ensemble = nve} the thermostat still runs melt and equilibration (NVT) and
 * production is NVE.
 *
 * <p>{@code initial}: a LAMMPS dump whose last frame replaces the random placement (positions and
 * species, ids 1..N; overlap removal skipped; velocities drawn at the first thermostat target). It
 * lets a study cool step by step, each temperature starting from the previous one's final state.
 * The file's SHA-256 is part of {@link #key()}, so a changed start file never resumes an old run.
 * {@code null} for the random start.
 *
 * <p>{@code inherentQuench}: how the inherent-structure trajectory ({@code inherent}) is quenched;
 * {@code null} means {@link InherentQuench#LAMMPS} (cg+fire to 1e-10, the protocol of the LAMMPS
 * fixtures). It is part of {@link #key()} when {@code inherent} is set.
 */
public record RunSpec(String model, int n, double density, double temperature, double dt, long steps,
                      String ensemble, double tdamp, long seed, double meltTemperature, long meltSteps,
                      long equilibrateSteps, long thermoEvery, long dumpEvery, long checkpointEvery, double skin,
                      boolean inherent, double fractionA, String initial, InherentQuench inherentQuench) {

    /** A spec with the default inherent-structure quench ({@link InherentQuench#LAMMPS}). */
    public RunSpec(String model, int n, double density, double temperature, double dt, long steps,
                   String ensemble, double tdamp, long seed, double meltTemperature, long meltSteps,
                   long equilibrateSteps, long thermoEvery, long dumpEvery, long checkpointEvery, double skin,
                   boolean inherent, double fractionA, String initial) {
        this(model, n, density, temperature, dt, steps, ensemble, tdamp, seed, meltTemperature, meltSteps, equilibrateSteps,
                thermoEvery, dumpEvery, checkpointEvery, skin, inherent, fractionA, initial, null);
    }

    /** A spec with the random start. */
    public RunSpec(String model, int n, double density, double temperature, double dt, long steps,
                   String ensemble, double tdamp, long seed, double meltTemperature, long meltSteps,
                   long equilibrateSteps, long thermoEvery, long dumpEvery, long checkpointEvery, double skin,
                   boolean inherent, double fractionA) {
        this(model, n, density, temperature, dt, steps, ensemble, tdamp, seed, meltTemperature, meltSteps, equilibrateSteps,
                thermoEvery, dumpEvery, checkpointEvery, skin, inherent, fractionA, null);
    }

    /** A spec with the model's usual composition ({@link Models#defaultFractionA}). */
    public RunSpec(String model, int n, double density, double temperature, double dt, long steps,
                   String ensemble, double tdamp, long seed, double meltTemperature, long meltSteps,
                   long equilibrateSteps, long thermoEvery, long dumpEvery, long checkpointEvery, double skin,
                   boolean inherent) {
        this(model, n, density, temperature, dt, steps, ensemble, tdamp, seed, meltTemperature, meltSteps, equilibrateSteps,
                thermoEvery, dumpEvery, checkpointEvery, skin, inherent, Models.defaultFractionA(model), null);
    }

    public RunSpec {
        Models.byName(model);
        if (n < 2) throw new InvalidParameter("{n} must be >= 2, got " + n);
        InvalidParameter.requirePositive(density, "density");
        InvalidParameter.requirePositive(temperature, "temperature");
        if (!(dt > 0) || dt > 0.1) throw new InvalidParameter("{dt} must be in (0, 0.1], got " + dt);
        if (steps < 0 || meltSteps < 0 || equilibrateSteps < 0) throw new IllegalArgumentException("step counts must be >= 0");
        if (!ensemble.equals("nvt") && !ensemble.equals("nve") && !ensemble.equals("langevin")) {
            throw new InvalidParameter("{ensemble} must be nvt, nve or langevin, got '" + ensemble + "'");
        }
        InvalidParameter.requirePositive(tdamp, "tdamp");
        InvalidParameter.requirePositive(meltTemperature, "meltTemperature");
        if (thermoEvery < 1) throw new InvalidParameter("{thermoEvery} must be >= 1, got " + thermoEvery);
        if (dumpEvery < 0) throw new InvalidParameter("{dumpEvery} must be >= 0 (0: no trajectory), got " + dumpEvery);
        if (checkpointEvery < 1) throw new InvalidParameter("{checkpointEvery} must be >= 1, got " + checkpointEvery);
        if (!(skin >= 0)) throw new InvalidParameter("{skin} must be >= 0, got " + skin);
        if (!(fractionA >= 0 && fractionA <= 1)) throw new InvalidParameter("{fractionA} must be in [0, 1], got " + fractionA);
        if (initial == null && fractionA != 1 && Models.byName(model).speciesCount() == 1) {
            throw new InvalidParameter("{fractionA} must be 1 for the one-species model '" + model + "', got " + fractionA);
        }
        if (inherentQuench == null) inherentQuench = InherentQuench.LAMMPS;
    }

    /** Total steps of the protocol. */
    public long totalSteps() { return meltSteps + equilibrateSteps + steps; }

    /** The global step at which production starts. */
    public long productionStart() { return meltSteps + equilibrateSteps; }

    /** Thermostat target during the step with global index {@code step}. */
    public double targetAt(long step) { return step < meltSteps ? meltTemperature : temperature; }

    /** Parameters as an ordered map (for run.json and manifests). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model); m.put("n", n); m.put("density", density); m.put("temperature", temperature);
        m.put("dt", dt); m.put("steps", steps); m.put("ensemble", ensemble); m.put("tdamp", tdamp); m.put("seed", seed);
        m.put("melt_temperature", meltTemperature); m.put("melt_steps", meltSteps); m.put("equilibrate_steps", equilibrateSteps);
        m.put("thermo_every", thermoEvery); m.put("dump_every", dumpEvery); m.put("checkpoint_every", checkpointEvery);
        m.put("skin", skin); m.put("inherent", inherent); m.put("fraction_a", fractionA);
        if (inherent) {
            m.put("inherent_min", inherentQuench.algorithm().label());
            m.put("inherent_ftol", inherentQuench.ftol());
        }
        if (initial != null) {
            m.put("initial", initial);
            m.put("initial_sha256", sha256(java.nio.file.Path.of(initial)));
        }
        return m;
    }

    /** A hash of every parameter: a checkpoint only resumes a run with the same key. */
    public String key() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(asMap().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (hex) of the start file; a missing file is a one-line error naming it. */
    static String sha256(java.nio.file.Path f) {
        try {
            return org.softglass.core.io.Manifest.sha256(f);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidParameter("{initial}: " + f + " does not exist");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("initial state: cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
