package org.rujuk.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free loopback ports, so test brokers never collide with a hub a developer is running on 61616. */
public final class TestPorts {

    private TestPorts() {
    }

    public static int free() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
