package org.rujuk.connector.outbound;

import java.util.ArrayList;
import java.util.List;
import org.rujuk.connector.config.ConnectorProperties;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.Inspection;
import org.rujuk.contract.MessageType;
import org.rujuk.contract.RejectionError;
import org.springframework.stereotype.Component;

/**
 * Checks what an agency system hands in before it leaves the connector, with the contract's own validator, so a
 * mistake is answered at once (and in the same words) instead of as a {@code rejection} later. On top of the
 * schema it applies the hub's anti-spoofing rule: {@code from} must be the agency this connector sends for.
 */
@Component
public class OutboundCheck {

    private final ContractValidator contract;
    private final String agency;

    public OutboundCheck(ContractValidator contract, ConnectorProperties properties) {
        this.contract = contract;
        this.agency = properties.agency();
    }

    /** Checks a body that must be of one type: what the hub does for the address that carries that type. */
    public CheckedMessage check(byte[] body, MessageType expected) {
        return checked(expected, contract.inspect(body, expected), body);
    }

    /**
     * Checks a body that may be a referral or a status update, and says which (a dropped file: the folder carries
     * both). The body is parsed once.
     */
    public CheckedMessage checkReferralOrStatus(byte[] body) {
        Inspection inspection = contract.inspect(body, MessageType.REFERRAL);
        if (inspection.json() == null) {
            return checked(null, inspection, body);
        }
        var type = inspection.json().get("type");
        if (type != null && type.isTextual() && type.asText().equals(MessageType.STATUS.wireType())) {
            var errors = contract.validate(MessageType.STATUS, inspection.json());
            return checked(MessageType.STATUS,
                    new Inspection(inspection.json(), inspection.type(), inspection.referralId(), errors), body);
        }
        if (type == null || !type.isTextual() || !type.asText().equals(MessageType.REFERRAL.wireType())) {
            return new CheckedMessage(null, inspection.referralId(), inspection.type(), body, List.of(new RejectionError(
                    "/type", "must be \"" + MessageType.REFERRAL.wireType() + "\" or \""
                            + MessageType.STATUS.wireType() + "\"")));
        }
        return checked(MessageType.REFERRAL, inspection, body);
    }

    private CheckedMessage checked(MessageType type, Inspection inspection, byte[] body) {
        var errors = new ArrayList<>(inspection.errors());
        // As the hub does: the sender rule applies to a message the schema accepts.
        if (errors.isEmpty() && !inspection.json().get("from").asText().equals(agency)) {
            errors.add(new RejectionError("/from", "must be your own agency code '" + agency
                    + "': this connector sends for '" + agency + "' only"));
        }
        return new CheckedMessage(type, inspection.referralId(), inspection.type(), body, errors);
    }
}
