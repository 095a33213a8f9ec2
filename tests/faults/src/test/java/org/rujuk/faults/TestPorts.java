package org.rujuk.faults;

import java.io.IOException;
import java.net.ServerSocket;

final class TestPorts {

    private TestPorts() {
    }

    static int free() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
