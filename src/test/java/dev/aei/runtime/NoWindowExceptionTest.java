package dev.aei.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoWindowExceptionTest {
    @Test
    void javaFxsReasonsBecomeSentencesAUserCanActOn() {
        assertThat(NoWindowException.explain("Unable to open DISPLAY"))
                .startsWith("the window cannot open: there is no display").contains("xvfb-run").contains("aei --help");
        assertThat(NoWindowException.explain("Unable to load glass GTK library."))
                .contains("GTK 3 libraries").contains("apt install libgtk-3-0");
        assertThat(NoWindowException.explain("Pipeline failed"))
                .isEqualTo("the window cannot open: Pipeline failed. The commands need no window: aei --help lists them.");
        assertThat(NoWindowException.explain(null)).startsWith("the window cannot open: JavaFX could not start.");
    }

    @Test
    void keepsJavaFxsFailureAsItsCause() {
        UnsupportedOperationException failure = new UnsupportedOperationException("Unable to open DISPLAY");
        assertThat(new NoWindowException(failure)).hasCause(failure).hasMessageContaining("no display");
    }
}
