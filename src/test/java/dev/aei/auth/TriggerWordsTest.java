package dev.aei.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TriggerWordsTest {
    private final List<String> words = List.of("bearer", "basic", "token", "api_key", "set-cookie", "pw");
    private final TriggerWords triggers = new TriggerWords(words);

    @Test
    void findsTheWordsInAnyCaseAnywhere() {
        assertThat(triggers.anyIn("{\"Access_TOKEN\":\"x\"}")).isTrue();
        assertThat(triggers.anyIn("Set-Cookie: a=b")).isTrue();
        assertThat(triggers.anyIn("ends with bEaReR")).isTrue();
        assertThat(triggers.anyIn("the PW is")).as("short key names too").isTrue();
        assertThat(triggers.anyIn("to\u212Aen")).as("the Kelvin sign lower-cases to k").isTrue();
        assertThat(triggers.anyIn("{\"type\":\"agent_thinking\",\"data\":{\"reasoning\":\"tokens\"}}")).isTrue();
        assertThat(triggers.anyIn("{\"type\":\"agent_thinking\",\"data\":{\"reasoning\":\"take one\"}}")).isFalse();
        assertThat(triggers.anyIn("")).isFalse();
        assertThat(triggers.anyIn("to")).isFalse();
    }

    @Test
    void agreesWithLowerCasingAndSearchingOnRandomText() {
        Random random = new Random(7);
        String alphabet = "abcdeiknoprstwyABCKNOTW_-:\" é";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(4) == 0) {
                String word = words.get(random.nextInt(words.size()));
                text.insert(random.nextInt(text.length() + 1), random.nextBoolean() ? word.toUpperCase(Locale.ROOT) : word);
            }
            String lower = text.toString().toLowerCase(Locale.ROOT);
            boolean expected = words.stream().anyMatch(lower::contains);
            assertThat(triggers.anyIn(text.toString())).as(text.toString()).isEqualTo(expected);
        }
    }

    @Test
    void readsAsciiBytesAsItReadsTheText() {
        Random random = new Random(11);
        String alphabet = "abcdeijknoprstwyABCEJKNOTWY_-:\" 0";
        List<String> inserted = List.of("bearer", "token", "api_key", "set-cookie", "pw", "jwt", "key", "eyJ", "to", "k");
        List<TriggerWords> sets = List.of(triggers, new TriggerWords(List.of("token")), new TriggerWords(List.of("")),
                new TriggerWords(List.of("to\u212Aen", "jwt")), new TriggerWords(List.of("Key", "k", "set-c"), List.of("eyJ")),
                new TriggerWords(List.of("a"), List.of("")), new TriggerWords(List.of("toke", "jwt", "pw"), List.of("eyJ", "_")),
                new TriggerWords(List.of("\u00e9t\u00e9")));
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder("..");
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                String word = inserted.get(random.nextInt(inserted.size()));
                text.insert(random.nextInt(text.length() + 1), random.nextBoolean() ? word.toUpperCase(Locale.ROOT) : word);
            }
            text.append("..");
            byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int from = random.nextInt(3);
            int to = Math.max(from, bytes.length - random.nextInt(3) - random.nextInt(2) * random.nextInt(bytes.length));
            String plain = text.substring(from, to);
            for (TriggerWords set : sets) {
                assertThat(set.anyInAscii(bytes, from, to)).as(plain).isEqualTo(set.anyIn(plain));
            }
        }
    }

    @Test
    void readsTheBytesOfAJwtStartAsInTheText() {
        Redactor redactor = new Redactor();
        for (String text : List.of("eyJ", "xeyJhb", "eyj", "EYJ", "ey", "{\"a\":\"xeyJ\"}", "", "Bearer x", "nothing here",
                "a JWT", "jwt", "xxjw", "the Cookie", "refresh_TOKEN", "refresh-tok")) {
            byte[] bytes = ("<" + text + ">").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(redactor.mayHoldSecretAscii(bytes, 1, bytes.length - 1)).as(text)
                    .isEqualTo(redactor.mayHoldSecret(text));
        }
        assertThat(redactor.mayHoldSecret("xeyJhb")).isTrue();
        assertThat(redactor.mayHoldSecret("EYJ")).as("a JWT start counts in its own case only").isFalse();
    }
}
