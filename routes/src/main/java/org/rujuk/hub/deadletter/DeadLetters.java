package org.rujuk.hub.deadletter;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.rujuk.hub.config.HubProperties;
import org.rujuk.hub.messaging.IncomingMessage;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The dead-letter address as the hub's own broker account sees it: browse what is there, and take one dead letter
 * off in a local JMS transaction that may also re-send it. The same JMS calls work on the embedded broker and on an
 * external one (the hub's account may browse and consume {@code rujuk.dead}: see BrokerTopology).
 */
@Component
class DeadLetters {

    static final String MESSAGE_KEY = "rujukMessageKey";
    static final String REPLAY_COUNT = IncomingMessage.Replay.COUNT;
    /** What a hub dead letter's key looks like ({@code amq:<id>}), or a JMS message id for one the broker moved. */
    private static final Pattern KEY = Pattern.compile("amq:[0-9]{1,19}|ID:[0-9A-Za-z-]{1,64}");
    /** How long to wait for a dead letter the browser just saw; another administrator may have taken it. */
    private static final long TAKE_TIMEOUT_MS = 5_000;

    private final ConnectionFactory connections;
    private final String queue;

    DeadLetters(ConnectionFactory connectionFactory, HubProperties properties) {
        // Not the routes' caching factory: it would cache a consumer per selector, each holding on to what it
        // matched. Triage is an administrator's occasional act; a connection of its own each time is cheap enough.
        this.connections = connectionFactory instanceof SingleConnectionFactory single
                && single.getTargetConnectionFactory() != null ? single.getTargetConnectionFactory()
                : connectionFactory;
        this.queue = properties.addresses().dead();
    }

    /** The duplicate id of a dead letter: one per original message and replay, so each failure is stored once. */
    static String duplicateId(String key, int replayCount) {
        return replayCount == 0 ? "dead:" + key : "dead:" + key + ":replay-" + replayCount;
    }

    static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** A dead letter as found on the queue: its properties, and its body when asked for. */
    record Found(String key, boolean hubHeaders, String sender, String originalAddress, String reason,
            OffsetDateTime deadAt, Integer attempts, int replayCount, UUID referralId, Body body) {
    }

    /** A dead letter's body: text, or bytes that were not UTF-8. */
    record Body(String text, byte[] bytes) {

        static Body of(Message message) throws JMSException {
            if (message instanceof TextMessage text) {
                return new Body(text.getText(), null);
            }
            if (message instanceof BytesMessage bytes) {
                bytes.reset();
                byte[] data = new byte[Math.toIntExact(bytes.getBodyLength())];
                bytes.readBytes(data);
                return new Body(null, data);
            }
            return new Body("", null);
        }

        byte[] raw() {
            return text != null ? text.getBytes(StandardCharsets.UTF_8) : bytes;
        }

        @Override
        public String toString() {
            return "Body[" + raw().length + " bytes]";
        }
    }

    /** Everything on the dead-letter address, in queue order; bodies are read only to find the referral id. */
    List<Found> browseAll() throws JMSException {
        return browse(null, false);
    }

    Optional<Found> find(String key, boolean withBody) throws JMSException {
        return browse(selector(key), withBody).stream().findFirst();
    }

    private List<Found> browse(String selector, boolean withBody) throws JMSException {
        var found = new ArrayList<Found>();
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector)) {
            connection.start();
            for (Object next : Collections.list(browser.getEnumeration())) {
                found.add(read((Message) next, withBody));
            }
        }
        return found;
    }

    /** Opens a transaction on the dead-letter address; closing it without {@link Taking#commit()} rolls back. */
    Taking begin() throws JMSException {
        Connection connection = connections.createConnection();
        try {
            connection.start();
            return new Taking(connection, connection.createSession(true, Session.SESSION_TRANSACTED));
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A local JMS transaction: the dead letter taken off the queue, and the replay sent, commit together. */
    final class Taking implements AutoCloseable {

        private final Connection connection;
        private final Session session;
        private Message taken;
        private boolean committed;

        private Taking(Connection connection, Session session) {
            this.connection = connection;
            this.session = session;
        }

        /** Takes the dead letter with this key, if it is (still) there. */
        Optional<Found> take(String key) throws JMSException {
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector(key))) {
                taken = consumer.receive(TAKE_TIMEOUT_MS);
            }
            return taken == null ? Optional.empty() : Optional.of(read(taken, true));
        }

        /**
         * Sends the taken dead letter, as its sender wrote it, to the address it was first sent to, marked as the
         * hub's replay of it for its original sender, with a duplicate id the broker absorbs if it was sent before.
         */
        void replay(Found deadLetter, int replayCount) throws JMSException {
            Message copy;
            if (deadLetter.body().text() != null) {
                copy = session.createTextMessage(deadLetter.body().text());
            } else {
                BytesMessage bytes = session.createBytesMessage();
                bytes.writeBytes(deadLetter.body().bytes());
                copy = bytes;
            }
            copy.setStringProperty(IncomingMessage.Replay.OF, deadLetter.key());
            copy.setStringProperty(IncomingMessage.Replay.SENDER, deadLetter.sender());
            copy.setIntProperty(IncomingMessage.Replay.COUNT, replayCount);
            copy.setStringProperty("_AMQ_DUPL_ID", "replay:" + deadLetter.key() + ":" + replayCount);
            try (var producer = session.createProducer(session.createQueue(deadLetter.originalAddress()))) {
                producer.send(copy);
            }
        }

        void commit() throws JMSException {
            session.commit();
            committed = true;
        }

        @Override
        public void close() throws JMSException {
            try {
                if (!committed) {
                    session.rollback();
                }
            } finally {
                connection.close();
            }
        }
    }

    private static String selector(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("not a dead letter's key");
        }
        // The pattern admits no quote, so the key cannot change the selector.
        return key.startsWith("ID:") ? "JMSMessageID = '" + key + "'" : MESSAGE_KEY + " = '" + key + "'";
    }

    private static Found read(Message message, boolean withBody) throws JMSException {
        String key = message.getStringProperty(MESSAGE_KEY);
        boolean hubHeaders = key != null;
        Body body = Body.of(message);
        String referral = message.getStringProperty("referralId");
        UUID referralId = referral != null ? uuid(referral) : ReferralIdReader.of(body.raw());
        return new Found(hubHeaders ? key : message.getJMSMessageID(), hubHeaders,
                hubHeaders ? message.getStringProperty("rujukSender") : message.getStringProperty("_AMQ_VALIDATED_USER"),
                hubHeaders ? message.getStringProperty("rujukOriginalAddress")
                        : message.getStringProperty("_AMQ_ORIG_ADDRESS"),
                hubHeaders ? message.getStringProperty("rujukDeadReason")
                        : "moved by the broker after its own delivery limit (no reason recorded)",
                deadAt(message),
                message.propertyExists("rujukDeliveryCount") ? message.getIntProperty("rujukDeliveryCount") : null,
                message.propertyExists(REPLAY_COUNT) ? message.getIntProperty(REPLAY_COUNT) : 0,
                referralId, withBody ? body : null);
    }

    private static OffsetDateTime deadAt(Message message) throws JMSException {
        String at = message.getStringProperty("rujukDeadAt");
        if (at != null) {
            try {
                return OffsetDateTime.parse(at);
            } catch (DateTimeParseException e) {
                // fall back to the broker's timestamp
            }
        }
        return Instant.ofEpochMilli(message.getJMSTimestamp()).atOffset(ZoneOffset.UTC);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
