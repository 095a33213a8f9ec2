package org.rujuk.artemis;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.protocol.amqp.broker.AMQPMessage;

/**
 * Stamps the broker account that sent a message on it, as {@code _AMQ_VALIDATED_USER}, whatever protocol it came
 * in by. Artemis's {@code populate-validated-user} does this for CORE and STOMP but not for AMQP (its messages are
 * immutable); for those the account goes into the broker-side extra properties, which Artemis adds to the message
 * when a CORE consumer (the hub) receives it, after and above anything the sender put in its own properties. So
 * no sender can claim to be another agency, on any protocol.
 */
public class ValidatedUserPlugin implements ActiveMQServerMessagePlugin {

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
            boolean noAutoCreateQueue) {
        String user = session.getValidatedUser();
        if (user == null) {
            return;
        }
        if (message instanceof AMQPMessage amqp) {
            amqp.createExtraProperties().putSimpleStringProperty(Message.HDR_VALIDATED_USER, SimpleString.of(user));
        } else {
            message.setValidatedUserID(user);
        }
    }
}
