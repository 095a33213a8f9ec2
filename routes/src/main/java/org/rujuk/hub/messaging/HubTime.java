package org.rujuk.hub.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The hub's notion of "now": its injected clock, in UTC, to the millisecond (as stored and as sent). */
public final class HubTime {

    private HubTime() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
