package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aei.protocol.ClientProfile;
import java.net.URI;
import org.junit.jupiter.api.Test;

class TicketUrlTest {
    private static final ClientProfile NETRA = ClientProfile.load("netra");

    @Test
    void blankMeansTheProfilesTicketPathOnTheServersHostOverTheMatchingHttpScheme() {
        assertThat(Workbench.ticketUrl(URI.create("ws://127.0.0.1:8765/ws"), "", NETRA))
                .isEqualTo(URI.create("http://127.0.0.1:8765/api/websocket/ticket"));
        assertThat(Workbench.ticketUrl(URI.create("wss://agents.example.com/api/ws?x=1"), " ", NETRA))
                .isEqualTo(URI.create("https://agents.example.com/api/websocket/ticket"));
    }

    @Test
    void aTypedUrlIsUsedAsItIsAndABadOneIsExplained() {
        assertThat(Workbench.ticketUrl(URI.create("wss://a.example/ws"), "https://auth.example/v1/ws-ticket", NETRA))
                .isEqualTo(URI.create("https://auth.example/v1/ws-ticket"));
        assertThatThrownBy(() -> Workbench.ticketUrl(URI.create("ws://a/ws"), "http://bad host/", NETRA))
                .hasMessageContaining("ticket URL is not valid");
    }
}
