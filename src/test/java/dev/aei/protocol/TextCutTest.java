package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCutTest {

    @Test
    void shortTextsStayWhole() {
        assertThat(TextCut.shorten("bob🙂", 4)).isEqualTo("bob🙂");
        assertThat(TextCut.shorten("爱丽丝", 3)).isEqualTo("爱丽丝");
        assertThat(TextCut.head("abc", 5)).isEqualTo("abc");
    }

    @Test
    void cutsFallBetweenCharactersNeverInsideOne() {
        String emoji = "🙂🙂🙂🙂🙂"; // ten UTF-16 units
        assertThat(TextCut.shorten(emoji, 3)).isEqualTo("🙂🙂…");
        assertThat(TextCut.head(emoji, 2)).isEqualTo("🙂🙂");
        String accents = "e\u0301e\u0301e\u0301e\u0301"; // é as e and a combining accent
        assertThat(TextCut.head(accents, 2)).isEqualTo("e\u0301e\u0301");
        assertThat(TextCut.length(accents)).isEqualTo(4);
        assertThat(TextCut.shorten("عمر بن الخطاب", 4)).isEqualTo("عمر…");
    }

    @Test
    void fitFindsTheLongestStartThatFits() {
        // every character one unit wide, the ellipsis too
        assertThat(TextCut.fit("bob🙂bob🙂", 4, t -> t.codePointCount(0, t.length()))).isEqualTo("bob…");
        assertThat(TextCut.fit("bob🙂bob🙂", 5, t -> t.codePointCount(0, t.length()))).isEqualTo("bob🙂…");
        assertThat(TextCut.fit("bob", 5, String::length)).isEqualTo("bob");
    }
}
