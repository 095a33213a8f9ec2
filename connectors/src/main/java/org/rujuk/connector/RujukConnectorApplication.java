package org.rujuk.connector;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A Rujuk agency connector: REST and file drop in, webhook and folder delivery out, for one agency. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RujukConnectorApplication {

    /**
     * The connector's configuration file is {@code connector.yml} (and {@code connector-<profile>.yml}), not
     * {@code application.yml}: a connector can then share a classpath with the hub — the connector tests run both in
     * one JVM — without either reading the other's settings.
     */
    public static final String CONFIG_NAME = "connector";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The connector as {@link #main} starts it; tests start several this way, each with its own properties. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(RujukConnectorApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
