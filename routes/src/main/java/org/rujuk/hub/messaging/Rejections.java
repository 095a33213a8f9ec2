package org.rujuk.hub.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.rujuk.contract.RejectionError;
import org.rujuk.hub.audit.AuditAction;
import org.rujuk.hub.audit.AuditTrail;
import org.rujuk.hub.config.AgencyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refuses a message: the rejection notice to its sender, and a line in the rejection log the coordinators' view
 * counts (sender, type, the first problem in the hub's own words; never the message's content), with its audit
 * entry in the same database transaction. Every rejection is audited, so a failure to write them is a technical
 * failure like any other ledger failure: the message is rolled back and retried, and dead-lettered in the end.
 * A redelivered message finds its line already there and appends nothing.
 */
@Component
public class Rejections {

    private static final Logger log = LoggerFactory.getLogger(Rejections.class);

    private final Notices notices;
    private final AgencyDirectory agencies;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    public Rejections(Notices notices, AgencyDirectory agencies, JdbcClient jdbc, TransactionTemplate transactions,
            AuditTrail audit) {
        this.notices = notices;
        this.agencies = agencies;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
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
        var first = errors.get(0);
        transactions.executeWithoutResult(tx -> {
            int logged = jdbc.sql("""
                    insert into rejection_log (message_key, at, agency, rejected_type, error_count, first_pointer,
                        first_reason)
                    values (:key, :at, :agency, :type, :count, :pointer, :reason)
                    on conflict do nothing""")
                    .param("key", incoming.messageKey()).param("at", now).param("agency", incoming.validatedUser())
                    .param("type", rejectedType).param("count", errors.size())
                    .param("pointer", truncate(first.pointer(), 256)).param("reason", truncate(first.message(), 500))
                    .update();
            if (logged == 1) {
                // Pointers and unknown types are left out: they are the sender's text, not the hub's.
                String type = "referral".equals(rejectedType) || "status".equals(rejectedType) ? rejectedType
                        : "other";
                audit.append(incoming.validatedUser(), AuditAction.MESSAGE_REJECTED, referralId,
                        "type=" + type + " errors=" + errors.size()
                                + " message=" + incoming.messageKey());
            }
        });
        return notices.rejection(incoming, rejectedType, referralId, errors, now);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
