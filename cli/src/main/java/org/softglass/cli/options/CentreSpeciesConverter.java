package org.softglass.cli.options;

import org.softglass.core.structure.DescriptorSpec;
import picocli.CommandLine.ITypeConverter;

/**
 * The centre species of a descriptor set ({@code descriptors --species}, {@code softness --species}): a species letter
 * {@code A}..{@code Z} in any case (A = LAMMPS type 1; a descriptor spec may name more than two species) as core's
 * 0-based species index, or {@code all} (any case) as −1. Anything else: "must be a letter A..Z or all, got 'x'"
 * (written after the option's name, {@link OptionValueException}).
 */
public final class CentreSpeciesConverter implements ITypeConverter<Integer> {
    /** The index that stands for every species. */
    public static final int ALL = -1;

    @Override
    public Integer convert(String value) {
        if (value.equalsIgnoreCase("all")) return ALL;
        int index = DescriptorSpec.speciesIndex(value);
        if (index < 0) throw new OptionValueException("must be a letter A..Z or all, got '" + value + "'");
        return index;
    }
}
