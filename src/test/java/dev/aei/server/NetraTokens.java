package dev.aei.server;

import dev.aei.auth.SigningKey;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Test tokens signed with the demo secret carrying exactly the claims a test names. */
final class NetraTokens {

    private NetraTokens() {
    }

    /** The claims the real auth service issues and checks, plus {@code type} which some code paths read. */
    static Map<String, Object> realClaims() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", "netra-auth-service");
        claims.put("aud", "netra-platform");
        claims.put("token_type", "access");
        claims.put("type", "access");
        return claims;
    }

    /** The real claims with one changed; a null value leaves the claim out. */
    static Map<String, Object> realClaimsWith(String name, Object value) {
        Map<String, Object> claims = realClaims();
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return claims;
    }

    /** A token for the subject with these claims, valid for five minutes. */
    static String token(String subject, Map<String, Object> claims) {
        Instant now = Instant.now();
        JwtBuilder builder = Jwts.builder().subject(subject).issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(5)))).id(UUID.randomUUID().toString());
        claims.forEach((name, value) -> {
            switch (name) {
                case "iss" -> builder.issuer((String) value);
                case "aud" -> builder.audience().single((String) value);
                default -> builder.claim(name, value);
            }
        });
        return builder.signWith(SigningKey.hmacKey(BackendConfig.DEMO_SECRET)).compact();
    }
}
