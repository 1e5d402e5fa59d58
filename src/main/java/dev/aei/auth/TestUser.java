package dev.aei.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user the tool signs in as, on one connection. A user may be signed in on several connections
 * at once (browser tabs): each is a {@code TestUser} of the same id with a lane of its own.
 *
 * @param id     user id, used as the JWT {@code sub}; any text, compared as an exact string
 * @param claims extra claims (email, permissions, anything else); never the signing secret
 * @param lane   the connection's name: the id for a user's first connection, {@code "<id> #2"} for its second…
 */
public record TestUser(String id, Map<String, Object> claims, String lane) {

    /** What separates the user id from the connection number in a lane name: {@code alice #2}. */
    public static final String TAB_MARK = " #";

    public TestUser {
        claims = Map.copyOf(claims);
        lane = lane == null || lane.isEmpty() ? id : lane;
    }

    /** The user's first connection, named by the user id. */
    public TestUser(String id, Map<String, Object> claims) {
        this(id, claims, id);
    }

    /** A user with the default claims: an email at example.com and read/write permissions. */
    public static TestUser named(String id) {
        return new TestUser(id, Map.of());
    }

    /** The same user on its {@code number}-th connection (1 is the first, named by the id alone). */
    public TestUser tab(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("connections are numbered from 1, got " + number);
        }
        return new TestUser(id, claims, laneName(id, number));
    }

    /** The lane name of a user's {@code number}-th connection: {@code alice}, {@code alice #2}, … */
    public static String laneName(String userId, int number) {
        return number == 1 ? userId : userId + TAB_MARK + number;
    }

    /**
     * One connection per entry: a user named twice is signed in twice ({@code alice}, {@code alice #2}),
     * in the order given. A lane name a user already has as its id is numbered on until it is free.
     */
    public static List<TestUser> connections(List<TestUser> users) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> ids = users.stream().map(TestUser::id).toList();
        List<String> taken = new ArrayList<>();
        List<TestUser> result = new ArrayList<>();
        for (TestUser user : users) {
            int number = counts.merge(user.id(), 1, Integer::sum);
            String lane = laneName(user.id(), number);
            while (number > 1 && (ids.contains(lane) || taken.contains(lane))) {
                number = counts.merge(user.id(), 1, Integer::sum);
                lane = laneName(user.id(), number);
            }
            taken.add(lane);
            result.add(new TestUser(user.id(), user.claims(), lane));
        }
        return result;
    }
}
