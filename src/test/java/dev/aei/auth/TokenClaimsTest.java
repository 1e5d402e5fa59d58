package dev.aei.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {
    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    private static final TokenClaims PROFILE = new TokenClaims(Map.of("iss", "netra-auth-service",
            "aud", "netra-platform", "token_type", "access", "type", "access",
            "email", "${user_id}@example.com", "permissions", List.of("read", "write")));

    @Test
    void aRunOverridesTheProfileAndAUserOverridesBoth() {
        TokenClaims run = PROFILE.overriddenBy(Map.of("aud", "netra-admin", "permissions", List.of("admin")));
        Map<String, Object> alice = run.forUser(new TestUser("alice", Map.of("permissions", List.of("read"))));
        assertThat(alice).containsEntry("iss", "netra-auth-service").containsEntry("aud", "netra-admin")
                .containsEntry("email", "alice@example.com").containsEntry("permissions", List.of("read"))
                .doesNotContainKey("sub");
        assertThat(PROFILE.forUser(TestUser.named("bob"))).containsEntry("aud", "netra-platform")
                .containsEntry("permissions", List.of("read", "write"));
    }

    @Test
    void theUserIdIsFilledInAtAnyDepth() {
        TokenClaims claims = new TokenClaims(Map.of("ctx", Map.of("who", List.of("${user_id}", 3))));
        assertThat(claims.forUser(TestUser.named("carol")).get("ctx")).isEqualTo(Map.of("who", List.of("carol", 3)));
    }

    @Test
    void claimsSetAtMintingCannotBeGiven() {
        assertThatThrownBy(() -> PROFILE.overriddenBy(Map.of("sub", "mallory")))
                .hasMessageContaining("'sub' is set when minting");
    }

    @Test
    void aMintedTokenCarriesTheProfileClaims() throws Exception {
        JwtMinter minter = new JwtMinter(SigningKey.hs256(SECRET), PROFILE, JwtMinter.DEFAULT_LIFETIME,
                Clock.systemUTC());
        String token = minter.mint(TestUser.named("alice")).token();
        Claims claims = Jwts.parser().verifyWith(SigningKey.hmacKey(SECRET)).build().parseSignedClaims(token)
                .getPayload();
        assertThat(claims.getIssuer()).isEqualTo("netra-auth-service");
        assertThat(claims.getAudience()).containsExactly("netra-platform");
        assertThat(claims.get("token_type")).isEqualTo("access");
        assertThat(claims.get("type")).isEqualTo("access");
        assertThat(claims.getSubject()).isEqualTo("alice");
        JsonNode payload = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(payload.path("aud").isTextual()).as("a single audience is sent as a string").isTrue();
        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .contains("\"email\":\"alice@example.com\"");
    }

    @Test
    void severalAudiencesAreSentAsAList() throws Exception {
        JwtMinter minter = new JwtMinter(SigningKey.hs256(SECRET),
                PROFILE.overriddenBy(Map.of("aud", List.of("netra-platform", "netra-services"))),
                Duration.ofMinutes(1), Clock.systemUTC());
        String token = minter.mint(TestUser.named("alice")).token();
        assertThat(Jwts.parser().verifyWith(SigningKey.hmacKey(SECRET)).build().parseSignedClaims(token)
                .getPayload().getAudience()).containsExactlyInAnyOrder("netra-platform", "netra-services");
    }
}
