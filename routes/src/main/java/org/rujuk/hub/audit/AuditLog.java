package org.rujuk.hub.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the audit chain: a referral's entries, a page of the chain, the head, and who touched what. */
@Repository
class AuditLog {

    /** The last appended entry, as the head row records it. */
    record Head(long seq, String hash) {
    }

    /** A referral an actor touched in a period: how often and when first and last. */
    record Touched(UUID referralId, long entries, OffsetDateTime firstAt, OffsetDateTime lastAt, List<String> actions) {
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Head head() {
        return jdbc.sql("select seq, hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"))).single();
    }

    /** Up to {@code limit} entries after {@code afterSeq} and not after {@code untilSeq}, in order. */
    List<AuditEntry> page(long afterSeq, long untilSeq, int limit) {
        return jdbc.sql("""
                select * from audit_log where seq > :after and seq <= :until order by seq
                fetch first :limit rows only""")
                .param("after", afterSeq).param("until", untilSeq).param("limit", limit)
                .query(AuditLog::map).list();
    }

    List<AuditEntry> ofReferral(UUID referralId) {
        return jdbc.sql("select * from audit_log where referral_id = :id order by seq")
                .param("id", referralId).query(AuditLog::map).list();
    }

    /** The breach-response question: which referrals did this actor touch in [from, to)? (Also in the README.) */
    List<Touched> touched(String actor, OffsetDateTime from, OffsetDateTime to) {
        var rows = jdbc.sql("""
                select referral_id, count(*) as entries, min(at) as first_at, max(at) as last_at
                from audit_log
                where actor = :actor and at >= :from and at < :to and referral_id is not null
                group by referral_id
                order by min(at), referral_id""")
                .param("actor", actor).param("from", from).param("to", to)
                .query((rs, n) -> new Touched(rs.getObject("referral_id", UUID.class), rs.getLong("entries"),
                        rs.getObject("first_at", OffsetDateTime.class), rs.getObject("last_at", OffsetDateTime.class),
                        List.of()))
                .list();
        return rows.stream().map(t -> new Touched(t.referralId(), t.entries(), t.firstAt(), t.lastAt(),
                jdbc.sql("""
                        select distinct action from audit_log
                        where actor = :actor and at >= :from and at < :to and referral_id = :id order by action""")
                        .param("actor", actor).param("from", from).param("to", to).param("id", t.referralId())
                        .query(String.class).list()))
                .toList();
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                rs.getString("action"), rs.getObject("referral_id", UUID.class), rs.getString("detail"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
