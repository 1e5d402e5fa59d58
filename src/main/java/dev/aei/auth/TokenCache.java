package dev.aei.auth;

import dev.aei.auth.JwtMinter.MintedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one token per connection (a user signed in on two connections has two) and asks for a new
 * one shortly before it expires: when less than a fifth of its lifetime or 30 s remain (never more
 * than half its lifetime).
 */
final class TokenCache {

    /** Makes a token for a user. */
    interface Fetcher {
        MintedToken fetch(TestUser user) throws AuthException;
    }

    private static final Duration MIN_MARGIN = Duration.ofSeconds(30);

    private final Map<String, MintedToken> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenCache(Clock clock) {
        this.clock = clock;
    }

    /** The cached token when still fresh, else a new one from the fetcher. */
    String get(TestUser user, Fetcher fetcher) throws AuthException {
        MintedToken cached = tokens.get(user.lane());
        if (cached != null && isFresh(cached)) {
            return cached.token();
        }
        MintedToken fresh = fetcher.fetch(user);
        tokens.put(user.lane(), fresh);
        return fresh.token();
    }

    private boolean isFresh(MintedToken token) {
        Duration lifetime = Duration.between(token.issuedAt(), token.expiry());
        Duration margin = max(lifetime.dividedBy(5), MIN_MARGIN);
        if (margin.compareTo(lifetime.dividedBy(2)) > 0) {
            margin = lifetime.dividedBy(2);
        }
        Instant now = clock.instant();
        return now.isBefore(token.expiry().minus(margin));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
