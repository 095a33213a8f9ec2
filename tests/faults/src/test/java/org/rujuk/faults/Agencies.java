package org.rujuk.faults;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The demo agencies, who refers to whom in the load, and how the suite's processes reach the broker. */
final class Agencies {

    static final List<String> CODES = List.of("police", "social", "health", "education");

    /** Sender and recipient, in turn: every agency sends and every agency receives. */
    static final List<String[]> ROUTES = List.of(
            new String[] {"police", "social"}, new String[] {"social", "health"},
            new String[] {"social", "education"}, new String[] {"health", "social"},
            new String[] {"education", "police"}, new String[] {"police", "health"});

    static final String REFERRALS_IN = "rujuk.referrals.in";
    static final String STATUS_IN = "rujuk.status.in";
    static final String DEAD = "rujuk.dead";

    /** The receiving agency's answers, each in its own transaction, after it records the referral. */
    static final List<String> STATUS_LOOP = List.of("received", "accepted", "in_progress", "completed");

    /** RFC 3339, seconds always written (OffsetDateTime.toString() drops ":00"), in Western Indonesia Time. */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.ofHours(7));

    private Agencies() {
    }

    static String rfc3339(Instant instant) {
        return RFC_3339.format(instant);
    }

    static String inbox(String code) {
        return "rujuk.agency." + code + ".inbox";
    }

    static String passwordVariable(String code) {
        return "RUJUK_" + code.toUpperCase() + "_PASSWORD";
    }

    /**
     * A CORE client that rides out broker restarts by itself (the library's reconnect, not ours): initial
     * connection and reconnection retried for ever; a blocking call gives up after 30 s.
     */
    static String clientUrl(String brokerUrl, boolean blockOnDurableSend) {
        return brokerUrl + "?reconnectAttempts=-1&initialConnectAttempts=-1&retryInterval=250"
                + "&retryIntervalMultiplier=1.5&maxRetryInterval=3000&callTimeout=30000"
                + "&blockOnDurableSend=" + blockOnDurableSend;
    }
}
