package dev.aei.net;

import java.io.IOException;
import java.net.BindException;
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
        String where = address.getHostString() + ":" + address.getPort();
        if (address.isUnresolved()) {
            throw new IOException("cannot listen on " + where + ": no address of this machine has the name "
                    + address.getHostString());
        }
        if (address.getPort() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (BindException e) {
            boolean taken = e.getMessage() != null && e.getMessage().contains("in use");
            throw new IOException("cannot listen on " + where + " (" + e.getMessage()
                    + (taken ? "; is another server running there?)" : ": is it an address of this machine?)"), e);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + where + " (" + e.getMessage() + ")", e);
        }
    }
}
