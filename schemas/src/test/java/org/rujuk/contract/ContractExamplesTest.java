package org.rujuk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples are the contract's tests: every valid one passes, every invalid one fails for its rule. */
class ContractExamplesTest {

    private static final ContractValidator VALIDATOR = new ContractValidator();
    private static final ObjectMapper MAPPER = ContractJson.mapper();

    static Stream<Arguments> validExamples() {
        return examples("valid");
    }

    static Stream<Arguments> invalidExamples() {
        return examples("invalid");
    }

    private static Stream<Arguments> examples(String kind) {
        List<Arguments> all = new ArrayList<>();
        for (MessageType type : MessageType.values()) {
            for (Path file : Examples.files(type, kind)) {
                all.add(Arguments.of(type, file.getFileName().toString(), file));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("validExamples")
    void validExampleConforms(MessageType type, String name, Path file) {
        Inspection inspection = VALIDATOR.inspect(Examples.bytes(file), type);

        assertThat(inspection.errors()).isEmpty();
        assertThat(inspection.valid()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidExamples")
    void invalidExampleFailsWithOneErrorAtItsExpectedPointer(MessageType type, String name, Path file) {
        String expectedPointer = Examples.expectedPointers(type).getProperty(name);

        Inspection inspection = VALIDATOR.inspect(Examples.bytes(file), type);

        assertThat(inspection.valid()).isFalse();
        assertThat(inspection.errors()).as("one problem, one error").hasSize(1);
        RejectionError error = inspection.errors().get(0);
        assertThat(error.pointer()).isEqualTo(expectedPointer);
        assertThat(error.message()).as("a message written for this rule").isNotEqualTo(ErrorMessages.FALLBACK);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyInvalidExampleHasAnExpectedPointerAndEveryEntryAFile(MessageType type) {
        Set<String> files = new TreeSet<>();
        Examples.files(type, "invalid").forEach(file -> files.add(file.getFileName().toString()));

        Set<String> entries = new TreeSet<>(Examples.expectedPointers(type).stringPropertyNames());

        assertThat(entries).isEqualTo(files);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everySchemaHasValidAndInvalidExamples(MessageType type) {
        assertThat(Examples.files(type, "valid")).isNotEmpty();
        assertThat(Examples.files(type, "invalid")).isNotEmpty();
    }

    @Test
    void examplesShippedForTheTourConform() throws IOException {
        assertThat(VALIDATOR.inspect(resource("examples/referral-police-to-social.json"), MessageType.REFERRAL).errors())
                .isEmpty();
        assertThat(VALIDATOR.inspect(resource("examples/status-received.json"), MessageType.STATUS).errors())
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void schemaConformsToTheDraft202012MetaSchema(MessageType type) throws IOException {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(schema(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void schemaIdMatchesItsPathAndItHasTitleAndDescription(MessageType type) throws IOException {
        JsonNode schema = schema(type);

        assertThat(schema.path("$id").asText()).isEqualTo(type.schemaId());
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asText()).isNotBlank();
        assertThat(schema.path("description").asText()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyObjectInTheSchemaIsClosed(MessageType type) throws IOException {
        List<String> open = new ArrayList<>();
        collectOpenObjects(schema(type), "#", open);

        assertThat(open).as("object schemas without additionalProperties: false").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyPropertyIsDescribed(MessageType type) throws IOException {
        List<String> undescribed = new ArrayList<>();
        collectUndescribedProperties(schema(type), "#", undescribed);

        assertThat(undescribed).isEmpty();
    }

    @Test
    void sharedDefinitionsAreTheSameInEverySchema() throws IOException {
        Map<String, JsonNode> first = new HashMap<>();
        for (MessageType type : MessageType.values()) {
            schema(type).path("$defs").fields().forEachRemaining(definition -> {
                JsonNode earlier = first.putIfAbsent(definition.getKey(), definition.getValue());
                assertThat(earlier == null || earlier.equals(definition.getValue()))
                        .as("$defs/%s in %s is the same as elsewhere", definition.getKey(), type.schemaName())
                        .isTrue();
            });
        }
    }

    private static void collectOpenObjects(JsonNode schema, String at, List<String> open) {
        if (schema.isObject()) {
            boolean isObjectSchema = "object".equals(schema.path("type").asText()) || schema.has("properties");
            boolean isConditional = at.endsWith("/if");
            if (isObjectSchema && !isConditional && !schema.path("additionalProperties").isBoolean()) {
                open.add(at);
            }
            schema.fields().forEachRemaining(field -> collectOpenObjects(field.getValue(), at + "/" + field.getKey(), open));
        } else if (schema.isArray()) {
            for (int i = 0; i < schema.size(); i++) {
                collectOpenObjects(schema.get(i), at + "/" + i, open);
            }
        }
    }

    private static void collectUndescribedProperties(JsonNode schema, String at, List<String> undescribed) {
        if (!schema.isObject()) {
            return;
        }
        if (!at.endsWith("/if")) {
            schema.path("properties").fields().forEachRemaining(property -> {
                JsonNode definition = property.getValue();
                boolean described = definition.has("description")
                        || definition.path("$ref").asText().startsWith("#/$defs/");
                if (!described) {
                    undescribed.add(at + "/properties/" + property.getKey());
                }
                collectUndescribedProperties(definition, at + "/properties/" + property.getKey(), undescribed);
            });
            collectUndescribedProperties(schema.path("items"), at + "/items", undescribed);
        }
    }

    private static JsonNode schema(MessageType type) throws IOException {
        try (InputStream in = ContractExamplesTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return MAPPER.readTree(in);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ContractExamplesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

}
