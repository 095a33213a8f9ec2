package org.rujuk.hub.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The configured agencies and their inboxes: the one place that knows which agency codes exist. */
@Component
public class AgencyDirectory {

    private final Set<String> codes;
    private final HubProperties.Addresses addresses;

    public AgencyDirectory(HubProperties properties) {
        var set = new LinkedHashSet<String>();
        properties.agencies().forEach(a -> set.add(a.code()));
        this.codes = Set.copyOf(set);
        this.addresses = properties.addresses();
    }

    public boolean isAgency(String code) {
        return code != null && codes.contains(code);
    }

    public List<String> codes() {
        return codes.stream().sorted().toList();
    }

    public String inboxOf(String code) {
        if (!isAgency(code)) {
            throw new IllegalArgumentException("not a configured agency: " + code);
        }
        return addresses.inboxOf(code);
    }
}
