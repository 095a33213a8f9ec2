package org.rujuk.hub.meeting;

import java.time.OffsetDateTime;

/** Whether a meeting decision was kept: the clock it was about moved on (or the hand-off ended) by its due time. */
public enum Kept {
    /** Not yet due, and what it was about has not moved on. */
    OPEN("open", "belum jatuh tempo", null),
    KEPT("kept", "ditepati", Boolean.TRUE),
    NOT_KEPT("not_kept", "tidak ditepati", Boolean.FALSE);

    private final String wire;
    private final String indonesian;
    private final Boolean kept;

    Kept(String wire, String indonesian, Boolean kept) {
        this.wire = wire;
        this.indonesian = indonesian;
        this.kept = kept;
    }

    public String wire() {
        return wire;
    }

    public String indonesian() {
        return indonesian;
    }

    /** {@code true} or {@code false} once decided, {@code null} while open. */
    public Boolean asBoolean() {
        return kept;
    }

    /**
     * @param metAt when the decision's clock was met (it is met with the clock the decision is about), or
     *     {@code null} while it runs
     */
    static Kept of(OffsetDateTime dueAt, OffsetDateTime metAt, OffsetDateTime now) {
        if (metAt != null) {
            return metAt.isAfter(dueAt) ? NOT_KEPT : KEPT;
        }
        return now.isAfter(dueAt) ? NOT_KEPT : OPEN;
    }
}
