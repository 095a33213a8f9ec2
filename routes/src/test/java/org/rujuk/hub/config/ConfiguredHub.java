package org.rujuk.hub.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link HubProperties} bound the way Spring binds them, from property names and values as they would appear in
 * application.yml, an environment or a secrets file: the four built-in agencies of application.yml, then the
 * given properties on top (a list given here replaces the built-in one, as in Spring).
 */
public final class ConfiguredHub {

    private ConfiguredHub() {
    }

    public static HubProperties properties(Map<String, String> overrides) {
        var properties = new LinkedHashMap<String, String>();
        boolean agenciesGiven = overrides.keySet().stream().anyMatch(k -> k.startsWith("rujuk.agencies["));
        if (!agenciesGiven) {
            String[] codes = {"police", "social", "health", "education"};
            for (int i = 0; i < codes.length; i++) {
                properties.put("rujuk.agencies[" + i + "].code", codes[i]);
                properties.put("rujuk.agencies[" + i + "].name", codes[i]);
            }
        }
        properties.put("rujuk.addresses.referrals-in", "rujuk.referrals.in");
        properties.put("rujuk.broker.embedded", "true");
        properties.put("rujuk.accounts.demo-password", "demo");
        properties.put("rujuk.delivery.max-attempts", "5");
        properties.putAll(overrides);
        return new Binder(new MapConfigurationPropertySource(properties)).bind("rujuk", HubProperties.class).get();
    }
}
