package org.rujuk.hub.messaging;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.ByteArrayOutputStream;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.rujuk.hub.config.HubAccounts;
import org.springframework.stereotype.Component;

/**
 * Reads what the hub needs from a consumed JMS message, whatever protocol it was sent with: a JMS or STOMP text
 * body, or bytes (a STOMP frame with content-length, an AMQP data section), and the broker's own facts about it.
 */
@Component
public class IncomingMessageReader implements Processor {

    private final String hubUser;

    public IncomingMessageReader(HubAccounts accounts) {
        this.hubUser = accounts.hub().username();
    }

    /** Puts the {@link IncomingMessage} on the exchange, where the route's beans and error handling find it. */
    @Override
    public void process(Exchange exchange) throws JMSException {
        exchange.setProperty(IncomingMessage.PROPERTY, read(exchange));
    }

    /**
     * A text body as UTF-8. A lone surrogate cannot be UTF-8, and every JDK encoder quietly turns it into {@code ?}:
     * such a body is encoded by hand, the lone surrogate in its (invalid) three-byte form, so that validation
     * refuses the body instead of forwarding a silently altered one.
     */
    static byte[] utf8(String text) {
        try {
            var encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            var out = new ByteArrayOutputStream(text.length() + 16);
            text.codePoints().forEach(cp -> {
                if (cp < 0x80) {
                    out.write(cp);
                } else if (cp < 0x800) {
                    out.write(0xC0 | cp >> 6);
                    out.write(0x80 | cp & 0x3F);
                } else if (cp < 0x10000) {
                    out.write(0xE0 | cp >> 12);
                    out.write(0x80 | cp >> 6 & 0x3F);
                    out.write(0x80 | cp & 0x3F);
                } else {
                    out.write(0xF0 | cp >> 18);
                    out.write(0x80 | cp >> 12 & 0x3F);
                    out.write(0x80 | cp >> 6 & 0x3F);
                    out.write(0x80 | cp & 0x3F);
                }
            });
            return out.toByteArray();
        }
    }

    public IncomingMessage read(Exchange exchange) throws JMSException {
        Message jms = exchange.getIn(JmsMessage.class).getJmsMessage();
        if (!(jms instanceof ActiveMQMessage artemis)) {
            throw new IllegalStateException("not an Artemis message: " + jms.getClass().getName());
        }
        var core = artemis.getCoreMessage();
        byte[] body;
        boolean text;
        if (jms instanceof TextMessage textMessage) {
            String value = textMessage.getText();
            body = value == null ? new byte[0] : utf8(value);
            text = true;
        } else if (jms instanceof BytesMessage bytesMessage) {
            bytesMessage.reset();
            body = new byte[Math.toIntExact(bytesMessage.getBodyLength())];
            bytesMessage.readBytes(body);
            text = false;
        } else {
            // Map, object or empty messages carry no JSON text: validation rejects the empty body.
            body = new byte[0];
            text = false;
        }
        int deliveryCount = jms.propertyExists("JMSXDeliveryCount") ? jms.getIntProperty("JMSXDeliveryCount") : 1;
        String address = core.getAddress();
        String key = "amq:" + core.getMessageID();
        String sender = core.getValidatedUserID();
        IncomingMessage.Replay replay = null;
        // Only the hub's account may speak for another sender: the broker stamps the validated user (an agency
        // cannot forge it), and only agencies and the hub may send to the inbound addresses.
        if (hubUser.equals(sender) && jms.propertyExists(IncomingMessage.Replay.SENDER)
                && jms.propertyExists(IncomingMessage.Replay.OF) && jms.propertyExists(IncomingMessage.Replay.COUNT)) {
            replay = new IncomingMessage.Replay(jms.getIntProperty(IncomingMessage.Replay.COUNT), key);
            sender = jms.getStringProperty(IncomingMessage.Replay.SENDER);
            key = jms.getStringProperty(IncomingMessage.Replay.OF);
        }
        return new IncomingMessage(body, key, sender, deliveryCount, address, text, replay);
    }
}
