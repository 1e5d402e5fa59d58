package dev.aei.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A plain HTTP/1.1 ticket endpoint read off a raw socket, so a test sees exactly the request line
 * and headers a client sent (an h2c upgrade offer included). Answers {@code {"ticket_id": …}} for
 * the bearer token the issuer accepts, else 401.
 */
final class RawTicketServer implements AutoCloseable {
    /** One request as received. */
    record Request(String requestLine, List<String> headers, String body) {
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).findFirst().orElse(null);
        }
    }

    private final ServerSocket socket;
    private final Function<String, String> issuer;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Thread thread;

    RawTicketServer(Function<String, String> issuer) throws IOException {
        this.issuer = issuer;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "raw-ticket-server");
        thread.setDaemon(true);
        thread.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    List<Request> requests() {
        return requests;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                answer(client);
            } catch (IOException e) {
                // closed, or a client gave up: the test looks at what was received
            }
        }
    }

    private void answer(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        List<String> headers = new ArrayList<>();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            headers.add(line);
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        Request request = new Request(requestLine, headers, new String(body, 0, read));
        requests.add(request);
        String auth = request.header("Authorization");
        String ticket = auth != null && auth.startsWith("Bearer ") ? issuer.apply(auth.substring(7)) : null;
        String answer = ticket == null ? "{\"detail\":\"unauthorized\"}"
                : "{\"ticket_id\":\"" + ticket + "\",\"expires_at\":\"2026-01-01T00:00:00Z\"}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        OutputStream out = client.getOutputStream();
        out.write(((ticket == null ? "HTTP/1.1 401 Unauthorized" : "HTTP/1.1 200 OK") + "\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
