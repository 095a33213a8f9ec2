package org.rujuk.contract;

import static java.util.Map.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns networknt's validation messages into {@link RejectionError}s a person can act on. This is the
 * one place where error wording lives.
 *
 * <p>Messages are built from the failed keyword and what the schema says (e.g. an {@code enum}'s values),
 * never from the instance: the value sent may be a child's data. Where a keyword's generic wording would
 * not help, {@link #BY_SCHEMA_LOCATION} gives the field's own, keyed by the schema location of the failed
 * keyword (for {@code required}, followed by the missing property's name). The shared definitions under
 * {@code $defs} have the same name in every schema, so one entry serves them all.
 *
 * <p>Pointers name the offending field itself: for a missing or an unknown property that is the
 * property's own pointer, not its parent's. A failed {@code anyOf} is one problem, reported once at the
 * object it applies to, instead of once per branch.
 */
final class ErrorMessages {

    static final String DATE_TIME = "must be an RFC 3339 date-time with offset, e.g. 2026-11-28T09:30:00+07:00";
    static final String DATE = "must be a date as YYYY-MM-DD, e.g. 2012-05-17";
    static final String UUID = "must be a UUID, e.g. 3f2b8c1e-6d4a-4e8b-9c7d-2a1f0e9b8c7d";
    static final String AGE = "must be a whole number from 0 to 17";
    static final String LEVEL = "must be 1 (at the deadline) or 2 (at twice the deadline)";
    static final String DURATION = "must be an ISO-8601 duration in hours, minutes and seconds, such as PT1H30M";
    static final String ONE_LINE = "must be one line of printable text, without control characters";
    static final String UNPAIRED_SURROGATE =
            "must be valid Unicode text: it contains an unpaired surrogate (a lone \\uD800-\\uDFFF escape)";
    static final String UNPAIRED_SURROGATE_IN_NAME =
            "has a field name that is not valid Unicode text: it contains an unpaired surrogate "
                    + "(a lone \\uD800-\\uDFFF escape)";
    static final String FALLBACK = "is not valid here; see this field's description in the schema";

    private static final Map<String, String> BY_SCHEMA_LOCATION = Map.ofEntries(
            entry("#/$defs/agencyCode/pattern",
                    "must be an agency code: a lower-case letter, then 1 to 31 lower-case letters, digits or underscores"),
            entry("#/$defs/dateTime/pattern", DATE_TIME),
            entry("#/$defs/dateTime/type", DATE_TIME),
            entry("#/$defs/uuid/type", UUID),
            entry("#/$defs/label/pattern", ONE_LINE),
            entry("#/$defs/text/pattern", "must not contain control characters other than tabs and line breaks"),
            entry("#/$defs/line/pattern", ONE_LINE),
            entry("#/$defs/deadline/pattern", "must be receive, answer, progress or a legal clock id: a lower-case letter, "
                    + "then 1 to 47 lower-case letters, digits or underscores"),
            entry("#/$defs/level/type", LEVEL),
            entry("#/$defs/level/minimum", LEVEL),
            entry("#/$defs/level/maximum", LEVEL),
            entry("#/properties/overdueBy/type", DURATION),
            entry("#/properties/overdueBy/pattern", DURATION),
            entry("#/properties/child/properties/initials/pattern",
                    "must be initials (1-6 capital letters, optionally with dots), not a full name"),
            entry("#/properties/child/properties/nik/pattern", "must be exactly 16 digits"),
            entry("#/properties/child/properties/nik/type", "must be exactly 16 digits, as a string"),
            entry("#/properties/child/properties/ageYears/type", AGE),
            entry("#/properties/child/properties/ageYears/minimum", AGE),
            entry("#/properties/child/properties/ageYears/maximum", AGE),
            entry("#/properties/child/anyOf", "give the child's birthDate or ageYears"),
            entry("#/properties/servicesRequested/minItems", "must list at least one service"),
            entry("#/properties/servicesRequested/uniqueItems", "lists a service twice"),
            // 15 items from a list of 14 services must repeat one: the same problem as uniqueItems, reported once.
            entry("#/properties/servicesRequested/maxItems", "lists a service twice"),
            entry("#/then/required/legal", "is required when childRole is in_conflict_with_law"),
            entry("#/then/required/reason", "is required when status is declined or withdrawn"),
            entry("#/properties/errors/items/properties/pointer/pattern",
                    "must be an RFC 6901 JSON pointer, e.g. /child/nik, or empty for the whole body"));

    private ErrorMessages() {
    }

    static RejectionError toError(ValidationMessage message) {
        String location = "#" + message.getSchemaLocation().getFragment();
        String pointer = pointer(message.getInstanceLocation());
        String combinator = enclosingCombinator(location);
        if (combinator != null) {
            return new RejectionError(pointer, BY_SCHEMA_LOCATION.getOrDefault(combinator, FALLBACK));
        }
        String keyword = message.getType();
        if ("required".equals(keyword) || "additionalProperties".equals(keyword)) {
            pointer = pointer + "/" + escape(message.getProperty());
            location = "required".equals(keyword) ? location + "/" + message.getProperty() : location;
        }
        String specific = BY_SCHEMA_LOCATION.get(location);
        return new RejectionError(pointer, specific != null ? specific : generic(keyword, message.getSchemaNode()));
    }

    private static String generic(String keyword, JsonNode schema) {
        return switch (keyword) {
            case "required" -> "is required";
            case "additionalProperties" -> "is not a field of this message; remove it";
            case "const" -> "must be " + schema;
            case "enum" -> "must be one of: " + join(schema);
            case "type" -> "must be " + typeName(schema.asText());
            case "format" -> switch (schema.asText()) {
                case "date-time" -> DATE_TIME;
                case "date" -> DATE;
                case "uuid" -> UUID;
                default -> FALLBACK;
            };
            case "minLength" -> schema.asInt() == 1 ? "must not be empty" : "must be at least " + schema + " characters";
            case "maxLength" -> "must be at most " + schema + " characters";
            case "minItems" -> "must list at least " + schema + (schema.asInt() == 1 ? " item" : " items");
            case "maxItems" -> "must list at most " + schema + " items";
            case "uniqueItems" -> "lists an item twice";
            case "minimum" -> "must be at least " + schema;
            case "maximum" -> "must be at most " + schema;
            default -> FALLBACK;
        };
    }

    private static String typeName(String type) {
        return switch (type) {
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "object" -> "an object";
            case "array" -> "a list (a JSON array)";
            default -> "of type " + type;
        };
    }

    private static String join(JsonNode values) {
        List<String> names = new ArrayList<>();
        values.forEach(value -> names.add(value.isTextual() ? value.asText() : value.toString()));
        return String.join(", ", names);
    }

    /** The location of the innermost anyOf/oneOf a failed keyword sits under, or null. */
    private static String enclosingCombinator(String location) {
        int at = Math.max(location.lastIndexOf("/anyOf/"), location.lastIndexOf("/oneOf/"));
        return at < 0 ? null : location.substring(0, at + "/anyOf".length());
    }

    static String pointer(JsonNodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    /** RFC 6901: {@code ~} is written {@code ~0} and {@code /} is written {@code ~1}. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
