package org.rujuk.hub.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** What the {@code prod} profile reads from the environment: the {@code RUJUK_*} variables of application-prod.yml. */
final class ProdProfile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(RUJUK_[A-Z0-9_]+)");

    private ProdProfile() {
    }

    static SortedSet<String> variables() {
        try (InputStream in = ProdProfile.class.getResourceAsStream("/application-prod.yml")) {
            if (in == null) {
                throw new IllegalStateException("application-prod.yml is not on the classpath");
            }
            var variables = new TreeSet<String>();
            VARIABLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).results()
                    .forEach(match -> variables.add(match.group(1)));
            return variables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
