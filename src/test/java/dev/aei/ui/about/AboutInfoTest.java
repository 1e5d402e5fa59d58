package dev.aei.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AboutInfoTest {

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theBuildStampsTheProjectVersion() {
        assertThat(AboutInfo.current().version()).isNotEqualTo(AboutInfo.DEVELOPMENT).matches("\\d+\\.\\d+.*");
        assertThat(AboutInfo.current().java()).contains(System.getProperty("java.version"));
    }

    @Test
    void aMissingOrUnfilledStampSaysDevelopmentBuild() {
        assertThat(AboutInfo.buildVersion(text("version=1.2.3\n"))).isEqualTo("1.2.3");
        assertThat(AboutInfo.buildVersion(text("version=${project.version}\n"))).isEqualTo(AboutInfo.DEVELOPMENT);
        assertThat(AboutInfo.buildVersion(text("other=1\n"))).isEqualTo(AboutInfo.DEVELOPMENT);
        assertThat(AboutInfo.buildVersion(text("version=\\u12"))).isEqualTo(AboutInfo.DEVELOPMENT);
        assertThat(AboutInfo.buildVersion(null)).isEqualTo(AboutInfo.DEVELOPMENT);
    }
}
