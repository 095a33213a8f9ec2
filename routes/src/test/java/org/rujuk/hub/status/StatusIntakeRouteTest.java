package org.rujuk.hub.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.MessageType;
import org.rujuk.hub.AgencyClient;
import org.rujuk.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class StatusIntakeRouteTest extends HubIntegrationTest {

    private static final long WAIT = 10_000;

    @Autowired
    ContractValidator contract;

    @Autowired
    JdbcClient jdbc;

    @Test
    void announcesEachStateOfTheFullLoopToTheSenderOnce() throws Exception {
        try (var police = agency("police"); var social = agency("social")) {
            ObjectNode referral = submitted(police, social, "police", "social");
            for (String state : List.of("received", "accepted", "in_progress", "completed")) {
                social.sendText(statusIn(), status(referral, "social", state).toString());
                JsonNode notice = read(police.receive(inbox("police"), statusSelector(referral, state), WAIT));
                assertThat(contract.validate(MessageType.STATUS_NOTICE, notice)).isEmpty();
                assertThat(notice.get("implied").asBoolean()).isFalse();
                assertThat(notice.get("from").asText()).isEqualTo("social");
            }
            awaitIdle(statusIn());
            assertThat(police.drain(inbox("police"), selectorFor(referral))).isEmpty();
            assertThat(history(referral))
                    .containsExactly("submitted", "received", "accepted", "in_progress", "completed");
        }
    }

    @Test
    void acceptedBeforeReceivedImpliesReceived() throws Exception {
        try (var police = agency("police"); var social = agency("social")) {
            ObjectNode referral = submitted(police, social, "police", "social");
            social.sendText(statusIn(), status(referral, "social", "accepted").toString());

            JsonNode received = read(police.receive(inbox("police"), statusSelector(referral, "received"), WAIT));
            JsonNode accepted = read(police.receive(inbox("police"), statusSelector(referral, "accepted"), WAIT));
            assertThat(received.get("implied").asBoolean()).isTrue();
            assertThat(received.get("previousStatus").asText()).isEqualTo("submitted");
            assertThat(accepted.get("implied").asBoolean()).isFalse();
            assertThat(accepted.get("previousStatus").asText()).isEqualTo("received");
            assertThat(history(referral)).containsExactly("submitted", "received", "accepted");
        }
    }

    @Test
    void aLateReportOfAnImpliedStateIsANoOp() throws Exception {
        try (var police = agency("police"); var social = agency("social")) {
            ObjectNode referral = submitted(police, social, "police", "social");
            social.sendText(statusIn(), status(referral, "social", "accepted").toString());
            assertThat(police.receive(inbox("police"), statusSelector(referral, "accepted"), WAIT)).isNotNull();
            social.sendText(statusIn(), status(referral, "social", "received").toString());
            awaitIdle(statusIn());

            assertThat(social.drain(inbox("social"), "rujukType = 'rejection'")).isEmpty();
            assertThat(police.drain(inbox("police"), selectorFor(referral))).hasSize(1);
            assertThat(history(referral)).containsExactly("submitted", "received", "accepted");
        }
    }

    @Test
    void repeatedStatusIsANoOp() throws Exception {
        try (var police = agency("police"); var social = agency("social")) {
            ObjectNode referral = submitted(police, social, "police", "social");
            social.sendText(statusIn(), status(referral, "social", "received").toString());
            social.sendText(statusIn(), status(referral, "social", "received").toString());
            awaitIdle(statusIn());

            assertThat(police.drain(inbox("police"), selectorFor(referral))).hasSize(1);
            assertThat(social.drain(inbox("social"), "rujukType = 'rejection'")).isEmpty();
            assertThat(history(referral)).containsExactly("submitted", "received");
        }
    }

    /** A new report, later than the ones in the loop: not the same message sent again. */
    private static final String LATER = "2026-11-28T11:00:00+07:00";

    @Test
    void theSameStatusSentAgainAfterTheHandoffMovedOnIsAbsorbed() throws Exception {
        try (var police = agency("police"); var social = agency("social")) {
            ObjectNode referral = submitted(police, social, "police", "social");
            for (String state : List.of("received", "accepted", "in_progress", "completed")) {
                social.sendText(statusIn(), status(referral, "social", state).toString());
            }
            assertThat(police.receive(inbox("police"), statusSelector(referral, "completed"), WAIT)).isNotNull();
            // The agency could not tell whether its sends went through and sends the whole loop again.
            for (String state : List.of("received", "accepted", "in_progress", "completed")) {
                social.sendText(statusIn(), status(referral, "social", state).toString());
            }
            awaitIdle(statusIn());

            assertThat(social.drain(inbox("social"), "rujukType = 'rejection'")).isEmpty();
            assertThat(police.drain(inbox("police"), selectorFor(referral))).hasSize(3);
            assertThat(history(referral))
                    .containsExactly("submitted", "received", "accepted", "in_progress", "completed");
        }
    }

    @Test
    void refusesMovesBackwardsSidewaysAndOutOfAFinalState() throws Exception {
        try (var police = agency("police"); var social = agency("social")) {
            ObjectNode referral = submitted(police, social, "police", "social");
            social.sendText(statusIn(), status(referral, "social", "received").toString());
            assertThat(police.receive(inbox("police"), statusSelector(referral, "received"), WAIT)).isNotNull();
            social.sendText(statusIn(), status(referral, "social", "accepted").toString());
            assertThat(police.receive(inbox("police"), statusSelector(referral, "accepted"), WAIT)).isNotNull();

            for (String state : List.of("received", "declined")) {
                social.sendText(statusIn(), status(referral, "social", state).put("at", LATER).toString());
                JsonNode rejection = read(social.receive(inbox("social"), "rujukType = 'rejection'", WAIT));
                assertThat(pointers(rejection)).containsExactly("/status");
                assertThat(rejection.get("referralId").asText()).isEqualTo(referral.get("referralId").asText());
            }

            social.sendText(statusIn(), status(referral, "social", "completed").toString());
            assertThat(police.receive(inbox("police"), statusSelector(referral, "completed"), WAIT)).isNotNull();
            // accepted was reported, not implied: after completed it is a move out of a final state.
            social.sendText(statusIn(), status(referral, "social", "accepted").put("at", LATER).toString());
            JsonNode rejection = read(social.receive(inbox("social"), "rujukType = 'rejection'", WAIT));
            assertThat(rejection.get("errors").get(0).get("message").asText()).contains("final");
            assertThat(history(referral))
                    .containsExactly("submitted", "received", "accepted", "in_progress", "completed");
        }
    }

    @Test
    void refusesUpdatesFromAThirdPartyAndFromTheWrongSide() throws Exception {
        try (var police = agency("police"); var social = agency("social"); var health = agency("health")) {
            ObjectNode referral = submitted(police, social, "police", "social");

            health.sendText(statusIn(), status(referral, "health", "received").toString());
            assertThat(pointers(read(health.receive(inbox("health"), "rujukType = 'rejection'", WAIT))))
                    .containsExactly("/referralId");

            police.sendText(statusIn(), status(referral, "police", "accepted").toString());
            assertThat(pointers(read(police.receive(inbox("police"), "rujukType = 'rejection'", WAIT))))
                    .containsExactly("/status");

            social.sendText(statusIn(), status(referral, "social", "withdrawn").toString());
            assertThat(pointers(read(social.receive(inbox("social"), "rujukType = 'rejection'", WAIT))))
                    .containsExactly("/status");
            assertThat(history(referral)).containsExactly("submitted");
        }
    }

    @Test
    void requiresAReasonToDecline() throws Exception {
        try (var police = agency("police"); var social = agency("social")) {
            ObjectNode referral = submitted(police, social, "police", "social");
            ObjectNode declined = status(referral, "social", "declined");
            declined.remove("reason");
            social.sendText(statusIn(), declined.toString());

            assertThat(pointers(read(social.receive(inbox("social"), "rujukType = 'rejection'", WAIT))))
                    .containsExactly("/reason");
        }
    }

    @Test
    void letsTheSenderWithdrawUntilTheEnd() throws Exception {
        try (var police = agency("police"); var social = agency("social")) {
            ObjectNode referral = submitted(police, social, "police", "social");
            social.sendText(statusIn(), status(referral, "social", "received").toString());
            police.sendText(statusIn(), status(referral, "police", "withdrawn").toString());

            JsonNode withdrawn = read(social.receive(inbox("social"), statusSelector(referral, "withdrawn"), WAIT));
            assertThat(withdrawn.get("reason").asText()).isNotBlank();
            social.sendText(statusIn(), status(referral, "social", "accepted").toString());
            assertThat(pointers(read(social.receive(inbox("social"), "rujukType = 'rejection'", WAIT))))
                    .containsExactly("/status");
            assertThat(history(referral)).containsExactly("submitted", "received", "withdrawn");
        }
    }

    @Test
    void aWithdrawalThatOvertakesItsReferralWaitsForIt() throws Exception {
        ObjectNode referral = referral("police", "social");
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(statusIn(), status(referral, "police", "withdrawn").toString());
            police.sendText(referralsIn(), referral.toString());

            JsonNode withdrawn = read(social.receive(inbox("social"), statusSelector(referral, "withdrawn"), WAIT));
            assertThat(withdrawn.get("status").asText()).isEqualTo("withdrawn");
            assertThat(police.drain(inbox("police"), "rujukType = 'rejection'")).isEmpty();
            assertThat(history(referral)).containsExactly("submitted", "withdrawn");
        }
    }

    @Test
    void refusesStatusForAnUnknownReferral() throws Exception {
        try (var social = agency("social")) {
            ObjectNode ghost = referral("police", "social");
            social.sendText(statusIn(), status(ghost, "social", "received").toString());
            assertThat(pointers(read(social.receive(inbox("social"), "rujukType = 'rejection'", WAIT))))
                    .containsExactly("/referralId");
        }
    }

    private ObjectNode submitted(AgencyClient sender, AgencyClient recipient, String from, String to)
            throws Exception {
        ObjectNode referral = referral(from, to);
        sender.sendText(referralsIn(), referral.toString());
        assertThat(recipient.receive(inbox(to), selectorFor(referral), WAIT)).isNotNull();
        assertThat(sender.receive(inbox(from), selectorFor(referral), WAIT)).isNotNull();
        return referral;
    }

    private static String statusSelector(JsonNode referral, String state) {
        return selectorFor(referral) + " AND rujukType = 'status' AND _AMQ_DUPL_ID = 'status:"
                + referral.get("referralId").asText() + ":" + state + "'";
    }

    private List<String> history(JsonNode referral) {
        return jdbc.sql("select state from handoff_event where referral_id = cast(:id as uuid) order by id")
                .param("id", referral.get("referralId").asText()).query(String.class).list();
    }
}
