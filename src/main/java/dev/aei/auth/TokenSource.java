package dev.aei.auth;

import java.util.Map;

/** Gives the JWT a test user signs in with: minted locally or fetched from a login endpoint. */
public interface TokenSource {

    /** A valid (not about to expire) token for the user; may block for a network fetch. */
    String token(TestUser user) throws AuthException;

    /**
     * The claims beyond {@code sub} and the times that the user's tokens carry, as far as this source
     * knows them (a login endpoint's tokens carry what it puts in them): what a recording keeps of
     * its users.
     */
    default Map<String, Object> claims(TestUser user) {
        return user.claims();
    }
}
