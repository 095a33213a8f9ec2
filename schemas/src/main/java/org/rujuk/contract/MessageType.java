package org.rujuk.contract;

/**
 * The kinds of message in the contract, each with the {@code type} value it carries on the wire and the
 * schema it must conform to. A status update and a status notice share the wire type {@code "status"}:
 * the address a message travels on tells them apart. Reminders and escalations are the hub's own, sent when
 * a hand-off is stuck; no agency sends them.
 */
public enum MessageType {
    REFERRAL("referral", "referral", Referral.class),
    STATUS("status", "status", StatusUpdate.class),
    RECEIPT("receipt", "receipt", Receipt.class),
    REJECTION("rejection", "rejection", Rejection.class),
    STATUS_NOTICE("status", "status-notice", StatusNotice.class),
    REMINDER("reminder", "reminder", Reminder.class),
    ESCALATION("escalation", "escalation", Escalation.class);

    private static final String SCHEMA_BASE = "https://rujuk.org/schemas/";

    private final String wireType;
    private final String schemaName;
    private final Class<?> recordType;

    MessageType(String wireType, String schemaName, Class<?> recordType) {
        this.wireType = wireType;
        this.schemaName = schemaName;
        this.recordType = recordType;
    }

    /** The value of the message's {@code type} field. */
    public String wireType() {
        return wireType;
    }

    /** The schema's name, e.g. {@code status-notice}. */
    public String schemaName() {
        return schemaName;
    }

    /** The schema's {@code $id}, e.g. {@code https://rujuk.org/schemas/referral/v1/referral.schema.json}. */
    public String schemaId() {
        return SCHEMA_BASE + schemaPath();
    }

    /** Where the schema is on the classpath, e.g. {@code schemas/referral/v1/referral.schema.json}. */
    public String schemaResource() {
        return "schemas/" + schemaPath();
    }

    /** The record this message reads into, e.g. {@link Referral}. */
    public Class<?> recordType() {
        return recordType;
    }

    static String schemaBase() {
        return SCHEMA_BASE;
    }

    private String schemaPath() {
        return schemaName + "/v1/" + schemaName + ".schema.json";
    }
}
