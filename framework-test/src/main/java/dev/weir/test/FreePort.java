package dev.weir.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds a TCP port on the loopback interface that nothing is listening on. */
final class FreePort {

    private FreePort() {
    }

    /**
     * Asks the operating system for an ephemeral port and releases it again.
     *
     * <p>The port is free at the moment of return only; the broker binds it a few
     * milliseconds later. Kafka needs concrete ports up front (the controller quorum is
     * addressed by port, and a restart must come back on the same one), so the short race is
     * accepted.
     *
     * @return a port that was free on 127.0.0.1
     */
    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port on 127.0.0.1", e);
        }
    }
}
