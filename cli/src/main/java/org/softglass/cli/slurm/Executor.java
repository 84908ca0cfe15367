package org.softglass.cli.slurm;

import java.util.Locale;
import org.softglass.cli.options.OptionValueException;
import picocli.CommandLine.ITypeConverter;

/** Where {@code pipeline} and {@code study} run their items ({@code --executor}): in this process, or as SLURM batch jobs. */
public enum Executor {
    /** This process runs every stage. */
    LOCAL,
    /** Every item becomes a batch job ({@link SlurmExecutor}). */
    SLURM;

    /** {@code --executor}: {@code local} or {@code slurm} (any case); anything else "must be local or slurm, got 'pbs'". */
    public static final class Converter implements ITypeConverter<Executor> {
        @Override
        public Executor convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "local" -> LOCAL;
                case "slurm" -> SLURM;
                default -> throw new OptionValueException("must be local or slurm, got '" + value + "'");
            };
        }
    }
}
