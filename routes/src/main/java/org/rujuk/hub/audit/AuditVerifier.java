package org.rujuk.hub.audit;

import org.springframework.stereotype.Component;

/**
 * Walks the audit chain from the first entry to the head and names the first entry that is not what the chain
 * says it should be: missing (a gap in the sequence, or the head pointing past the last entry), linked to a
 * different previous hash, or carrying a hash its own fields do not give. Entries appended while it walks are
 * left for the next run: it reads the head first and checks up to there.
 */
@Component
public class AuditVerifier {

    /** What a walk found; {@code brokenSeq} and {@code problem} are {@code null} when the chain is intact. */
    public record Verification(boolean intact, long checked, long headSeq, Long brokenSeq, String problem,
            String explanation) {

        public String summary() {
            return intact ? "audit chain intact: " + checked + " entries, head " + headSeq
                    : "audit chain BROKEN at entry " + brokenSeq + ": " + problem + " (" + explanation + "); "
                            + checked + " entries checked before it";
        }
    }

    static final String GAP = "gap";
    static final String PREVIOUS_HASH_MISMATCH = "previous-hash mismatch";
    static final String HASH_MISMATCH = "hash mismatch";
    private static final int PAGE = 1000;

    private final AuditLog log;

    AuditVerifier(AuditLog log) {
        this.log = log;
    }

    public Verification verify() {
        var head = log.head();
        long expected = 1;
        String previous = AuditHash.GENESIS;
        long checked = 0;
        while (expected <= head.seq()) {
            var page = log.page(expected - 1, head.seq(), PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry entry : page) {
                if (entry.seq() != expected) {
                    return broken(checked, head, expected, GAP, "entry " + expected + " is missing; the next entry "
                            + "is " + entry.seq());
                }
                if (!entry.prevHash().equals(previous)) {
                    return broken(checked, head, expected, PREVIOUS_HASH_MISMATCH, "it names " + entry.prevHash()
                            + " as the previous hash, but entry " + (expected - 1) + " hashes to " + previous);
                }
                if (!entry.hashMatches()) {
                    return broken(checked, head, expected, HASH_MISMATCH, "stored " + entry.hash()
                            + ", its fields give " + AuditHash.of(entry.seq(), entry.at(), entry.actor(),
                            entry.action(), entry.referralId(), entry.detail(), entry.prevHash()));
                }
                previous = entry.hash();
                expected++;
                checked++;
            }
        }
        if (expected <= head.seq()) {
            return broken(checked, head, expected, GAP, "entries " + expected + " to " + head.seq()
                    + " are missing; the chain head records " + head.seq() + " entries");
        }
        if (!head.hash().equals(previous)) {
            return broken(checked, head, head.seq(), HASH_MISMATCH, "the chain head records " + head.hash()
                    + " as the hash of entry " + head.seq() + ", the chain gives " + previous);
        }
        return new Verification(true, checked, head.seq(), null, null, null);
    }

    private static Verification broken(long checked, AuditLog.Head head, long seq, String problem, String why) {
        return new Verification(false, checked, head.seq(), seq, problem, why);
    }
}
