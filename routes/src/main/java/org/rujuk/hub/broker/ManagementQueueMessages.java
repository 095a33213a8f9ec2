package org.rujuk.hub.broker;

import java.util.List;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/**
 * {@link QueueMessages} of an external broker: management operations as request/reply messages on its management
 * address, as its administrator ({@code rujuk.broker.admin-user}), each call on a session of its own (retention
 * runs once a day; a standing admin session is not worth keeping open).
 */
class ManagementQueueMessages implements QueueMessages {

    private final String url;
    private final String user;
    private final String password;

    ManagementQueueMessages(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public List<Queued> list(String queue) throws Exception {
        return QueueMessages.parse((String) invoke(queue, "listMessagesAsJSON", ""));
    }

    @Override
    public boolean remove(String queue, long messageId) throws Exception {
        return (Boolean) invoke(queue, "removeMessage", messageId);
    }

    private Object invoke(String queue, String operation, Object... arguments) throws Exception {
        try (var locator = ActiveMQClient.createServerLocator(url);
             var factory = locator.createSessionFactory();
             var session = factory.createSession(user, password, false, true, true, false, 1);
             var requestor = new ClientRequestor(session, BrokerTopology.MANAGEMENT_ADDRESS)) {
            session.start();
            ClientMessage message = session.createMessage(false);
            ManagementHelper.putOperationInvocation(message, ResourceNames.QUEUE + queue, operation, arguments);
            var reply = requestor.request(message, 30_000);
            if (reply == null) {
                throw new IllegalStateException("broker did not answer management operation " + operation);
            }
            Object result = ManagementHelper.getResult(reply);
            if (!ManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("broker management operation " + operation + " failed: " + result);
            }
            return result;
        }
    }
}
