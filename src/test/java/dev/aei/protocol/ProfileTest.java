package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {
    private static final String MINIMAL = "{\"name\":\"mine\",\"fields\":{\"type\":[\"kind\"],\"run_id\":[\"run\"]},"
            + "\"roles\":{\"started\":[\"begin\"],\"completed\":[\"end\"]}}";

    @Test
    void shippedProfilesLoadByName() {
        Profile netra = Profile.load("netra");
        assertThat(netra.name()).isEqualTo("netra");
        assertThat(netra.role("agent_started")).isEqualTo(EventRole.STARTED);
        assertThat(netra.threadOf("run_t-bob-2_04211_9f3a6c2e")).isEqualTo("t-bob-2");
        assertThat(netra.threadOf("run_bad")).isNull();
        assertThat(netra.batchType()).isEqualTo("event_batch");
        assertThat(Profile.load("ag-ui").role("RUN_FINISHED")).isEqualTo(EventRole.COMPLETED);
    }

    @Test
    void aProfileFileLoadsByPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, MINIMAL);
        Profile mine = Profile.load(file.toString());
        assertThat(mine.name()).isEqualTo("mine");
        assertThat(mine.role("begin")).isEqualTo(EventRole.STARTED);
        assertThat(mine.fields().seq().paths()).isEmpty();
        assertThat(mine.threadFromRunId()).isEmpty();
    }

    @Test
    void badProfilesFailWithTheReason(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Profile.load("nope")).hasMessageContaining("unknown profile 'nope'")
                .hasMessageContaining("netra");
        assertThatThrownBy(() -> Profile.parse("{", "x.json")).hasMessageContaining("x.json is not valid JSON");
        assertThatThrownBy(() -> Profile.parse("[]", "x.json")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> Profile.parse(MINIMAL.replace("\"run_id\":[\"run\"]", "\"run_id\":\"run\""), "x"))
                .hasMessageContaining("fields.run_id must be an array");
        assertThatThrownBy(() -> Profile.parse(MINIMAL.replace("started", "begun"), "x"))
                .hasMessageContaining("unknown role 'begun'");
        assertThatThrownBy(() -> Profile.parse(MINIMAL.replace("\"name\"", "\"nmae\""), "x"))
                .hasMessageContaining("unknown key 'nmae'");
        assertThatThrownBy(() -> Profile.parse(MINIMAL.replace("\"end\"", "\"begin\""), "x"))
                .hasMessageContaining("'begin' is listed under two roles");
        assertThatThrownBy(() -> Profile.parse(MINIMAL.replace("\"name\"", "\"thread_from_run_id\":\"run_.*\",\"name\""), "x"))
                .hasMessageContaining("capturing group");
        assertThatThrownBy(() -> Profile.parse(MINIMAL.replace("\"run\"]", "\"a..b\"]"), "x"))
                .hasMessageContaining("bad field path 'a..b'");
        assertThatThrownBy(() -> Profile.parse(MINIMAL.replace("started", "unknown"), "x"))
                .hasMessageContaining("cannot be mapped");
    }

    @Test
    void canariesAreFoundWithoutRegex() {
        String text = "x cnry-0123456789 cnry-xyz cnry-abcdefabcd9 cnry-01234";
        assertThat(Canary.DEFAULT.findAll(text)).containsExactly("cnry-0123456789", "cnry-abcdefabcd");
        assertThat(Canary.DEFAULT.findAll(null)).isEmpty();
        assertThat(Canary.DEFAULT.findAll(text, "cnry-0123456789")).as("a known marker is left out")
                .containsExactly("cnry-abcdefabcd");
        assertThat(Canary.DEFAULT.findAll("cnry-0123456789 cnry-0123456789", "cnry-0123456789")).isEmpty();
        assertThat(Canary.DEFAULT.findAll(text, "cnry-01")).as("a known text of another length leaves all in")
                .containsExactly("cnry-0123456789", "cnry-abcdefabcd");
    }

    @Test
    void newKeysAreOptionalAndRoleListsTakePrefixes() {
        Profile old = Profile.parse(MINIMAL, "old.json");
        assertThat(old.vocabulary()).isEqualTo(Profile.Vocabulary.NONE);
        assertThat(old.isPrompt("user_message")).isFalse();

        Profile mine = Profile.parse(MINIMAL.replace("\"roles\":{", "\"socket_path\":\"/events\","
                + "\"prompt_types\":[\"ask\"],\"server_error_types\":[\"oops\"],"
                + "\"thread_from_run_id\":[\"^job_\\\\d+$\",\"^r_(.+)_\\\\d+$\"],"
                + "\"roles\":{\"outside-runs\":[\"note_*\"],\"other\":[\"x_*\"],"), "mine.json");
        assertThat(mine.vocabulary().socketPath()).isEqualTo("/events");
        assertThat(mine.isPrompt("ask")).isTrue();
        assertThat(mine.isServerError("oops")).isTrue();
        assertThat(mine.role("oops")).isEqualTo(EventRole.OTHER);
        assertThat(mine.role("note_added")).isEqualTo(EventRole.OTHER);
        assertThat(mine.outsideRuns("note_added")).isTrue();
        assertThat(mine.role("x_y")).isEqualTo(EventRole.OTHER);
        assertThat(mine.outsideRuns("x_y")).isFalse();
        assertThat(mine.role("y")).isNull();
        assertThat(mine.threadOf("job_12")).isNull();
        assertThat(mine.threadOf("r_t-1_4")).isEqualTo("t-1");
        assertThatThrownBy(() -> Profile.parse(MINIMAL.replace("\"roles\":{", "\"socket_path\":\"ws\",\"roles\":{"), "x"))
                .hasMessageContaining("socket_path must be a URL path");
    }
}
