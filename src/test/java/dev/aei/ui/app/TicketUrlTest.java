package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TicketUrlTest {

    @Test
    void blankMeansTicketOnTheServersHostOverTheMatchingHttpScheme() {
        assertThat(Workbench.ticketUrl(URI.create("ws://127.0.0.1:8765/ws"), ""))
                .isEqualTo(URI.create("http://127.0.0.1:8765/ticket"));
        assertThat(Workbench.ticketUrl(URI.create("wss://agents.example.com/api/ws?x=1"), " "))
                .isEqualTo(URI.create("https://agents.example.com/ticket"));
    }

    @Test
    void aTypedUrlIsUsedAsItIsAndABadOneIsExplained() {
        assertThat(Workbench.ticketUrl(URI.create("wss://a.example/ws"), "https://auth.example/v1/ws-ticket"))
                .isEqualTo(URI.create("https://auth.example/v1/ws-ticket"));
        assertThatThrownBy(() -> Workbench.ticketUrl(URI.create("ws://a/ws"), "http://bad host/"))
                .hasMessageContaining("ticket URL is not valid");
    }
}
