package org.rujuk.hub.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.rujuk.contract.RejectionError;
import org.rujuk.hub.config.AgencyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses a message: the rejection notice to its sender, and a line in the rejection log the coordinators' view
 * counts (sender, type, the first problem in the hub's own words; never the message's content). The log is
 * statistics: if it cannot be written the sender is still answered.
 */
@Component
public class Rejections {

    private static final Logger log = LoggerFactory.getLogger(Rejections.class);

    private final Notices notices;
    private final AgencyDirectory agencies;
    private final JdbcClient jdbc;

    public Rejections(Notices notices, AgencyDirectory agencies, JdbcClient jdbc) {
        this.notices = notices;
        this.agencies = agencies;
        this.jdbc = jdbc;
    }

    /**
     * Every refusal goes to the inbox of the account that sent the message; an account that is not an agency has
     * none, so its message cannot be answered and goes to the dead-letter address instead.
     */
    public void requireAnswerable(IncomingMessage incoming) {
        if (!agencies.isAgency(incoming.validatedUser())) {
            throw new UnanswerableMessageException("sent by broker account '" + incoming.validatedUser()
                    + "', which is not an agency and has no inbox for an answer");
        }
    }

    public Notice reject(IncomingMessage incoming, String rejectedType, UUID referralId,
            List<RejectionError> errors, OffsetDateTime now) {
        log.info("rejected message {} from {} (referral {}): {} problem(s)", incoming.messageKey(),
                incoming.validatedUser(), referralId, errors.size());
        try {
            var first = errors.get(0);
            jdbc.sql("""
                    insert into rejection_log (message_key, at, agency, rejected_type, error_count, first_pointer,
                        first_reason)
                    values (:key, :at, :agency, :type, :count, :pointer, :reason)
                    on conflict do nothing""")
                    .param("key", incoming.messageKey()).param("at", now).param("agency", incoming.validatedUser())
                    .param("type", rejectedType).param("count", errors.size())
                    .param("pointer", truncate(first.pointer(), 256)).param("reason", truncate(first.message(), 500))
                    .update();
        } catch (RuntimeException e) {
            log.warn("could not log the rejection of message {}: {}", incoming.messageKey(), e.getMessage());
        }
        return notices.rejection(incoming, rejectedType, referralId, errors, now);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
