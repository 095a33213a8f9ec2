package org.rujuk.hub.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The pack a coordinator brings to a coordination meeting: what is stuck now, grouped by the agency that must act
 * (most legally urgent and oldest first), and what the previous meeting decided and whether it was kept. Routing
 * metadata only: the case reference is the sender's case number, never the child's identity.
 *
 * @param previousMeeting the last meeting before {@code date} that recorded decisions, or {@code null}
 */
record MeetingPack(LocalDate date, OffsetDateTime generatedAt, LocalDate previousMeeting, List<AgencyGroup> groups,
        List<PastDecision> previousDecisions) {

    int itemCount() {
        return groups.stream().mapToInt(g -> g.items().size()).sum();
    }

    /** Every referral the pack names, agenda first, in order, once each. */
    java.util.Set<UUID> referralIds() {
        var ids = new java.util.LinkedHashSet<UUID>();
        groups.forEach(g -> g.items().forEach(item -> ids.add(item.referralId())));
        previousDecisions.forEach(d -> ids.add(d.decision().referralId()));
        return ids;
    }

    long referralCount() {
        return groups.stream().flatMap(g -> g.items().stream()).map(AgendaItem::referralId).distinct().count();
    }

    /** The stuck clocks one agency must act on. */
    record AgencyGroup(String agency, String name, List<AgendaItem> items) {
    }

    /**
     * One stuck clock of one hand-off.
     *
     * @param source the legal source; {@code null} for operational deadlines and meeting decisions
     * @param previousDecision what the previous meeting decided about this hand-off, or {@code null}
     */
    record AgendaItem(String caseRef, UUID referralId, String from, String to, String mustAct, String state,
            String priority, String deadline, String label, String source, OffsetDateTime dueAt, Duration lateBy,
            int level, PastDecision previousDecision) {

        boolean legal() {
            return source != null;
        }

        /** Whole days since the deadline passed. */
        long daysLate() {
            return lateBy.toDays();
        }
    }

    /** A decision of the previous meeting, whether it was kept, and the hand-off it is about as it is now. */
    record PastDecision(MeetingDecision decision, Kept kept, String caseRef, String from, String to, String state,
            String deadlineLabel, boolean stillStuck) {
    }
}
