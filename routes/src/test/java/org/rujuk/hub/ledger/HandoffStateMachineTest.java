package org.rujuk.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rujuk.contract.HandoffState.ACCEPTED;
import static org.rujuk.contract.HandoffState.COMPLETED;
import static org.rujuk.contract.HandoffState.DECLINED;
import static org.rujuk.contract.HandoffState.IN_PROGRESS;
import static org.rujuk.contract.HandoffState.RECEIVED;
import static org.rujuk.contract.HandoffState.SUBMITTED;
import static org.rujuk.contract.HandoffState.WITHDRAWN;
import static org.rujuk.hub.ledger.HandoffStateMachine.Reporter.RECEIVER;
import static org.rujuk.hub.ledger.HandoffStateMachine.Reporter.SENDER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rujuk.contract.HandoffState;
import org.rujuk.hub.ledger.HandoffStateMachine.Decision;

class HandoffStateMachineTest {

    @Test
    void walksTheHappyPathOneStateAtATime() {
        assertThat(HandoffStateMachine.decide(SUBMITTED, RECEIVED, RECEIVER)).isEqualTo(enter(RECEIVED));
        assertThat(HandoffStateMachine.decide(RECEIVED, ACCEPTED, RECEIVER)).isEqualTo(enter(ACCEPTED));
        assertThat(HandoffStateMachine.decide(ACCEPTED, IN_PROGRESS, RECEIVER)).isEqualTo(enter(IN_PROGRESS));
        assertThat(HandoffStateMachine.decide(IN_PROGRESS, COMPLETED, RECEIVER)).isEqualTo(enter(COMPLETED));
        assertThat(HandoffStateMachine.decide(RECEIVED, DECLINED, RECEIVER)).isEqualTo(enter(DECLINED));
    }

    @Test
    void aLaterStateImpliesTheOnesBeforeIt() {
        assertThat(HandoffStateMachine.decide(SUBMITTED, ACCEPTED, RECEIVER)).isEqualTo(enter(RECEIVED, ACCEPTED));
        assertThat(HandoffStateMachine.decide(SUBMITTED, DECLINED, RECEIVER)).isEqualTo(enter(RECEIVED, DECLINED));
        assertThat(HandoffStateMachine.decide(SUBMITTED, COMPLETED, RECEIVER))
                .isEqualTo(enter(RECEIVED, ACCEPTED, IN_PROGRESS, COMPLETED));
        assertThat(HandoffStateMachine.decide(RECEIVED, IN_PROGRESS, RECEIVER))
                .isEqualTo(enter(ACCEPTED, IN_PROGRESS));
    }

    @ParameterizedTest
    @CsvSource({"received", "accepted", "declined", "in_progress", "completed", "withdrawn"})
    void theCurrentStateAgainIsARepeat(String state) {
        HandoffState current = HandoffState.fromWire(state);
        var reporter = current == WITHDRAWN ? SENDER : RECEIVER;
        assertThat(HandoffStateMachine.decide(current, current, reporter)).isInstanceOf(Decision.Repeat.class);
    }

    @ParameterizedTest
    @CsvSource({
            "accepted,received", "in_progress,accepted", "in_progress,received", "completed,in_progress",
            "accepted,declined", "in_progress,declined", "declined,accepted", "declined,completed",
            "completed,accepted", "withdrawn,received", "withdrawn,accepted"})
    void refusesMovesBackwardsSidewaysAndOutOfAFinalState(String current, String reported) {
        assertThat(HandoffStateMachine.decide(HandoffState.fromWire(current), HandoffState.fromWire(reported),
                RECEIVER)).isInstanceOfSatisfying(Decision.Refuse.class,
                        refuse -> assertThat(refuse.pointer()).isEqualTo("/status"));
    }

    @ParameterizedTest
    @CsvSource({"submitted", "received", "accepted", "in_progress"})
    void theSenderMayWithdrawBeforeTheEnd(String current) {
        assertThat(HandoffStateMachine.decide(HandoffState.fromWire(current), WITHDRAWN, SENDER))
                .isEqualTo(enter(WITHDRAWN));
    }

    @ParameterizedTest
    @CsvSource({"completed", "declined"})
    void theSenderMayNotWithdrawAfterTheEnd(String current) {
        assertThat(HandoffStateMachine.decide(HandoffState.fromWire(current), WITHDRAWN, SENDER))
                .isInstanceOf(Decision.Refuse.class);
    }

    @Test
    void eachSideReportsOnlyItsOwnStates() {
        assertThat(HandoffStateMachine.decide(SUBMITTED, WITHDRAWN, RECEIVER)).isInstanceOf(Decision.Refuse.class);
        for (HandoffState state : List.of(RECEIVED, ACCEPTED, DECLINED, IN_PROGRESS, COMPLETED)) {
            assertThat(HandoffStateMachine.decide(SUBMITTED, state, SENDER)).isInstanceOf(Decision.Refuse.class);
        }
    }

    private static Decision enter(HandoffState... states) {
        return new Decision.Enter(List.of(states));
    }
}
