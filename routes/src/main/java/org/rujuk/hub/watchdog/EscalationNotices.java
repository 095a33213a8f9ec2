package org.rujuk.hub.watchdog;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.rujuk.contract.Category;
import org.rujuk.contract.ChildRole;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.Escalation;
import org.rujuk.contract.Priority;
import org.rujuk.contract.Reminder;
import org.rujuk.hub.config.AgencyDirectory;
import org.rujuk.hub.config.HubProperties;
import org.rujuk.hub.deadline.ClockRecord;
import org.rujuk.hub.ledger.HandoffRecord;
import org.rujuk.hub.messaging.Notice;
import org.springframework.stereotype.Component;

/**
 * What the hub announces when a hand-off becomes stuck: an {@code escalation} on the coordinators' multicast
 * address, a {@code reminder} to the agency that must act and a copy to the other party. The duplicate ids name
 * the referral, the clock and the level, so each is announced once however often the watchdog retries.
 */
@Component
class EscalationNotices {

    private final ContractValidator contract;
    private final AgencyDirectory agencies;
    private final String escalations;

    EscalationNotices(ContractValidator contract, AgencyDirectory agencies, HubProperties properties) {
        this.contract = contract;
        this.agencies = agencies;
        this.escalations = properties.addresses().escalations();
    }

    List<Notice> of(HandoffRecord handoff, ClockRecord clock, String label, String source, int level,
            OffsetDateTime now) {
        OffsetDateTime levelDue = level == 1 ? clock.dueAt() : clock.level2At();
        // How late this level is (the schema's escalatedAt - dueAt); never negative, even if clocks disagree.
        Duration late = Duration.between(levelDue, now);
        String overdueBy = (late.isNegative() ? Duration.ZERO : late).toString();
        var escalation = Escalation.of(handoff.referralId(), handoff.fromAgency(), handoff.toAgency(),
                clock.mustAct(), handoff.state(), clock.clockId(), label, source, clock.startedAt(), levelDue, now,
                overdueBy, level, Priority.fromWire(handoff.priority()), ChildRole.fromWire(handoff.childRole()),
                Category.fromWire(handoff.category()));
        String id = handoff.referralId() + ":" + clock.clockId() + ":" + level;
        String other = handoff.otherParty(clock.mustAct());
        return List.of(
                new Notice(Notice.topic(escalations), "escalation", handoff.referralId(), "escalation:" + id,
                        contract.write(escalation)),
                reminder(handoff, clock, label, source, level, levelDue, now, clock.mustAct(), false, id),
                reminder(handoff, clock, label, source, level, levelDue, now, other, true, id));
    }

    private Notice reminder(HandoffRecord handoff, ClockRecord clock, String label, String source, int level,
            OffsetDateTime levelDue, OffsetDateTime now, String recipient, boolean copy, String id) {
        var reminder = Reminder.of(handoff.referralId(), handoff.fromAgency(), handoff.toAgency(), clock.mustAct(),
                handoff.state(), clock.clockId(), label, source, levelDue, now, level, copy);
        return new Notice(Notice.queue(agencies.inboxOf(recipient)), "reminder", handoff.referralId(),
                "reminder:" + id + ":" + recipient, contract.write(reminder));
    }
}
