package org.rujuk.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** The example files under {@code src/test/resources/examples/<schema>/{valid,invalid}/}. */
final class Examples {

    static final String EXPECTED = "_expected.properties";

    private Examples() {
    }

    static Path dir(MessageType type, String kind) {
        return root().resolve(type.schemaName()).resolve(kind);
    }

    static List<Path> files(MessageType type, String kind) {
        try (Stream<Path> files = Files.list(dir(type, kind))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties expectedPointers(MessageType type) {
        Properties expected = new Properties();
        try (InputStream in = Files.newInputStream(dir(type, "invalid").resolve(EXPECTED))) {
            expected.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] valid(MessageType type, String name) {
        return bytes(dir(type, "valid").resolve(name + ".json"));
    }

    private static Path root() {
        try {
            return Path.of(Examples.class.getClassLoader().getResource("examples").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
