package org.rujuk.hub.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.rujuk.hub.messaging.HubTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the audit chain. {@link #append} joins the caller's transaction, so the entries commit or roll back
 * with the change they record; it locks the chain head until that transaction ends, so callers append last, just
 * before they commit, to keep hub instances waiting on each other as briefly as possible. {@link #accessed}
 * records a look at or an export of data in a transaction of its own.
 */
@Component
public class AuditTrail {

    /** An entry to append: who did what to which referral (or none), with a detail naming ids and states only. */
    public record Draft(String actor, AuditAction action, UUID referralId, String detail) {
    }

    /** The actor of what the hub does on its own (escalations, retention). */
    public static final String HUB = "hub";

    static final int MAX_DETAIL = 500;
    static final int MAX_ACTOR = 64;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void append(String actor, AuditAction action, UUID referralId, String detail) {
        append(List.of(new Draft(actor, action, referralId, detail)));
    }

    /** Appends the entries, in order, in the caller's transaction (there must be one). */
    public void append(Collection<Draft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("audit entries are appended in the transaction of the change they record");
        }
        // The lock that makes the chain one line, held to the end of the caller's transaction.
        var head = jdbc.sql("select seq, hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0];
        String previous = (String) head[1];
        OffsetDateTime at = HubTime.now(clock);
        for (Draft draft : drafts) {
            seq++;
            String actor = clean(draft.actor(), MAX_ACTOR);
            String detail = clean(draft.detail(), MAX_DETAIL);
            String action = draft.action().wire();
            String hash = AuditHash.of(seq, at, actor, action, draft.referralId(), detail, previous);
            jdbc.sql("""
                    insert into audit_log (seq, at, actor, action, referral_id, detail, prev_hash, hash)
                    values (:seq, :at, :actor, :action, :referral, :detail, :prev, :hash)""")
                    .param("seq", seq).param("at", at).param("actor", actor).param("action", action)
                    .param("referral", draft.referralId()).param("detail", detail).param("prev", previous)
                    .param("hash", hash)
                    .update();
            previous = hash;
        }
        jdbc.sql("update audit_chain_head set seq = :seq, hash = :hash where id = 1")
                .param("seq", seq).param("hash", previous).update();
    }

    /**
     * Records that {@code actor} looked at or exported data about these referrals (one entry each; one entry
     * without a referral when there are none), in a transaction of its own: the look is the change recorded.
     */
    public void accessed(String actor, AuditAction action, Collection<UUID> referralIds, String detail) {
        var drafts = new ArrayList<Draft>();
        for (UUID id : referralIds) {
            drafts.add(new Draft(actor, action, id, detail));
        }
        if (drafts.isEmpty()) {
            drafts.add(new Draft(actor, action, null, detail));
        }
        transactions.executeWithoutResult(tx -> append(drafts));
    }

    /** No line breaks or other control characters (the hash recipe is line-based), and within the column. */
    static String clean(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= max ? flat : flat.substring(0, max);
    }
}
