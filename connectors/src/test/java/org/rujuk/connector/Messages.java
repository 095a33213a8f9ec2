package org.rujuk.connector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.rujuk.contract.ContractJson;

/** Contract messages for tests, from the contract module's examples. */
public final class Messages {

    private Messages() {
    }

    /** The example referral with a fresh id, from one agency to another. */
    public static ObjectNode referral(String from, String to) {
        try (var in = Messages.class.getResourceAsStream("/examples/referral-police-to-social.json")) {
            var referral = (ObjectNode) ContractJson.mapper().readTree(in);
            referral.put("referralId", UUID.randomUUID().toString());
            referral.put("from", from);
            referral.put("to", to);
            return referral;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static UUID id(ObjectNode message) {
        return UUID.fromString(message.get("referralId").asText());
    }

    public static ObjectNode status(UUID referralId, String from, String status) {
        var update = ContractJson.mapper().createObjectNode();
        update.put("type", "status");
        update.put("referralId", referralId.toString());
        update.put("from", from);
        update.put("status", status);
        update.put("at", "2026-11-28T10:00:00+07:00");
        if (status.equals("declined") || status.equals("withdrawn")) {
            update.put("reason", "Layanan tidak tersedia bulan ini");
        }
        return update;
    }
}
