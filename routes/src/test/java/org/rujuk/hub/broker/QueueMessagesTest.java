package org.rujuk.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.rujuk.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Both ways of reaching a queue's messages see the same thing: the embedded broker's queue control, and management
 * messages as an administrator (what an external broker gets), here sent to the embedded broker over TCP.
 */
class QueueMessagesTest extends HubIntegrationTest {

    @Autowired
    ProducerTemplate producer;

    @Test
    void embeddedAndManagementMessagesListAndRemoveTheSameDeadLetter() throws Exception {
        String dead = properties.addresses().dead();
        String key = "queue-messages-" + UUID.randomUUID();
        producer.sendBodyAndHeaders("jms:queue:" + dead, "{}", Map.of("rujukMessageKey", key,
                "rujukDeadAt", "2026-01-01T00:00:00Z"));
        var embedded = new EmbeddedQueueMessages(broker);
        var management = new ManagementQueueMessages(BROKER_URL, "admin", "demo");

        var viaControl = embedded.list(dead).stream().filter(m -> key.equals(m.property("rujukMessageKey")))
                .toList();
        var viaManagement = management.list(dead).stream().filter(m -> key.equals(m.property("rujukMessageKey")))
                .toList();
        assertThat(viaControl).hasSize(1);
        assertThat(viaManagement).hasSize(1);
        assertThat(viaManagement.get(0).messageId()).isEqualTo(viaControl.get(0).messageId());
        assertThat(viaManagement.get(0).property("rujukDeadAt")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(viaManagement.get(0).timestamp()).isPositive();

        assertThat(management.remove(dead, viaControl.get(0).messageId())).isTrue();
        assertThat(embedded.list(dead).stream().filter(m -> key.equals(m.property("rujukMessageKey")))).isEmpty();
        assertThat(embedded.remove(dead, viaControl.get(0).messageId())).isFalse();
    }
}
