package dev.aei.auth;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.JwtException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Mints access tokens for test users with a profile's default claims, which a user's own claims override. */
public final class JwtMinter {

    /** Default issuer claim. */
    public static final String DEFAULT_ISSUER = "aei";
    /** Default token lifetime. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

    private final SigningKey key;
    private final TokenClaims claims;
    private final Duration lifetime;
    private final Clock clock;

    public JwtMinter(SigningKey key, String issuer, Duration lifetime, Clock clock) {
        this(key, TokenClaims.issuedBy(issuer), lifetime, clock);
    }

    /** A minter whose tokens carry these default claims. */
    public JwtMinter(SigningKey key, TokenClaims claims, Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, got " + lifetime);
        }
        this.key = key;
        this.claims = claims;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A minter with the default issuer and lifetime on the system clock. */
    public JwtMinter(SigningKey key) {
        this(key, DEFAULT_ISSUER, DEFAULT_LIFETIME, Clock.systemUTC());
    }

    /** How long minted tokens live. */
    public Duration lifetime() {
        return lifetime;
    }

    /** The default claims of minted tokens. */
    public TokenClaims claims() {
        return claims;
    }

    /** A fresh token for the user; the user's claims override the defaults (except {@code sub}). */
    public MintedToken mint(TestUser user) throws AuthException {
        Instant now = clock.instant();
        Instant expiry = now.plus(lifetime);
        Map<String, Object> values = new HashMap<>(claims.forUser(user));
        Object audience = values.remove("aud");
        try {
            JwtBuilder builder = Jwts.builder().claims(values);
            if (audience instanceof String single) {
                builder.audience().single(single);
            } else if (audience instanceof Collection<?> several) {
                several.forEach(aud -> builder.audience().add(String.valueOf(aud)));
            } else if (audience != null) {
                throw new AuthException("the aud claim must be a string or a list of strings, got " + audience);
            }
            String token = builder
                    .subject(user.id())
                    .issuedAt(Date.from(now))
                    .expiration(Date.from(expiry))
                    .id(UUID.randomUUID().toString())
                    .signWith(key.key(), key.jwsAlgorithm())
                    .compact();
            return new MintedToken(token, now, expiry);
        } catch (JwtException | IllegalArgumentException e) {
            throw new AuthException("cannot sign a " + key.algorithm() + " token for " + user.id() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A token with the times it was issued and expires.
     *
     * @param token    the compact JWT
     * @param issuedAt when it was minted or fetched
     * @param expiry   when it stops being valid
     */
    public record MintedToken(String token, Instant issuedAt, Instant expiry) {
        @Override
        public String toString() {
            return "MintedToken[expiry=" + expiry + "]";
        }
    }
}
