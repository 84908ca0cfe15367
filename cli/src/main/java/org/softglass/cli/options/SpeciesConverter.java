package org.softglass.cli.options;

import java.util.Locale;
import org.softglass.study.Species;
import picocli.CommandLine.ITypeConverter;

/**
 * A species option of a binary mixture ({@code --species}, {@code --rearrangers}): {@code A} (LAMMPS type 1),
 * {@code B} (type 2) or {@code all}, in any case, as a {@link Species}. Anything else: "must be A, B or all, got 'C'"
 * (written after the option's name, {@link OptionValueException}).
 */
public final class SpeciesConverter implements ITypeConverter<Species> {
    @Override
    public Species convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "a" -> Species.A;
            case "b" -> Species.B;
            case "all" -> Species.ALL;
            default -> throw new OptionValueException("must be A, B or all, got '" + value + "'");
        };
    }
}
