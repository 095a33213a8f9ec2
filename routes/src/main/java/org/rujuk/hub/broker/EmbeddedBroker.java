package org.rujuk.hub.broker;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** The running embedded broker (embedded default only); tests reach the server through it. */
public final class EmbeddedBroker implements BrokerReady {
    private final EmbeddedActiveMQ broker;

    EmbeddedBroker(EmbeddedActiveMQ broker) {
        this.broker = broker;
    }

    public ActiveMQServer server() {
        return broker.getActiveMQServer();
    }

    void stop() throws Exception {
        broker.stop();
    }
}
