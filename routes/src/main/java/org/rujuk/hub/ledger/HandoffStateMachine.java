package org.rujuk.hub.ledger;

import static org.rujuk.contract.HandoffState.ACCEPTED;
import static org.rujuk.contract.HandoffState.COMPLETED;
import static org.rujuk.contract.HandoffState.DECLINED;
import static org.rujuk.contract.HandoffState.IN_PROGRESS;
import static org.rujuk.contract.HandoffState.RECEIVED;
import static org.rujuk.contract.HandoffState.SUBMITTED;
import static org.rujuk.contract.HandoffState.WITHDRAWN;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rujuk.contract.HandoffState;

/**
 * The contract's hand-off states: {@code submitted -> received -> accepted | declined}, {@code accepted ->
 * in_progress -> completed}, {@code withdrawn} by the sender from any state before {@code completed} or
 * {@code declined}. A status for a later state implies the states before it; the same status as the current
 * state is a no-op; a move backwards, sideways or out of a final state is refused.
 */
public final class HandoffStateMachine {

    /** Which side of the referral reported the status. */
    public enum Reporter { SENDER, RECEIVER }

    /** What to do with a reported status. */
    public sealed interface Decision {
        /** Enter these states, in order; all but the last are implied. */
        record Enter(List<HandoffState> states) implements Decision {
        }

        /** The referral is already in the reported state: no record, no notice. */
        record Repeat() implements Decision {
        }

        /** Refused; the message says what the sender can do about it. */
        record Refuse(String pointer, String message) implements Decision {
        }
    }

    private static final Set<HandoffState> FINAL = Set.of(DECLINED, COMPLETED, WITHDRAWN);

    /** The forward path that ends in each state a receiver may report. */
    private static final Map<HandoffState, List<HandoffState>> PATH_TO = Map.of(
            RECEIVED, List.of(RECEIVED),
            ACCEPTED, List.of(RECEIVED, ACCEPTED),
            DECLINED, List.of(RECEIVED, DECLINED),
            IN_PROGRESS, List.of(RECEIVED, ACCEPTED, IN_PROGRESS),
            COMPLETED, List.of(RECEIVED, ACCEPTED, IN_PROGRESS, COMPLETED));

    private HandoffStateMachine() {
    }

    public static boolean isFinal(HandoffState state) {
        return FINAL.contains(state);
    }

    public static Decision decide(HandoffState current, HandoffState reported, Reporter reporter) {
        if (reported == WITHDRAWN && reporter != Reporter.SENDER) {
            return new Decision.Refuse("/status", "only the agency that sent the referral may withdraw it");
        }
        if (reported != WITHDRAWN && reporter != Reporter.RECEIVER) {
            return new Decision.Refuse("/status", "only the agency the referral was sent to reports "
                    + reported.wire() + "; the sending agency may only send withdrawn");
        }
        if (reported == current) {
            return new Decision.Repeat();
        }
        if (isFinal(current)) {
            return new Decision.Refuse("/status", "the referral is already " + current.wire()
                    + ", a final state; it takes no further status");
        }
        if (reported == WITHDRAWN) {
            return new Decision.Enter(List.of(WITHDRAWN));
        }
        List<HandoffState> path = PATH_TO.get(reported);
        if (path == null) {
            return new Decision.Refuse("/status", reported.wire() + " cannot be reported");
        }
        if (current == SUBMITTED) {
            return new Decision.Enter(path);
        }
        int at = path.indexOf(current);
        if (at < 0) {
            return new Decision.Refuse("/status", "the referral is already " + current.wire()
                    + "; it cannot move to " + reported.wire());
        }
        return new Decision.Enter(path.subList(at + 1, path.size()));
    }
}
