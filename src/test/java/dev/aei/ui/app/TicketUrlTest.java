package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aei.protocol.ClientProfile;
import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.settings.UserSettings;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TicketUrlTest {
    private static final ClientProfile NETRA = ClientProfile.load("netra");
    private final SessionControl control = new SessionControl("netra", (user, state) -> { });

    @AfterEach
    void close() {
        control.close();
    }

    @Test
    void blankMeansTheProfilesTicketPathOnTheServersHostOverTheMatchingHttpScheme() {
        assertThat(ticketUrl("ws://127.0.0.1:8765/ws", "")).isEqualTo(URI.create("http://127.0.0.1:8765/api/websocket/ticket"));
        assertThat(ticketUrl("wss://agents.example.com/api/ws?x=1", " "))
                .isEqualTo(URI.create("https://agents.example.com/api/websocket/ticket"));
    }

    @Test
    void aTypedUrlIsUsedAsItIsAndABadOneIsExplained() {
        assertThat(ticketUrl("wss://a.example/ws", "https://auth.example/v1/ws-ticket"))
                .isEqualTo(URI.create("https://auth.example/v1/ws-ticket"));
        assertThatThrownBy(() -> ticketUrl("ws://a/ws", "http://bad host/")).hasMessageContaining("ticket URL is not valid");
    }

    private URI ticketUrl(String server, String typed) {
        AppSettings settings = new AppSettings(server, "ticket", AppSettings.TOKEN_SECRET, "HS256", "s", false, "", "",
                typed, "netra", List.of(UserSettings.named("alice")), false, List.of());
        return control.liveSettings(settings).connection(NETRA).ticketUrl();
    }
}
