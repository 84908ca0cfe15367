package org.softglass.cli.options;

import picocli.CommandLine.Option;

/**
 * The {@code --seed N} option of the commands whose only randomness is one stream seeded by it: one declaration.
 * The same seed and thread count give the same output. Commands whose seed has a structure of its own (the k-th
 * trajectory uses seed + k, a bootstrap seed beside a sampling seed) declare theirs with that meaning.
 */
public final class SeedOption {
    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Random seed: the same seed and --threads give the same output.")
    private long seed;

    /** The seed. */
    public long seed() { return seed; }
}
