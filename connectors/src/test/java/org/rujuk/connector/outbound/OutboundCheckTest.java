package org.rujuk.connector.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rujuk.connector.Messages;
import org.rujuk.connector.config.TestProperties;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.MessageType;
import org.rujuk.contract.RejectionError;

class OutboundCheckTest {

    private final OutboundCheck check = new OutboundCheck(new ContractValidator(),
            TestProperties.of("police", null, null, null));

    @Test
    void acceptsAValidReferralFromItsAgency() {
        var referral = Messages.referral("police", "social");

        var checked = check.check(bytes(referral.toString()), MessageType.REFERRAL);

        assertThat(checked.valid()).isTrue();
        assertThat(checked.type()).isEqualTo(MessageType.REFERRAL);
        assertThat(checked.referralId()).isEqualTo(Messages.id(referral));
        assertThat(checked.text()).isEqualTo(referral.toString());
    }

    @Test
    void refusesAMessageFromAnotherAgencyAtFromOnly() {
        var checked = check.check(bytes(Messages.referral("social", "health").toString()), MessageType.REFERRAL);

        assertThat(checked.errors()).containsExactly(new RejectionError("/from",
                "must be your own agency code 'police': this connector sends for 'police' only"));
    }

    @Test
    void reportsSchemaProblemsBeforeTheSenderRuleAsTheHubDoes() {
        var referral = Messages.referral("social", "health");
        referral.remove("caseRef");

        var checked = check.check(bytes(referral.toString()), MessageType.REFERRAL);

        assertThat(checked.errors()).extracting(RejectionError::pointer).containsExactly("/caseRef");
    }

    @Test
    void tellsAReferralFromAStatusInADroppedFile() {
        UUID id = UUID.randomUUID();

        var status = check.checkReferralOrStatus(bytes(Messages.status(id, "police", "withdrawn").toString()));
        var referral = check.checkReferralOrStatus(bytes(Messages.referral("police", "social").toString()));

        assertThat(status.valid()).isTrue();
        assertThat(status.type()).isEqualTo(MessageType.STATUS);
        assertThat(status.referralId()).isEqualTo(id);
        assertThat(referral.valid()).isTrue();
        assertThat(referral.type()).isEqualTo(MessageType.REFERRAL);
    }

    @Test
    void refusesAFileThatIsNeitherAReferralNorAStatus() {
        var receipt = check.checkReferralOrStatus(bytes("{\"type\":\"receipt\",\"referralId\":\"" + UUID.randomUUID() + "\"}"));
        var untyped = check.checkReferralOrStatus(bytes("{\"referralId\":\"x\"}"));

        assertThat(receipt.errors()).containsExactly(new RejectionError("/type", "must be \"referral\" or \"status\""));
        assertThat(receipt.rejectedType()).isEqualTo("receipt");
        assertThat(untyped.errors()).extracting(RejectionError::pointer).containsExactly("/type");
    }

    @Test
    void checksAStatusFileAgainstTheStatusSchema() {
        var status = Messages.status(UUID.randomUUID(), "police", "withdrawn");
        status.remove("reason");

        var checked = check.checkReferralOrStatus(bytes(status.toString()));

        assertThat(checked.type()).isEqualTo(MessageType.STATUS);
        assertThat(checked.errors()).extracting(RejectionError::pointer).containsExactly("/reason");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
