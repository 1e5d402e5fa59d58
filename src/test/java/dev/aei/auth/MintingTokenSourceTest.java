package dev.aei.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MintingTokenSourceTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";

    @Test
    void mintsHs256TokensWithTheNetraClaims() throws Exception {
        TestUser alice = new TestUser("alice", Map.of("tenant", "acme", "permissions", List.of("read")));
        String token = MintingTokenSource.hs256(SECRET).token(alice);

        Claims claims = Jwts.parser().verifyWith(SigningKey.hmacKey(SECRET)).build().parseSignedClaims(token).getPayload();
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.get("email")).isEqualTo("alice@example.com");
        assertThat(claims.get("permissions")).isEqualTo(List.of("read"));
        assertThat(claims.get("type")).isEqualTo("access");
        assertThat(claims.get("tenant")).isEqualTo("acme");
        assertThat(claims.getIssuer()).isEqualTo("aei");
        assertThat(claims.getId()).isNotBlank();
        assertThat(Duration.between(claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void cachesPerUserAndMintsAgainShortlyBeforeExpiry() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        MintingTokenSource source = new MintingTokenSource(
                new JwtMinter(SigningKey.hs256(SECRET), "aei", Duration.ofMinutes(10), clock), clock);
        String first = source.token(TestUser.named("alice"));
        assertThat(source.token(TestUser.named("alice"))).isEqualTo(first);
        assertThat(source.token(TestUser.named("bob"))).isNotEqualTo(first);

        clock.advance(Duration.ofMinutes(7));
        assertThat(source.token(TestUser.named("alice"))).isEqualTo(first);
        clock.advance(Duration.ofMinutes(1).plusSeconds(30));
        String renewed = source.token(TestUser.named("alice"));
        assertThat(renewed).isNotEqualTo(first);
        assertThat(JwtPayload.expiry(renewed)).get().isEqualTo(clock.instant().plus(Duration.ofMinutes(10))
                .truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void mintsRs256AndEs256FromPkcs8PemFiles(@TempDir Path dir) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertSignedBy(dir, "RS256", rsa.generateKeyPair());
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        assertSignedBy(dir, "ES256", ec.generateKeyPair());
    }

    @Test
    void explainsUnusableKeyFiles(@TempDir Path dir) throws Exception {
        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN PRIVATE KEY-----\nnot base64!!\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> SigningKey.fromPem(pkcs1, "RS256")).isInstanceOf(AuthException.class)
                .hasMessageContaining("PKCS#8").hasMessageContaining("openssl pkcs8");
        assertThatThrownBy(() -> SigningKey.fromPem(junk, "RS256")).hasMessageContaining("not a valid RSA private key");
        assertThatThrownBy(() -> SigningKey.fromPem(dir.resolve("none.pem"), "ES256")).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> SigningKey.fromPem(junk, "PS256")).hasMessageContaining("RS256 or ES256");
    }

    @Test
    void shortSecretsSignLikeTheBackendsThatUseThem() throws Exception {
        String token = MintingTokenSource.hs256("short").token(TestUser.named("alice"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("short".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signingInput = token.substring(0, token.lastIndexOf('.'));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes()));
        assertThat(token.substring(token.lastIndexOf('.') + 1)).isEqualTo(expected);
    }

    private static void assertSignedBy(Path dir, String algorithm, KeyPair pair) throws Exception {
        Path pem = dir.resolve(algorithm + ".pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        String token = new MintingTokenSource(new JwtMinter(SigningKey.fromPem(pem, algorithm)),
                Clock.systemUTC()).token(TestUser.named("alice"));
        PublicKey publicKey = pair.getPublic();
        Jws<Claims> jws = Jwts.parser().verifyWith(publicKey).build().parseSignedClaims(token);
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(algorithm);
        assertThat(jws.getPayload().getSubject()).isEqualTo("alice");
    }
}
