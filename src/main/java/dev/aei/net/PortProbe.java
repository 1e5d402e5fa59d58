package dev.aei.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks that a server can listen on an address before it starts: the socket library logs a taken
 * port as a fatal error with a stack trace, where a user needs one line.
 */
public final class PortProbe {
    private PortProbe() {
    }

    /** Returns when {@code address} (port 0: any free port) can be listened on; else says why. */
    public static void ensureFree(InetSocketAddress address) throws IOException {
        if (address.getPort() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + " (" + e.getMessage() + "; is another server running there?)", e);
        }
    }
}
