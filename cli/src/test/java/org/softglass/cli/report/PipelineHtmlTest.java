package org.softglass.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The report's rerun line quotes a study's configuration path as a shell word. */
class PipelineHtmlTest {
    @Test
    void shellQuote() {
        assertEquals("/runs/a-b_c/study.yaml", PipelineHtml.shellQuote("/runs/a-b_c/study.yaml"));
        assertEquals("'/my runs/it'\\''s.yaml'", PipelineHtml.shellQuote("/my runs/it's.yaml"));
        assertEquals("'$HOME/x;rm'", PipelineHtml.shellQuote("$HOME/x;rm"));
    }
}
