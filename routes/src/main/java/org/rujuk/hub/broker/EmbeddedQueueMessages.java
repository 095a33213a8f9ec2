package org.rujuk.hub.broker;

import java.util.List;
import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/** {@link QueueMessages} of the embedded broker, through its queue controls (no login needed in-process). */
class EmbeddedQueueMessages implements QueueMessages {

    private final EmbeddedBroker broker;

    EmbeddedQueueMessages(EmbeddedBroker broker) {
        this.broker = broker;
    }

    @Override
    public List<Queued> list(String queue) throws Exception {
        return QueueMessages.parse(control(queue).listMessagesAsJSON(""));
    }

    @Override
    public boolean remove(String queue, long messageId) throws Exception {
        return control(queue).removeMessage(messageId);
    }

    private QueueControl control(String queue) {
        var control = (QueueControl) broker.server().getManagementService().getResource(ResourceNames.QUEUE + queue);
        if (control == null) {
            throw new IllegalStateException("no queue " + queue + " on the embedded broker");
        }
        return control;
    }
}
