package dev.aei.auth;

/** Gives the JWT a test user signs in with: minted locally or fetched from a login endpoint. */
public interface TokenSource {

    /** A valid (not about to expire) token for the user; may block for a network fetch. */
    String token(TestUser user) throws AuthException;
}
