package org.rujuk.hub.deadletter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The referral a dead letter is about, read from its body when that is a JSON object with a top-level
 * {@code referralId} that is a UUID. Anything else (not JSON, too big, an id that is not a UUID, which could be any
 * text the sender wrote) gives none: only a UUID is ever shown or audited.
 */
final class ReferralIdReader {

    /** The contract's limit; a bigger body was never a message the hub could have read. */
    private static final int MAX_BODY = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferralIdReader() {
    }

    static UUID of(String body) {
        return body == null ? null : of(body.getBytes(StandardCharsets.UTF_8));
    }

    static UUID of(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_BODY) {
            return null;
        }
        // Streaming, top level only: skips whatever nesting the rest of a hostile body has.
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("referralId".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? uuid(parser.getText()) : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static UUID uuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            // UUID.fromString accepts shortened forms; only the canonical one is an id the contract allows.
            return id.toString().equalsIgnoreCase(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
