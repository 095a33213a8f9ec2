package org.rujuk.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The demo's own settings, under {@code rujuk.demo.*}: from the command line, system properties or the environment
 * ({@code RUJUK_DEMO_CONNECTORS=false}), never from a file — {@code application.yml} is the hub's and
 * {@code connector.yml} the connectors'. The hub is never given them.
 *
 * @param connectors whether the four demo connectors start after the hub
 * @param connectorPortBase police's port; social, health and education take the next three. 0 lets each connector
 *     take a free port (tests).
 * @param dataDir where the connectors' folders go ({@code <dataDir>/<agency>/outbox}, {@code /inbox}); unset, under
 *     the hub's {@code rujuk.data-dir}, in {@code connectors/}
 */
@ConfigurationProperties("rujuk.demo")
record DemoProperties(
        @DefaultValue("true") boolean connectors,
        @DefaultValue("8081") int connectorPortBase,
        Path dataDir) {

    DemoProperties {
        if (connectorPortBase != 0 && (connectorPortBase < 1 || connectorPortBase + RujukDemo.AGENCIES.size() > 65536)) {
            throw new IllegalArgumentException("rujuk.demo.connector-port-base must be 0 (free ports) or leave room "
                    + "for " + RujukDemo.AGENCIES.size() + " ports below 65536, not " + connectorPortBase);
        }
    }

    static DemoProperties from(String... args) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return Binder.get(environment).bindOrCreate("rujuk.demo", DemoProperties.class);
    }

    /** The port of the {@code index}-th demo connector. */
    int connectorPort(int index) {
        return connectorPortBase == 0 ? 0 : connectorPortBase + index;
    }
}
