package org.rujuk.hub.deadline;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.rujuk.contract.HandoffState;
import org.rujuk.contract.Priority;
import org.rujuk.hub.deadline.LegalClockProperties.Actor;
import org.rujuk.hub.deadline.LegalClockProperties.Start;
import org.rujuk.hub.ledger.HandoffRecord;

/**
 * One kind of deadline a hand-off can run against: an operational one ({@code receive}, {@code answer},
 * {@code progress}) or a legal clock. It starts at an event, may restart at later states, is met by reaching one
 * of {@code endsAt} (or any final state), and is late once {@code duration} has passed since it started.
 *
 * @param source the legal source, or {@code null} for operational deadlines
 */
public record ClockDefinition(
        String id,
        String label,
        String source,
        Start startsAt,
        Set<HandoffState> restartsAt,
        Set<HandoffState> endsAt,
        Function<Priority, Duration> duration,
        Actor actor,
        Predicate<HandoffRecord> appliesTo) {

    public Duration durationFor(HandoffRecord handoff) {
        return duration.apply(Priority.fromWire(handoff.priority()));
    }

    /** The agency that must act for this clock to be met. */
    public String mustAct(HandoffRecord handoff) {
        return actor == Actor.SENDER ? handoff.fromAgency() : handoff.toAgency();
    }
}
