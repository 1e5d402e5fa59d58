package dev.aei.net;

import dev.aei.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.auth.TestUser;
import dev.aei.capture.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wss:// against loopback TLS servers whose certificates keytool generates for the test. */
class TlsTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path certs;

    private final List<TestAgentServer> servers = new ArrayList<>();
    private final List<SessionConnector> connectors = new ArrayList<>();

    @BeforeAll
    static void generateCertificates() throws Exception {
        generate("loopback", "CN=localhost", "san=ip:127.0.0.1,dns:localhost");
        generate("elsewhere", "CN=elsewhere.invalid", "san=dns:elsewhere.invalid");
    }

    /** A self-signed key pair in {@code <name>.p12} and its certificate in {@code <name>.pem}. */
    private static void generate(String name, String subject, String alternativeNames) throws Exception {
        String store = certs.resolve(name + ".p12").toString();
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", subject,
                "-ext", alternativeNames, "-validity", "2", "-storetype", "PKCS12", "-keystore", store,
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", store, "-storepass", PASSWORD,
                "-file", certs.resolve(name + ".pem").toString());
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        connectors.forEach(SessionConnector::close);
        for (TestAgentServer server : servers) {
            server.shutdown();
        }
    }

    private TestAgentServer server(String keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certs.resolve(keyStore))) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        TestAgentServer server = TestAgentServer.start(TestTokens.SECRET, context);
        servers.add(server);
        return server;
    }

    private LaneState connect(TestAgentServer server, TlsSettings tls) throws Exception {
        Session session = Session.start(server.url().toString(), "header", "netra");
        SessionConnector connector = new SessionConnector(session,
                ConnectionSettings.of(server.url(), AuthMode.HEADER).withTls(tls), TestTokens.valid());
        connectors.add(connector);
        connector.connect(TestUser.named("alice")).get(30, TimeUnit.SECONDS);
        if (connector.state("alice").status() == LaneState.Status.CONNECTED) {
            Await.until("the greeting over TLS", () -> !session.lane("alice").frames().isEmpty());
        }
        return connector.state("alice");
    }

    @Test
    void aCustomCaFileIsTrustedWithHostnameVerification() throws Exception {
        TestAgentServer server = server("loopback.p12");

        LaneState state = connect(server, TlsSettings.trusting(certs.resolve("loopback.pem"), null));

        assertThat(state.status()).isEqualTo(LaneState.Status.CONNECTED);
        assertThat(server.url().getScheme()).isEqualTo("wss");
    }

    @Test
    void theSystemTrustStoreRefusesASelfSignedServerClearly() throws Exception {
        LaneState state = connect(server("loopback.p12"), TlsSettings.SYSTEM);

        assertThat(state.status()).isEqualTo(LaneState.Status.FAILED);
        assertThat(state.detail()).startsWith("TLS error: ");
    }

    @Test
    void aCertificateForAnotherHostIsRefusedEvenWhenItsCaIsTrusted() throws Exception {
        LaneState state = connect(server("elsewhere.p12"), TlsSettings.trusting(certs.resolve("elsewhere.pem"), null));

        assertThat(state.status()).isEqualTo(LaneState.Status.FAILED);
        assertThat(state.detail()).startsWith("TLS error: ");
    }

    @Test
    void theInsecureSwitchAcceptsAnyCertificateAndHost() throws Exception {
        LaneState state = connect(server("elsewhere.p12"), TlsSettings.insecureForTesting());

        assertThat(state.status()).isEqualTo(LaneState.Status.CONNECTED);
    }

    @Test
    void anUnreadableTrustStoreIsAClearFailure() throws Exception {
        LaneState state = connect(server("loopback.p12"), TlsSettings.trusting(certs.resolve("missing.pem"), null));

        assertThat(state.status()).isEqualTo(LaneState.Status.FAILED);
        assertThat(state.detail()).startsWith("TLS setup failed: ").contains("missing.pem");
    }

    @Test
    void aPkcs12TrustStoreWorksToo() throws Exception {
        Path trust = certs.resolve("trust.p12");
        KeyStore store = TlsTrust.loadTrustStore(certs.resolve("loopback.pem"), null);
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setCertificateEntry("loopback", store.getCertificate("ca-0"));
        try (var out = Files.newOutputStream(trust)) {
            p12.store(out, PASSWORD.toCharArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        LaneState state = connect(server("loopback.p12"), TlsSettings.trusting(trust, PASSWORD));

        assertThat(state.status()).isEqualTo(LaneState.Status.CONNECTED);
    }
}
