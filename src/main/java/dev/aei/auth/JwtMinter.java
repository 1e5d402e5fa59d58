package dev.aei.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.JwtException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Mints access tokens for test users with the netra claim set (DESIGN section 1). */
public final class JwtMinter {

    /** Default issuer claim. */
    public static final String DEFAULT_ISSUER = "aei";
    /** Default token lifetime. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

    private final SigningKey key;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    public JwtMinter(SigningKey key, String issuer, Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, got " + lifetime);
        }
        this.key = key;
        this.issuer = issuer;
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

    /** A fresh token for the user; the user's claims override the defaults (except {@code sub}). */
    public MintedToken mint(TestUser user) throws AuthException {
        Instant now = clock.instant();
        Instant expiry = now.plus(lifetime);
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", user.id() + "@example.com");
        claims.put("permissions", List.of("read", "write"));
        claims.put("type", "access");
        claims.putAll(user.claims());
        try {
            String token = Jwts.builder()
                    .claims(claims)
                    .subject(user.id())
                    .issuer(issuer)
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
