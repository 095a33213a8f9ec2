package org.rujuk.contract;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks messages against the contract: the entry point the hub and the connectors use.
 *
 * <p>{@link #inspect} takes a raw body as it came off the broker and either accepts it or lists what is
 * wrong, in the form a {@code rejection} carries: one {@link RejectionError} per problem, worded for a
 * person and never repeating the value sent. {@link #validate} checks an already parsed message, e.g. one
 * the hub is about to send.
 *
 * <p>The schemas, one per {@link MessageType}, are loaded from the classpath once, when the validator is
 * built (a broken schema fails there, not on the first message). An instance is immutable and thread-safe:
 * build one and share it.
 */
public final class ContractValidator {

    /** The largest body accepted, in bytes: 256 KiB. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    /**
     * The most errors reported for one message, as a rejection allows. When a message has more problems,
     * the first {@code MAX_ERRORS - 1} are listed and the last entry says how many more there are.
     */
    public static final int MAX_ERRORS = 100;

    /** Strict: RFC 4122 text form only; {@link UUID#fromString} alone also takes forms like "1-2-3-4-5". */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Pattern READABLE_TYPE = Pattern.compile("[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]{1,32}");

    /** Types a sender may plausibly put on the wrong address; only these are named back in an error. */
    private static final Set<String> KNOWN_WIRE_TYPES =
            Set.of("referral", "status", "receipt", "rejection", "reminder", "escalation");

    private final ObjectMapper mapper = ContractJson.mapper();
    private final Map<MessageType, JsonSchema> schemas;

    /** Loads and compiles the contract's schemas. */
    public ContractValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(MessageType.schemaBase(), "classpath:schemas/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .regularExpressionFactory(EndAnchoredRegularExpressionFactory.INSTANCE)
                .build();
        Map<MessageType, JsonSchema> loaded = new EnumMap<>(MessageType.class);
        for (MessageType type : MessageType.values()) {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(type.schemaId()), config);
            schema.initializeValidators();
            loaded.put(type, schema);
        }
        this.schemas = Collections.unmodifiableMap(loaded);
    }

    /**
     * Reads a raw body and checks it is one JSON object of the expected type that conforms to its schema.
     *
     * <p>The body is refused as a whole (one error, pointer {@code ""}) when it is empty, over
     * {@value #MAX_BODY_BYTES} bytes, not UTF-8, not JSON, nested deeper than
     * {@value ContractJson#MAX_NESTING_DEPTH} levels (the root object is level 1), or not one JSON object; a
     * key given twice is one error at that key. A {@code type} other than the expected one is one error at
     * {@code /type}: the message is on the wrong address and its other fields are not checked. Otherwise
     * every problem the schema finds is listed, and every string or field name holding an unpaired UTF-16
     * surrogate (see {@link #validate}).
     *
     * @param body the message body as sent
     * @param expected what the address the body came from carries
     */
    public Inspection inspect(byte[] body, MessageType expected) {
        if (body == null || body.length == 0) {
            return refused(RejectionError.ofBody("body is empty; send one JSON object"));
        }
        if (body.length > MAX_BODY_BYTES) {
            return refused(RejectionError.ofBody("body is " + body.length + " bytes; the limit is " + MAX_BODY_BYTES));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return refused(RejectionError.ofBody("body is not valid UTF-8"));
        }
        if (text.startsWith("\uFEFF")) {
            return refused(RejectionError.ofBody("body starts with a byte order mark; send UTF-8 without one"));
        }
        // Parsed from text, not bytes: Jackson would otherwise guess UTF-16 or UTF-32 from the first bytes.
        JsonNode json;
        try {
            json = parse(text);
        } catch (Refusal refusal) {
            return refused(refusal.error);
        }
        if (json == null) {
            return refused(RejectionError.ofBody("body is empty; send one JSON object"));
        }
        if (!json.isObject()) {
            return refused(RejectionError.ofBody("body must be one JSON object"));
        }
        UUID referralId = referralId(json);
        JsonNode typeNode = json.get("type");
        String type = typeNode != null && typeNode.isTextual() && READABLE_TYPE.matcher(typeNode.asText()).matches()
                ? typeNode.asText()
                : null;
        if (typeNode != null && typeNode.isTextual() && !typeNode.asText().equals(expected.wireType())) {
            String got = KNOWN_WIRE_TYPES.contains(typeNode.asText()) ? " (got \"" + typeNode.asText() + "\")" : "";
            String message = "must be \"" + expected.wireType() + "\" on this address" + got;
            return new Inspection(json, type, referralId, List.of(new RejectionError("/type", message)));
        }
        return new Inspection(json, type, referralId, validate(expected, json));
    }

    /**
     * Checks a parsed message against the schema of {@code type}: one error per problem, in a stable
     * order, at most {@value #MAX_ERRORS}. Use it also on what you send, to be sure it conforms. Besides the
     * schema, every string and field name must be valid Unicode text: one holding an unpaired UTF-16
     * surrogate is an error.
     */
    public List<RejectionError> validate(MessageType type, JsonNode json) {
        if (json == null) {
            return List.of(RejectionError.ofBody("body must be one JSON object"));
        }
        Set<RejectionError> errors = new LinkedHashSet<>();
        unpairedSurrogates(json, "", errors);
        Set<ValidationMessage> messages = schemas.get(type).validate(json);
        for (ValidationMessage message : messages) {
            RejectionError error = ErrorMessages.toError(message);
            // A field whose name is not valid text is already reported at its object; its own pointer would
            // carry the broken name back to the sender.
            if (!hasUnpairedSurrogate(error.pointer())) {
                errors.add(error);
            }
        }
        return capped(new ArrayList<>(errors));
    }

    /**
     * Reports every string and field name holding a UTF-16 surrogate without its pair. Such text arrives as a
     * JSON escape of a lone surrogate (backslash, u, D800 to DFFF; raw bytes for one are refused as invalid
     * UTF-8 before parsing): it is valid JSON but not Unicode text, and cannot be stored or passed on
     * faithfully. A bad value is reported at its own pointer, a bad field name at its object; neither is
     * repeated.
     */
    private static void unpairedSurrogates(JsonNode node, String pointer, Set<RejectionError> errors) {
        if (node.isTextual()) {
            if (hasUnpairedSurrogate(node.textValue())) {
                errors.add(new RejectionError(pointer, ErrorMessages.UNPAIRED_SURROGATE));
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (hasUnpairedSurrogate(field.getKey())) {
                    errors.add(new RejectionError(pointer, ErrorMessages.UNPAIRED_SURROGATE_IN_NAME));
                } else {
                    unpairedSurrogates(field.getValue(), pointer + "/" + ErrorMessages.escape(field.getKey()), errors);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unpairedSurrogates(node.get(i), pointer + "/" + i, errors);
            }
        }
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a validated message into its record, e.g. {@code read(inspection.json(), Referral.class)}.
     *
     * @throws IllegalArgumentException if the JSON does not fit the record; the message says where, and
     *     on purpose carries neither the value nor Jackson's exception (its text may quote the value)
     */
    public <T> T read(JsonNode json, Class<T> type) {
        try {
            return mapper.treeToValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read a " + type.getSimpleName() + " from this JSON");
        }
    }

    /** Writes a message record as the JSON text to send; absent optional fields are left out. */
    public String write(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + message.getClass().getSimpleName(), e);
        }
    }

    private JsonNode parse(String text) throws Refusal {
        JsonParser parser;
        try {
            parser = mapper.createParser(text);
        } catch (IOException e) {
            throw new Refusal(RejectionError.ofBody("body is not valid JSON"));
        }
        try (parser) {
            return mapper.readTree(parser);
        } catch (StreamConstraintsException e) {
            throw new Refusal(RejectionError.ofBody(limitExceeded(e)));
        } catch (JsonParseException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                throw new Refusal(new RejectionError(parser.getParsingContext().pathAsPointer().toString(),
                        "is given twice; give each field once"));
            }
            throw new Refusal(RejectionError.ofBody(syntaxError(e)));
        } catch (MismatchedInputException e) {
            // ContractJson enables FAIL_ON_TRAILING_TOKENS: a second value after the first, e.g. "{} {}".
            throw new Refusal(RejectionError.ofBody(String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")
                    ? "body must be one JSON object"
                    : syntaxError(e)));
        } catch (IOException e) {
            throw new Refusal(RejectionError.ofBody(syntaxError(e)));
        }
    }

    /** Jackson's own messages quote the body; this says where and what kind of mistake, never the text. */
    private static String syntaxError(IOException e) {
        String original = e instanceof JsonProcessingException processing
                ? String.valueOf(processing.getOriginalMessage())
                : "";
        String what;
        if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            what = "it ends too early";
        } else if (original.startsWith("Illegal unquoted character")) {
            what = "a control character in a string must be escaped";
        } else if (original.startsWith("Unrecognized token") || original.startsWith("Unexpected character")) {
            what = "unexpected character";
        } else if (original.startsWith("Non-standard token") || original.contains("numeric value")
                || original.contains("Leading zeroes")) {
            what = "invalid number";
        } else {
            what = "syntax error";
        }
        JsonLocation at = e instanceof JsonProcessingException processing ? processing.getLocation() : null;
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "body is not valid JSON: " + what + where;
    }

    private static String limitExceeded(StreamConstraintsException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.contains("nesting depth")) {
            return "body is nested deeper than " + ContractJson.MAX_NESTING_DEPTH + " levels (the root object is level 1)";
        }
        if (original.startsWith("Name length")) {
            return "body has a field name longer than " + ContractJson.MAX_NAME_LENGTH + " characters";
        }
        if (original.startsWith("Number")) {
            return "body has a number longer than " + ContractJson.MAX_NUMBER_LENGTH + " characters";
        }
        return "body exceeds a size limit of the contract";
    }

    private static UUID referralId(JsonNode json) {
        JsonNode id = json.get("referralId");
        if (id == null || !id.isTextual() || !UUID_TEXT.matcher(id.asText()).matches()) {
            return null;
        }
        return UUID.fromString(id.asText());
    }

    private static List<RejectionError> capped(List<RejectionError> errors) {
        if (errors.size() <= MAX_ERRORS) {
            return List.copyOf(errors);
        }
        List<RejectionError> listed = new ArrayList<>(errors.subList(0, MAX_ERRORS - 1));
        listed.add(RejectionError.ofBody("and " + (errors.size() - listed.size()) + " more problems not listed here"));
        return List.copyOf(listed);
    }

    private static Inspection refused(RejectionError error) {
        return new Inspection(null, null, null, List.of(error));
    }

    /** A body refused before schema validation. */
    private static final class Refusal extends Exception {
        private final transient RejectionError error;

        Refusal(RejectionError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }
}
