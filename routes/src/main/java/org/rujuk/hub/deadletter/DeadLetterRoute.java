package org.rujuk.hub.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.rujuk.hub.messaging.FailureReason;
import org.rujuk.hub.messaging.HubRouteConfiguration;
import org.rujuk.hub.messaging.HubTime;
import org.rujuk.hub.messaging.IncomingMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a message the hub could not process to the dead-letter address, with its reason, sender, original
 * address, attempt count, replay count and referral id (when its body names one) as message properties, inside the
 * transaction of the consumed message: the original is acknowledged only if the dead letter is stored. Route id:
 * {@code dead-letter}.
 */
@Component
class DeadLetterRoute extends RouteBuilder {

    private final Clock clock;
    private final JdbcClient jdbc;

    DeadLetterRoute(Clock clock, JdbcClient jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public void configure() {
        from(HubRouteConfiguration.DEAD_LETTER)
                .routeId("dead-letter")
                .process(this::toDeadLetter)
                .to("jms:queue:{{rujuk.addresses.dead}}")
                .process(this::logDeadLetter)
                .log(LoggingLevel.WARN, "dead-lettered message ${header.rujukMessageKey} from "
                        + "${header.rujukSender} on ${header.rujukOriginalAddress} (replay ${header.rujukReplayCount}): "
                        + "${header.rujukDeadReason}");
    }

    private void toDeadLetter(Exchange exchange) {
        var incoming = exchange.getProperty(IncomingMessage.PROPERTY, IncomingMessage.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        var in = exchange.getIn();
        in.removeHeaders("*");
        in.setHeader("rujukType", "dead-letter");
        in.setHeader("rujukDeadReason", FailureReason.of(cause));
        in.setHeader("rujukDeadAt", HubTime.now(clock).toString());
        if (incoming != null) {
            // A replay keeps the original's key and sender (see IncomingMessage): the dead letter it may become
            // again is the same message, one replay further.
            in.setHeader("rujukMessageKey", incoming.messageKey());
            in.setHeader("rujukSender", incoming.validatedUser());
            in.setHeader("rujukOriginalAddress", incoming.address());
            in.setHeader("rujukDeliveryCount", incoming.deliveryCount());
            in.setHeader(DeadLetters.REPLAY_COUNT, incoming.replayCount());
            UUID referralId = ReferralIdReader.of(incoming.body());
            if (referralId != null) {
                in.setHeader("referralId", referralId.toString());
            }
            in.setHeader("_AMQ_DUPL_ID", DeadLetters.duplicateId(incoming.messageKey(), incoming.replayCount()));
            in.setBody(incoming.text() ? new String(incoming.body(), StandardCharsets.UTF_8)
                    : textIfUtf8(incoming.body()));
        }
        // Without an IncomingMessage the failure came before the body was read: the body is still the original.
    }

    /**
     * Counts the dead letter for the coordinators' view and the triage. The dead letter itself is on the broker; the
     * database may be the very thing that failed, so a failure to count it must not stop it. A replay that failed
     * again makes its row dead again, one replay further; a redelivery of the same dead-lettering changes nothing.
     */
    private void logDeadLetter(Exchange exchange) {
        var in = exchange.getIn();
        String key = in.getHeader("rujukMessageKey", String.class);
        if (key == null) {
            return;
        }
        try {
            var params = new HashMap<String, Object>();
            params.put("key", key);
            params.put("at", HubTime.now(clock));
            params.put("sender", in.getHeader("rujukSender", String.class));
            params.put("address", in.getHeader("rujukOriginalAddress", String.class));
            params.put("reason", in.getHeader("rujukDeadReason", String.class));
            String referralId = in.getHeader("referralId", String.class);
            params.put("referral", referralId == null ? null : UUID.fromString(referralId));
            params.put("attempts", in.getHeader("rujukDeliveryCount", Integer.class));
            params.put("replays", in.getHeader(DeadLetters.REPLAY_COUNT, Integer.class));
            // Update, else insert: H2 (the embedded default) has no ON CONFLICT DO UPDATE.
            int updated = jdbc.sql("""
                    update dead_letter_log set at = :at, reason = :reason, delivery_count = :attempts,
                        replay_count = :replays, status = 'dead', handled_at = null, handled_by = null
                    where message_key = :key and replay_count < :replays""").params(params).update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into dead_letter_log (message_key, at, sender, original_address, reason, referral_id,
                            delivery_count, replay_count, status)
                        values (:key, :at, :sender, :address, :reason, :referral, :attempts, :replays, 'dead')
                        on conflict do nothing""").params(params).update();
            }
        } catch (RuntimeException e) {
            log.warn("could not count dead letter {}: {}", key, e.getMessage());
        }
    }

    /** Keeps text as text so an administrator can read and replay it; anything else stays bytes. */
    private static Object textIfUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return body;
        }
    }
}
