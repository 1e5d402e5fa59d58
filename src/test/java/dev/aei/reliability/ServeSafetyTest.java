package dev.aei.reliability;

import dev.aei.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Direction;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.cli.Main;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aei serve}, run as a real process with its defaults, listens on loopback only. */
class ServeSafetyTest {
    private static final Pattern SERVING = Pattern.compile("on (ws://\\S+)");

    @TempDir
    Path dir;

    @Test
    void serveBindsToLoopbackByDefault() throws Exception {
        Session session = Session.start("ws://recorded", "header", "netra");
        Lane lane = session.addLane("alice", Map.of());
        session.appendText(lane, Direction.IN, "{\"type\":\"connection_established\",\"data\":{\"user_id\":\"alice\"}}");
        Path fixture = dir.resolve("one.aei.json");
        SessionFiles.defaults().save(Fixture.of(session, List.of()), fixture, Progress.NONE);

        Process serve = ChildJvm.start(dir, "serve", List.of(), Main.class.getName(),
                List.of("serve", fixture.toString(), "--port", "0"));
        try {
            Await.until("serve to say where it listens", () -> SERVING.matcher(output()).find() || !serve.isAlive());
            Matcher serving = SERVING.matcher(output());
            assertThat(serving.find()).as("serve's output: %s", output()).isTrue();
            URI url = URI.create(serving.group(1));
            assertThat(InetAddress.getByName(url.getHost()).isLoopbackAddress()).as("bound to %s", url).isTrue();
            assertThat(reachable(new InetSocketAddress(InetAddress.getLoopbackAddress(), url.getPort()))).isTrue();
            Optional<InetAddress> external = externalAddress();
            if (external.isPresent()) {
                assertThat(reachable(new InetSocketAddress(external.get(), url.getPort())))
                        .as("reachable on %s", external.get()).isFalse();
            }
        } finally {
            serve.destroy();
            ChildJvm.exitCode(serve);
        }
    }

    private String output() {
        try {
            return Files.readString(dir.resolve("serve.out"));
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean reachable(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An address of this machine that is not loopback, if it has one. */
    private static Optional<InetAddress> externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
