package dev.aei.server;

import dev.aei.auth.SigningKey;
import dev.aei.protocol.TextCut;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.security.SignatureException;
import java.util.Set;

/**
 * Checks access tokens the way the real backend does: HS256 signature, expiry, an access type, a
 * subject and, with the real auth service's rules, its issuer, audience and {@code token_type}.
 */
final class TokenVerifier {

    /** The issuer the real auth service puts in its tokens. */
    static final String NETRA_ISSUER = "netra-auth-service";
    /** The audiences the real auth service accepts. */
    static final Set<String> NETRA_AUDIENCES = Set.of("netra-platform", "netra-services", "netra-admin");

    private final JwtParser parser;
    private final boolean netraClaims;

    /** @param netraClaims true: also require the real auth service's {@code iss}, {@code aud}, {@code token_type} */
    TokenVerifier(String secret, boolean netraClaims) {
        this.parser = Jwts.parser().verifyWith(SigningKey.hmacKey(secret)).build();
        this.netraClaims = netraClaims;
    }

    TokenVerifier(String secret) {
        this(secret, false);
    }

    /** The token's subject (user id), or a 401 rejection saying what is wrong. */
    String verify(String token) throws HandshakeRejection {
        if (token == null || token.isBlank()) {
            throw HandshakeRejection.unauthorized("missing token");
        }
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token.trim()).getPayload();
        } catch (ExpiredJwtException e) {
            throw HandshakeRejection.unauthorized("token expired");
        } catch (SignatureException e) {
            throw HandshakeRejection.unauthorized("bad token signature");
        } catch (MalformedJwtException e) {
            throw HandshakeRejection.unauthorized("malformed token");
        } catch (JwtException | IllegalArgumentException e) {
            throw HandshakeRejection.unauthorized("invalid token");
        }
        if (netraClaims) {
            checkNetraClaims(claims);
        } else if (!"access".equals(claims.get("type"))) {
            throw HandshakeRejection.unauthorized("token type is not access");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw HandshakeRejection.unauthorized("token has no subject");
        }
        return subject;
    }

    /** The real auth service's checks; {@code type}, which only some of its code paths read, may be absent. */
    private static void checkNetraClaims(Claims claims) throws HandshakeRejection {
        if (!NETRA_ISSUER.equals(claims.getIssuer())) {
            throw claim("iss", NETRA_ISSUER, claims.getIssuer());
        }
        Set<String> audience = claims.getAudience();
        if (audience == null || audience.stream().noneMatch(NETRA_AUDIENCES::contains)) {
            throw claim("aud", "one of " + String.join(", ", NETRA_AUDIENCES.stream().sorted().toList()),
                    audience == null || audience.isEmpty() ? null : String.join(",", audience));
        }
        Object tokenType = claims.get("token_type");
        if (!"access".equals(tokenType)) {
            throw claim("token_type", "access", tokenType);
        }
        Object type = claims.get("type");
        if (type != null && !"access".equals(type)) {
            throw claim("type", "access", type);
        }
    }

    private static HandshakeRejection claim(String name, String expected, Object actual) {
        String got = actual == null ? "it is missing" : "got '" + abbreviate(String.valueOf(actual)) + "'";
        return HandshakeRejection.unauthorized("token claim '" + name + "' must be " + expected + " (" + got + ")");
    }

    private static String abbreviate(String text) {
        String head = TextCut.head(text, 60);
        return head.length() == text.length() ? text : head + "...";
    }
}
