package org.rujuk.hub.watchdog;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import org.apache.camel.ProducerTemplate;
import org.rujuk.hub.audit.AuditAction;
import org.rujuk.hub.audit.AuditTrail;
import org.rujuk.hub.deadline.ClockCatalog;
import org.rujuk.hub.deadline.ClockLedger;
import org.rujuk.hub.deadline.ClockRecord;
import org.rujuk.hub.deadline.WatchdogProperties;
import org.rujuk.hub.ledger.HandoffLedger;
import org.rujuk.hub.messaging.HubTime;
import org.rujuk.hub.messaging.NoticeSenderRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the clocks whose next escalation is due and announces each once: level 1 at the deadline, level 2 at
 * twice the deadline. Each batch runs in one database transaction that locks its clock rows ({@code FOR UPDATE
 * SKIP LOCKED}), so hub instances running side by side never work on the same clock at once. The announcements
 * are sent (each committed on its own, with a stable duplicate id) before the escalation is recorded, so a crash
 * in between only repeats sends the broker recognises and drops.
 */
@Component
public class Watchdog {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);
    private static final int MAX_ROUNDS = 1000;

    private final ClockLedger clocks;
    private final HandoffLedger ledger;
    private final ClockCatalog catalog;
    private final EscalationNotices notices;
    private final ProducerTemplate producer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final AuditTrail audit;

    Watchdog(ClockLedger clocks, HandoffLedger ledger, ClockCatalog catalog, EscalationNotices notices,
            ProducerTemplate producer, TransactionTemplate transactions, Clock clock, WatchdogProperties properties,
            AuditTrail audit) {
        this.audit = audit;
        this.clocks = clocks;
        this.ledger = ledger;
        this.catalog = catalog;
        this.notices = notices;
        this.producer = producer;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = properties.batchSize();
    }

    /** Announces every escalation that is due now; returns how many it announced. */
    public int runOnce() {
        int total = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Integer escalated = transactions.execute(status -> escalateBatch(HubTime.now(clock)));
            if (escalated == null || escalated == 0) {
                break;
            }
            total += escalated;
        }
        return total;
    }

    private int escalateBatch(OffsetDateTime now) {
        var due = clocks.lockDue(now, batchSize);
        var audited = new ArrayList<AuditTrail.Draft>();
        for (ClockRecord late : due) {
            var handoff = ledger.record(late.referralId()).orElseThrow();
            String label = catalog.labelOf(late.clockId());
            String source = catalog.sourceOf(late.clockId());
            int level = late.level() + 1;
            producer.sendBody(NoticeSenderRoute.SEND_NOTICES_NOW,
                    notices.of(handoff, late, label, source, level, now));
            if (clocks.escalated(late, level, now)) {
                audited.add(new AuditTrail.Draft(AuditTrail.HUB, AuditAction.ESCALATED, late.referralId(),
                        "clock=" + late.clockId() + " level=" + level + " must-act=" + late.mustAct()));
            }
            log.info("referral {} is stuck on {} (level {}, {} late; {} must act)", late.referralId(),
                    late.clockId(), level, Duration.between(late.dueAt(), now), late.mustAct());
        }
        // Last in the batch's transaction: the chain's lock is held only for the commit.
        audit.append(audited);
        return due.size();
    }
}
