package org.softglass.study.softness;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.JsonFile;

/**
 * The numbers of a softness model's {@code training} block ({@code model.json},
 * {@link org.softglass.core.softness.SoftnessModel}; filled by {@link org.softglass.core.softness.SoftnessTrainer} when
 * {@link TrainingStudy#train} trains it) that the pipeline's report gives: the one reader of that block. The model
 * itself is read by {@link org.softglass.core.softness.SoftnessModel#read}.
 *
 * @param samples the training rows (balanced)
 * @param trainAccuracy the accuracy on them
 * @param cvAccuracy the cross-validated accuracy, NaN where cross-validation was skipped
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelTraining(@JsonProperty("samples") int samples, @JsonProperty("train_accuracy") double trainAccuracy,
                            @JsonProperty("cv_accuracy") double cvAccuracy) {
    /** model.json as far as this block goes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Model(@JsonProperty("training") ModelTraining training) {}

    /**
     * Reads the training block of {@code file} ({@code model.json}).
     *
     * @throws org.softglass.core.io.InputFormatException naming the file: no training block
     */
    public static ModelTraining read(Path file) throws IOException {
        ModelTraining t = JsonFile.read(file, Model.class).training();
        if (t == null) throw new org.softglass.core.io.InputFormatException(file.toString(), -1, "field 'training' missing");
        return t;
    }
}
