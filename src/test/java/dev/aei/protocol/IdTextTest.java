package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdTextTest {
    private static final List<String> USERS = List.of("爱丽丝", "عمر", "bob🙂", "a b", "x/y?z", "qa-user-1", "qa-user-2",
            "qa_user_1", "a%20b", "alice", "alice #2", "ab", "a-b", "a.b", "é", "e\u0301");

    @Test
    void threadPiecesAreUniqueAndNeverHoldAnUnderscore() {
        Set<String> pieces = new HashSet<>();
        for (String user : USERS) {
            String piece = IdText.threadPiece(user);
            assertThat(piece).doesNotContain("_").doesNotContain(" ").doesNotContain("/").doesNotContain("?");
            assertThat(pieces.add(piece)).as("piece of %s", user).isTrue();
        }
        assertThat(IdText.threadPiece("爱丽丝")).isEqualTo("爱丽丝");
        assertThat(IdText.threadPiece("عمر")).isEqualTo("عمر");
        assertThat(IdText.threadPiece("bob🙂")).isEqualTo("bob%F0%9F%99%82");
        assertThat(IdText.threadPiece("x/y?z")).isEqualTo("x%2Fy%3Fz");
        assertThat(IdText.threadId("a b", 3)).isEqualTo("t-a%20b-3");
    }

    @Test
    void aThreadIdOfAnyUserIsFoundAgainInItsRunId() {
        Profile netra = Profile.load("netra");
        for (String user : USERS) {
            String thread = IdText.threadId(user, 12);
            assertThat(netra.threadOf("run_" + thread + "_00042_0a1b2c3d")).as(user).isEqualTo(thread);
        }
    }

    @Test
    void reportedIdsAreCutByCodePointsLikeTheRealBackend() {
        assertThat(IdText.reported("qa-user-1")).isEqualTo("qa-user-...");
        assertThat(IdText.reported("qa-user-2")).isEqualTo("qa-user-...");
        assertThat(IdText.reported("alice")).isEqualTo("alice");
        assertThat(IdText.reported("12345678")).isEqualTo("12345678");
        assertThat(IdText.reported("🙂🙂🙂🙂🙂🙂🙂🙂🙂")).isEqualTo("🙂🙂🙂🙂🙂🙂🙂🙂...");
        assertThat(IdText.sameUser("qa-user-...", "qa-user-1")).isTrue();
        assertThat(IdText.sameUser("qa-user-...", "qa-user-2")).isTrue();
        assertThat(IdText.sameUser("qa-user-...", "qa-admin")).isFalse();
        assertThat(IdText.sameUser("...", "alice")).isFalse();
        assertThat(IdText.sameUser("ali…", "alice")).isTrue();
    }

    @Test
    void rightToLeftNamesKeepTheirNumberAndTheirNeighboursApart() {
        assertThat(IdText.forDisplay("alice #2")).isEqualTo("alice #2");
        assertThat(IdText.forDisplay("عمر")).isEqualTo("\u200Eعمر\u200E");
        assertThat(IdText.forDisplay("عمر #2")).isEqualTo("\u200Eعمر\u200E #2\u200E");
        assertThat(IdText.leftToRight("عمر received bob's run")).isEqualTo("\u200Eعمر received bob's run");
        assertThat(IdText.leftToRight("bob received bob's run")).isEqualTo("bob received bob's run");
        assertThat(IdText.hasRightToLeft("爱丽丝")).isFalse();
        assertThat(IdText.hasRightToLeft("שלום")).isTrue();
    }
}
