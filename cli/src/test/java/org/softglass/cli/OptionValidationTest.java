package org.softglass.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 items 2 and 6: every numeric option is checked (finite, in range, and, where it sizes an
 * allocation, against the memory the JVM can have) before any input is read or anything allocated:
 * each case names a missing input file, so a check that came too late (or not at all) shows up as
 * exit 3 (or 0, 1, 70) instead of exit 2 with the option named.
 */
class OptionValidationTest {
    private static final String IN = "/nonexistent/in.dump", DIR = "/nonexistent/dir";

    /** {bad option, the rest of the command line...}: the first element must appear in the message. */
    private static final String[][] CASES = {
        {"--eps", "train", DIR, "--out", "/nonexistent/m.json", "--eps", "NaN"},
        {"--eps", "train", DIR, "--out", "/nonexistent/m.json", "--eps", "0"},
        {"--C", "train", DIR, "--out", "/nonexistent/m.json", "--C", "-1"},
        {"--ftol", "quench", IN, "--out", DIR, "--ftol", "-1"},
        {"--etol", "quench", IN, "--out", DIR, "--etol", "Infinity"},
        {"--max-iter", "quench", IN, "--out", DIR, "--max-iter", "0"},
        {"--max-eval", "quench", IN, "--out", DIR, "--max-eval", "0"},
        {"--lbfgs-memory", "quench", IN, "--out", DIR, "--min", "lbfgs", "--lbfgs-memory", "0"},
        {"--min", "quench", IN, "--out", DIR, "--min", "bfgs"},
        {"--n", "simulate", "--n", "2000000000", "--temperature", "1", "--steps", "1", "--out", DIR},
        {"--temperature", "simulate", "--temperature", "Infinity", "--steps", "1", "--out", DIR},
        {"--density", "simulate", "--density", "1e999", "--temperature", "1", "--steps", "1", "--out", DIR},
        {"--p-threshold", "barriers", "--set", "T=0.5:a:b", "--out", DIR, "--p-threshold", "-1"},
        {"--p-max", "barriers", "--set", "T=0.5:a:b", "--out", DIR, "--p-max", "2"},
        {"--bootstrap-blocks", "barriers", "--set", "T=0.5:a:b", "--out", DIR, "--bootstrap-blocks", "frames:x"},
        {"--bootstrap-blocks", "barriers", "--set", "T=0.5:a:b", "--out", DIR, "--bootstrap-blocks", "time"},
        {"--bootstrap", "fluidity", IN, "--test", DIR, "--out", DIR, "--sigma", "1", "--bootstrap", "-1"},
        {"--rmax", "correlations", IN, DIR, "--out", DIR, "--rmax", "0"},
        {"--rmax", "correlations", IN, DIR, "--out", DIR, "--rmax", "1e300", "--dr", "1e-300"},
        {"--min-count", "correlations", IN, DIR, "--out", DIR, "--min-count", "0"},
        {"--r-bins", "correlations", IN, DIR, "--out", DIR, "--r-bins", "0:NaN:4"},
        {"--s-bins", "correlations", IN, DIR, "--out", DIR, "--s-bins", "-3:3:2000000000"},
        {"--fit-range", "correlations", IN, DIR, "--out", DIR, "--fit-range", "1:Infinity"},
        {"--bins", "barriers", "--set", "T=0.5:a:b", "--out", DIR, "--bins", "-3:3:2000000000"},
        {"--t-range", "trap", "relax", "--t-range", "0.5:1:2000000000", "--out", DIR},
        {"--cutoff", "d2min", IN, "--from", "0", "--to", "1", "--out", "/nonexistent/o.csv", "--cutoff", "-2"},
        {"--tolerance", "descriptors", IN, "--preset", "ka-266", "--out", DIR, "--tolerance", "0.5"},
        {"--pl", "events", IN, "--out", "/nonexistent/o.csv", "--pl", "0"},
        {"--temperature", "fs", IN, "--out", DIR, "--temperature", "0"},
        {"--per-decade", "fs", IN, "--out", DIR, "--temperature", "1", "--per-decade", "0"},
        {"--tol", "shear-modulus", IN, "--out", DIR, "--tol", "0"},
        {"--fmax-limit", "stiffness", IN, "--out", DIR, "--fmax-limit", "NaN"},
        {"--tail-fraction", "trainset", IN, "--mode", "tails", "--out", DIR, "--tail-fraction", "0.9"},
        {"--lead", "trainset", IN, "--mode", "tails", "--out", DIR, "--lead", "-1"},
        {"--bins", "trap", "aging", "--tf", "0.5", "--out", DIR, "--bins", "2000000000"},
        {"--sites", "trap", "aging", "--tf", "0.5", "--out", DIR, "--sites", "2000000000"},
        {"--tw-max", "trap", "aging", "--tf", "0.5", "--out", DIR, "--tw-min", "10", "--tw-max", "1"},
        {"--tf", "trap", "aging", "--tf", "NaN", "--out", DIR},
        {"--sites", "trap", "relax", "-T", "0.5", "--out", DIR, "--sites", "2000000000"},
        {"--points", "trap", "relax", "-T", "0.5", "--out", DIR, "--points", "2000000000"},
        {"--temperature", "trap", "relax", "-T", "0.5,Infinity", "--out", DIR},
        {"--tau-g", "trap", "fragility", "--out", DIR, "--tau-g", "-1"},
        {"--trajectories", "trsp", "run", "--preset", "ka-002", "--T", "0.5", "--out", DIR, "--trajectories", "2000000000"},
        {"--L", "trsp", "run", "--preset", "ka-002", "--T", "0.5", "--out", DIR, "--L", "1290", "--threads", "64"},
        {"--facilitation", "trsp", "run", "--preset", "ka-002", "--T", "0.5", "--out", DIR, "--facilitation", "0"},
        {"--events", "trsp", "aging", "--preset", "ka-002", "--T-initial", "1", "--T-final", "0.5", "--out", DIR, "--events", "0"},
    };

    @Test
    void badNumericOptionsAreRefusedFirstWithTheOptionNamed() {
        List<String> wrong = new ArrayList<>();
        for (String[] c : CASES) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            CliRunner.Result r = CliRunner.run(args);
            String err = r.err().strip();
            String head = "softglass: " + c[0];
            boolean named = err.startsWith(head + " ") || err.startsWith(head + ":");
            boolean ok = r.code() == ExitCodes.USAGE && named && err.lines().count() == 1;
            if (!ok) wrong.add(String.join(" ", args) + " -> exit " + r.code() + ": " + err);
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + CASES.length + " not refused as expected:\n" + String.join("\n", wrong));
    }
}
