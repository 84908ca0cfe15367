package org.softglass.validation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The scikit-learn LinearSVC weights of the SVM fixture ({@code svm_fixture_sklearn.json}, made by
 * {@code make_sklearn_fixture.py}): the library versions and one fit per liblinear solver.
 *
 * @param versions the versions it was made with
 * @param primal the primal solver's fit
 * @param dual the dual solver's fit
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SklearnFixture(@JsonProperty("versions") Versions versions, @JsonProperty("primal") Fit primal, @JsonProperty("dual") Fit dual) {
    /** @param sklearn the scikit-learn version */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Versions(@JsonProperty("sklearn") String sklearn) {}

    /**
     * One hyperplane w·x + b.
     *
     * @param coef w, one weight per feature
     * @param intercept b
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Fit(@JsonProperty("coef") List<Double> coef, @JsonProperty("intercept") double intercept) {}
}
