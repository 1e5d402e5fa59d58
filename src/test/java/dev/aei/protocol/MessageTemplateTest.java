package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void netraFirstMessageCarriesTheContentAndThread() throws Exception {
        MessageTemplate first = ClientProfile.load("netra").first();
        JsonNode sent = json.readTree(first.renderPrompt("Compare Q3 [cnry-0123456789]", "t-alice-1", "alice",
                "cnry-0123456789"));
        assertThat(sent.path("type").asText()).isEqualTo("start_agent");
        assertThat(sent.at("/payload/user_request").asText()).isEqualTo("Compare Q3 [cnry-0123456789]");
        assertThat(sent.at("/payload/thread_id").asText()).isEqualTo("t-alice-1");
        assertThat(sent.at("/payload/context/source").asText()).isEqualTo("message_input");
        assertThat(sent.at("/payload/settings").isObject()).isTrue();
    }

    @Test
    void valuesAreJsonEscapedNotPastedIn() throws Exception {
        MessageTemplate template = new MessageTemplate("t", "{\"a\":\"${content}\",\"b\":\"<${user_id}>\"}");
        String nasty = "quote \" backslash \\ newline \n brace } ${thread_id} end";
        JsonNode sent = json.readTree(template.render(Map.of("content", nasty, "user_id", "x\"y")));
        assertThat(sent.path("a").asText()).isEqualTo(nasty);
        assertThat(sent.path("b").asText()).isEqualTo("<x\"y>");
    }

    @Test
    void aLonePlaceholderWithANumberBecomesANumber() throws Exception {
        MessageTemplate ping = new MessageTemplate("ping", "{\"type\":\"ping\",\"timestamp\":\"${epoch_ms}\","
                + "\"label\":\"at ${epoch_ms}\",\"keep\":[\"${unknown}\",1,true,null]}");
        JsonNode sent = json.readTree(ping.render(Map.of("epoch_ms", 1733300000000L)));
        assertThat(sent.path("timestamp").isIntegralNumber()).isTrue();
        assertThat(sent.path("timestamp").asLong()).isEqualTo(1733300000000L);
        assertThat(sent.path("label").asText()).isEqualTo("at 1733300000000");
        assertThat(sent.path("keep").toString()).isEqualTo("[\"${unknown}\",1,true,null]");
    }

    @Test
    void theTemplateItselfIsNeverChangedByRendering() {
        MessageTemplate template = new MessageTemplate("t", "{\"c\":\"${content}\"}");
        template.render(Map.of("content", "one"));
        assertThat(template.render(Map.of("content", "two"))).isEqualTo("{\"c\":\"two\"}");
        assertThat(template.uses("content")).isTrue();
        assertThat(template.uses("thread_id")).isFalse();
    }

    @Test
    void aTemplateWithoutPlaceholdersRendersAsATreeWritesIt() throws Exception {
        String written = " { \"type\" : \"heartbeat_ack\", \"n\": 1.50, \"big\": 12345678901234567890,"
                + " \"e\": 1e3, \"s\": \"caf\\u00e9 \\\"q\\\"\", \"a\": [null, true, {\"x\": -0}] } ";
        MessageTemplate ack = new MessageTemplate("ack", written);

        String rendered = ack.render(Map.of(MessageTemplate.EPOCH_MS, 1L));

        assertThat(rendered).isEqualTo(json.readTree(written).toString());
        assertThat(rendered).isEqualTo(json.readTree(rendered).toString());
    }

    @Test
    void badTemplatesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new MessageTemplate("mine", "{not json")).hasMessageContaining("'mine'")
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> new MessageTemplate("list", "[1]")).hasMessageContaining("must be a JSON object");
    }
}
