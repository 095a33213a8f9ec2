package org.rujuk.hub;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An agency system speaking CORE/JMS to the hub's broker with its own account, as a Java agency would: sends to
 * the inbound addresses and reads its inbox.
 */
public final class AgencyClient implements AutoCloseable {

    private final Connection connection;
    private final Session session;

    public AgencyClient(String brokerUrl, String user, String password) throws JMSException {
        var factory = new ActiveMQConnectionFactory(brokerUrl, user, password);
        this.connection = factory.createConnection();
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        connection.start();
    }

    public void sendText(String address, String body) throws JMSException {
        try (var producer = session.createProducer(session.createQueue(address))) {
            producer.send(session.createTextMessage(body));
        }
    }

    /** Publishes to a multicast address (a JMS topic). */
    public void publishText(String address, String body) throws JMSException {
        try (var producer = session.createProducer(session.createTopic(address))) {
            producer.send(session.createTextMessage(body));
        }
    }

    public void sendBytes(String address, byte[] body) throws JMSException {
        try (var producer = session.createProducer(session.createQueue(address))) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            producer.send(message);
        }
    }

    /** The next message on the queue that matches the selector, or null after the timeout. */
    public Message receive(String queue, String selector, long timeoutMillis) throws JMSException {
        try (var consumer = session.createConsumer(session.createQueue(queue), selector)) {
            return consumer.receive(timeoutMillis);
        }
    }

    /** Every message now on the queue that matches the selector (waits at most a short moment for each). */
    public List<Message> drain(String queue, String selector) throws JMSException {
        var messages = new ArrayList<Message>();
        try (var consumer = session.createConsumer(session.createQueue(queue), selector)) {
            for (Message m = consumer.receive(300); m != null; m = consumer.receive(300)) {
                messages.add(m);
            }
        }
        return messages;
    }

    public static String text(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        var bytes = (BytesMessage) message;
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
