package org.rujuk.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration for contract messages: strict when reading, plain ISO-8601 text when
 * writing.
 *
 * <p>Reading refuses duplicate keys, unknown properties, trailing content after the value, and documents
 * deeper than {@value #MAX_NESTING_DEPTH} levels. <strong>Depth counts the root:</strong> the root object
 * is level 1, and every object or array inside a value adds one; {@code {"a":{"b":[1]}}} is 3 levels deep.
 * So 16 nested objects or arrays are accepted and 17 are not, which is how the contract's "nesting deeper
 * than 16 is rejected" reads. (This is the depth Jackson's {@link StreamReadConstraints} counts.) Strings
 * may be as long as a whole body, numbers at most {@value #MAX_NUMBER_LENGTH} characters, field names at
 * most {@value #MAX_NAME_LENGTH} characters (every field the contract knows is far shorter).
 *
 * <p>Date-times are read and written as RFC 3339 text and keep the offset the sender gave (they are not
 * shifted to UTC), so a record written back out says what it was sent with.
 */
public final class ContractJson {

    /** The deepest nesting accepted; the root object is level 1. */
    public static final int MAX_NESTING_DEPTH = 16;

    /** The longest number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;

    /** The longest field name accepted, in characters. */
    public static final int MAX_NAME_LENGTH = 64;

    /** The longest string accepted, in characters: no string can be longer than a whole body. */
    public static final int MAX_STRING_LENGTH = ContractValidator.MAX_BODY_BYTES;

    private static final ObjectMapper MAPPER = newMapper();

    private ContractJson() {
    }

    /**
     * The shared mapper. It is thread-safe as long as nobody reconfigures it: do not. Use
     * {@link #newMapper()} for a copy to configure, e.g. for a Camel data format.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new mapper with the contract's configuration. */
    public static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxDocumentLength(ContractValidator.MAX_BODY_BYTES)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }
}
