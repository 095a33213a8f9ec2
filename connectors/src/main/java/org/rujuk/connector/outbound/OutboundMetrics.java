package org.rujuk.connector.outbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.rujuk.contract.MessageType;
import org.springframework.stereotype.Component;

/**
 * Counts what agency systems hand in: {@code rujuk.connector.sent} (tags {@code type}, {@code channel}: rest or
 * file) and {@code rujuk.connector.refused} (tag {@code channel}), a message the contract check turned back.
 */
@Component
public class OutboundMetrics {

    private final MeterRegistry registry;

    public OutboundMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void sent(MessageType type, String channel) {
        Counter.builder("rujuk.connector.sent").description("messages sent to the hub")
                .tag("type", type.wireType()).tag("channel", channel)
                .register(registry).increment();
    }

    public void refused(String channel) {
        Counter.builder("rujuk.connector.refused").description("messages refused by the local contract check")
                .tag("channel", channel)
                .register(registry).increment();
    }
}
