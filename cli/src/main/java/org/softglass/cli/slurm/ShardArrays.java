package org.softglass.cli.slurm;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.softglass.cli.pipeline.Pipeline;

/**
 * The job arrays of {@code --executor slurm}: the frame-block shards of one temperature's quench
 * ({@code simulate-T…-q<i>}) or softness ({@code softness-T…-s<i>}) are the tasks of one array, task i running item
 * {@code GROUP<i>}.
 */
final class ShardArrays {
    private static final Pattern SHARD = Pattern.compile("((?:simulate|softness)-T[0-9.]+-[qs])(\\d+)");

    private ShardArrays() {}

    /** The job array a shard item belongs to: its key without the shard number; null for any other item. */
    static String group(String key) {
        Matcher m = SHARD.matcher(key);
        return m.matches() ? m.group(1) : null;
    }

    /** The array task number of a shard item ({@link #group}). */
    static int task(String key) {
        Matcher m = SHARD.matcher(key);
        if (!m.matches()) throw new IllegalArgumentException("not a shard item: " + key);
        return Integer.parseInt(m.group(2));
    }

    /** sbatch's {@code --array} list of the members' tasks, e.g. {@code 0,1,3}. */
    static String taskList(List<Pipeline.Planned> members) {
        return String.join(",", members.stream().map(q -> Integer.toString(task(q.key()))).toList());
    }
}
