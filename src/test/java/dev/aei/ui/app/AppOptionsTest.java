package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppOptionsTest {
    @Test
    void aFileGivenAtStartIsOpenedInsteadOfSigningIn() {
        AppOptions withFile = AppOptions.fromParameters(Map.of("open", "/captures/bug.har"));
        assertThat(withFile.openFile()).isEqualTo(Path.of("/captures/bug.har"));
        assertThat(withFile.autoConnect()).isFalse();

        AppOptions plain = AppOptions.fromParameters(Map.of("users", "alice,bob"));
        assertThat(plain.openFile()).isNull();
        assertThat(plain.autoConnect()).isTrue();
        assertThat(plain.users()).containsExactly("alice", "bob");
    }
}
