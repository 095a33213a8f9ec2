package org.rujuk.hub.audit;

/** What an audit entry records; {@link #wire()} is what the log stores and the evidence export shows. */
public enum AuditAction {
    REFERRAL_RECORDED("referral-recorded"),
    STATE_ENTERED("state-entered"),
    MESSAGE_REJECTED("message-rejected"),
    ESCALATED("escalated"),
    DECISION_RECORDED("decision-recorded"),
    REFERRAL_VIEWED("referral-viewed"),
    TIMELINE_VIEWED("timeline-viewed"),
    MEETING_PACK_EXPORTED("meeting-pack-exported"),
    EVIDENCE_EXPORTED("evidence-exported"),
    HANDOFF_DELETED("handoff-deleted"),
    DEAD_LETTER_PURGED("dead-letter-purged"),
    DEAD_LETTER_BODY_VIEWED("dead-letter-body-viewed"),
    DEAD_LETTER_REPLAYED("dead-letter-replayed"),
    DEAD_LETTER_DISCARDED("dead-letter-discarded");

    private final String wire;

    AuditAction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
