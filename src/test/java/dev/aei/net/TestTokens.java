package dev.aei.net;

import dev.aei.auth.TestUser;
import dev.aei.auth.TokenSource;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;

/** Real HS256 JWTs for the tests, minted with jjwt; the lifetime may be negative to make expired ones. */
record TestTokens(String secret, Duration lifetime) implements TokenSource {
    static final String SECRET = "net-test-secret-0123456789abcdef0123456789";

    static TestTokens valid() {
        return new TestTokens(SECRET, Duration.ofMinutes(10));
    }

    static SecretKey key(String secret) {
        return Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String token(TestUser user) {
        Instant now = Instant.now();
        return Jwts.builder()
                .subject(user.id())
                .claim("email", user.id() + "@example.com")
                .claim("type", "access")
                .issuer("aei-test")
                .issuedAt(Date.from(now.minus(Duration.ofMinutes(20))))
                .expiration(Date.from(now.plus(lifetime)))
                .id(UUID.randomUUID().toString())
                .signWith(key(secret))
                .compact();
    }
}
