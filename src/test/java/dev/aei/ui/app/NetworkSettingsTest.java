package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.inspect.LiveSettings;
import dev.aei.net.ReconnectPolicy;
import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.settings.NetworkPrefs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings dialog's network preferences are what the live session connects with. */
class NetworkSettingsTest {
    private final AppSettings server = new AppSettings("ws://h.test/ws", "header", AppSettings.TOKEN_SECRET, "HS256",
            "s3cret", false, "", "", "", "netra", AppSettings.defaults().users(), false, List.of());

    @Test
    void pingsFrameLimitAndReconnectsReachTheLiveSettings() {
        try (SessionControl control = new SessionControl("netra", (user, state) -> { })) {
            LiveSettings tuned = control.liveSettings(server.withNetwork(new NetworkPrefs(5, 2, true)));
            assertThat(tuned.pingInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(tuned.maxFrameBytes()).isEqualTo(2 * 1024 * 1024);
            assertThat(tuned.reconnect()).isEqualTo(ReconnectPolicy.defaults());
            assertThat(tuned.connection(tuned.clientProfile()).pingInterval()).isEqualTo(Duration.ofSeconds(5));

            LiveSettings plain = control.liveSettings(server);
            assertThat(plain.pingInterval()).isEqualTo(Duration.ofSeconds(NetworkPrefs.DEFAULT_PING_SECONDS));
            assertThat(plain.maxFrameBytes()).isEqualTo(NetworkPrefs.DEFAULT_FRAME_MIB * 1024 * 1024);
            assertThat(plain.reconnect().enabled()).isFalse();
            assertThat(plain).as("a different ping interval connects anew").isNotEqualTo(tuned);
        }
    }
}
