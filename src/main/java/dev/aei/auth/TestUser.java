package dev.aei.auth;

import java.util.Map;

/**
 * A user the tool signs in as.
 *
 * @param id     user id, used as the JWT {@code sub} and as the lane name
 * @param claims extra claims (email, permissions, anything else); never the signing secret
 */
public record TestUser(String id, Map<String, Object> claims) {

    public TestUser {
        claims = Map.copyOf(claims);
    }

    /** A user with the default claims: an email at example.com and read/write permissions. */
    public static TestUser named(String id) {
        return new TestUser(id, Map.of());
    }
}
