package org.rujuk.hub.dashboard;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the dashboard counts, always within what the viewer may see (a coordinator everything, an agency its own
 * hand-offs). Routing metadata and counts only: the ledger holds nothing else.
 */
@Repository
class DashboardQueries {

    private static final String OPEN = "h.state not in ('declined', 'completed', 'withdrawn')";

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open hand-offs per state, in the order of the hand-off. */
    Map<String, Long> openByState(Viewer viewer) {
        var counts = new LinkedHashMap<String, Long>();
        for (String state : List.of("submitted", "received", "accepted", "in_progress")) {
            counts.put(state, 0L);
        }
        counted("select h.state as k, count(*) as n from handoff h where " + OPEN + party(viewer)
                + " group by h.state", viewer).forEach(counts::put);
        return counts;
    }

    /** Open hand-offs per agency that must act next (the recipient, while a hand-off is open). */
    Map<String, Long> openByAgencyToAct(Viewer viewer) {
        return counted("select h.to_agency as k, count(*) as n from handoff h where " + OPEN + party(viewer)
                + " group by h.to_agency", viewer);
    }

    /** Stuck hand-offs per agency that must act. */
    Map<String, Long> stuckByAgency(Viewer viewer) {
        return counted("select c.must_act as k, count(distinct c.referral_id) as n from handoff_clock c "
                + "join handoff h on h.referral_id = c.referral_id where c.stuck_since is not null" + party(viewer)
                + " group by c.must_act", viewer);
    }

    /** What changed since a moment: new, answered, completed, newly stuck and cleared hand-offs. */
    Map<String, Long> changesSince(Viewer viewer, OffsetDateTime since) {
        var changes = new LinkedHashMap<String, Long>();
        changes.put("new", count("select count(*) from handoff h where h.submitted_at >= :since" + party(viewer),
                viewer, since));
        changes.put("accepted", count("select count(*) from handoff h where h.accepted_at >= :since"
                + party(viewer), viewer, since));
        changes.put("declined", count("select count(*) from handoff h where h.declined_at >= :since"
                + party(viewer), viewer, since));
        changes.put("completed", count("select count(*) from handoff h where h.completed_at >= :since"
                + party(viewer), viewer, since));
        changes.put("stuck", count("select count(distinct e.referral_id) from handoff_deadline_event e join handoff h "
                + "on h.referral_id = e.referral_id where e.kind = 'escalated' and e.level = 1 and e.at >= :since"
                + party(viewer), viewer, since));
        changes.put("cleared", count("select count(distinct e.referral_id) from handoff_deadline_event e join "
                + "handoff h on h.referral_id = e.referral_id where e.kind = 'met' and e.level is not null "
                + "and e.at >= :since" + party(viewer), viewer, since));
        return changes;
    }

    /** One hand-off's timing, for the agencies' figures. */
    record Timing(String toAgency, String state, OffsetDateTime submittedAt, OffsetDateTime receivedAt,
            OffsetDateTime answeredAt, Long receiveLateMillis, Long answerLateMillis, boolean stuck) {

        Duration timeToReceive() {
            return receivedAt == null ? null : Duration.between(submittedAt, receivedAt);
        }

        Duration timeToAnswer() {
            return receivedAt == null || answeredAt == null ? null : Duration.between(receivedAt, answeredAt);
        }
    }

    /** The hand-offs sent in a period, with when they were received and answered and how late. */
    List<Timing> timings(Viewer viewer, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select h.to_agency, h.state, h.submitted_at, h.received_at,
                    coalesce(h.accepted_at, h.declined_at) as answered_at,
                    r.late_by_ms as receive_late, a.late_by_ms as answer_late,
                    exists (select 1 from handoff_clock s where s.referral_id = h.referral_id
                        and s.stuck_since is not null) as stuck
                from handoff h
                left join handoff_clock r on r.referral_id = h.referral_id and r.clock_id = 'receive'
                left join handoff_clock a on a.referral_id = h.referral_id and a.clock_id = 'answer'
                where h.submitted_at >= :from and h.submitted_at < :to""" + party(viewer))
                .param("from", from).param("to", to).params(partyParams(viewer))
                .query((rs, n) -> new Timing(rs.getString("to_agency"), rs.getString("state"),
                        rs.getObject("submitted_at", OffsetDateTime.class),
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getObject("answered_at", OffsetDateTime.class),
                        (Long) rs.getObject("receive_late", Long.class), (Long) rs.getObject("answer_late", Long.class),
                        rs.getBoolean("stuck")))
                .list();
    }

    /**
     * Hand-offs counted by one dimension (category, child_role, district) and by year: the ledger's and those
     * retention has reduced to statistics.
     */
    Map<String, Map<Integer, Long>> byDimensionAndYear(Viewer viewer, String dimension) {
        String column = switch (dimension) {
            case "category" -> "h.category";
            case "role" -> "h.child_role";
            case "district" -> "h.district";
            default -> throw new IllegalArgumentException("unknown dimension");
        };
        var table = new TreeMap<String, Map<Integer, Long>>();
        jdbc.sql("select " + column + " as k, extract(year from h.submitted_at) as y, count(*) as n from handoff h "
                        + "where 1 = 1" + party(viewer) + " group by " + column + ", extract(year from h.submitted_at)")
                .params(partyParams(viewer))
                .query((rs, n) -> {
                    table.computeIfAbsent(rs.getString("k"), k -> new TreeMap<>())
                            .put(rs.getInt("y"), rs.getLong("n"));
                    return null;
                }).list();
        // Hand-offs retention has reduced to statistics still count, in the year they were submitted.
        jdbc.sql("select " + column + " as k, extract(year from h.submitted_month) as y, sum(h.handoffs) as n "
                        + "from handoff_statistics h where 1 = 1" + party(viewer) + " group by " + column
                        + ", extract(year from h.submitted_month)")
                .params(partyParams(viewer))
                .query((rs, n) -> table.computeIfAbsent(rs.getString("k"), k -> new TreeMap<>())
                        .merge(rs.getInt("y"), rs.getLong("n"), Long::sum))
                .list();
        return table;
    }

    /** Hand-offs per month (yyyy-mm). */
    Map<String, Long> byMonth(Viewer viewer) {
        var months = new TreeMap<String, Long>();
        jdbc.sql("select extract(year from h.submitted_at) as y, extract(month from h.submitted_at) as m, count(*) as n "
                        + "from handoff h where 1 = 1" + party(viewer)
                        + " group by extract(year from h.submitted_at), extract(month from h.submitted_at)")
                .params(partyParams(viewer))
                .query((rs, n) -> months.put(String.format("%04d-%02d", rs.getInt("y"), rs.getInt("m")),
                        rs.getLong("n")))
                .list();
        jdbc.sql("select extract(year from h.submitted_month) as y, extract(month from h.submitted_month) as m, "
                        + "sum(h.handoffs) as n from handoff_statistics h where 1 = 1" + party(viewer)
                        + " group by extract(year from h.submitted_month), extract(month from h.submitted_month)")
                .params(partyParams(viewer))
                .query((rs, n) -> months.merge(String.format("%04d-%02d", rs.getInt("y"), rs.getInt("m")),
                        rs.getLong("n"), Long::sum))
                .list();
        return months;
    }

    /** Rejections per agency and first reason since a moment, most frequent first. */
    List<Map<String, Object>> rejections(Viewer viewer, OffsetDateTime since) {
        return jdbc.sql("select agency, first_reason, count(*) as n, max(at) as last_at from rejection_log "
                        + "where at >= :since" + (viewer.seesEverything() ? "" : " and agency = :agency")
                        + " group by agency, first_reason order by count(*) desc, agency")
                .param("since", since).params(partyParams(viewer))
                .query().listOfRows();
    }

    /** Rejections per agency per week since a moment, for the chart. */
    Map<String, Map<String, Long>> rejectionsPerWeek(Viewer viewer, OffsetDateTime since) {
        var table = new TreeMap<String, Map<String, Long>>();
        for (var row : jdbc.sql("select agency, at from rejection_log where at >= :since"
                        + (viewer.seesEverything() ? "" : " and agency = :agency"))
                .param("since", since).params(partyParams(viewer)).query().listOfRows()) {
            var at = (OffsetDateTime) toOffset(row.get("at"));
            String week = at.toLocalDate().with(java.time.DayOfWeek.MONDAY).toString();
            table.computeIfAbsent(week, w -> new TreeMap<>()).merge((String) row.get("agency"), 1L, Long::sum);
        }
        return table;
    }

    /** Dead letters per sender and reason since a moment (administrators and coordinators only). */
    List<Map<String, Object>> deadLetters(OffsetDateTime since) {
        return jdbc.sql("select sender, original_address, reason, count(*) as n, max(at) as last_at "
                        + "from dead_letter_log where at >= :since group by sender, original_address, reason "
                        + "order by count(*) desc")
                .param("since", since).query().listOfRows();
    }

    private Map<String, Long> counted(String sql, Viewer viewer) {
        var counts = new TreeMap<String, Long>();
        jdbc.sql(sql).params(partyParams(viewer))
                .query((rs, n) -> counts.put(rs.getString("k"), rs.getLong("n"))).list();
        return counts;
    }

    private long count(String sql, Viewer viewer, OffsetDateTime since) {
        return jdbc.sql(sql).param("since", since).params(partyParams(viewer)).query(Long.class).single();
    }

    private static String party(Viewer viewer) {
        return viewer.seesEverything() ? "" : " and (h.from_agency = :agency or h.to_agency = :agency)";
    }

    private static Map<String, Object> partyParams(Viewer viewer) {
        var params = new LinkedHashMap<String, Object>();
        if (!viewer.seesEverything()) {
            params.put("agency", viewer.agency());
        }
        return params;
    }

    private static Object toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }

    static List<Integer> years(Map<String, Map<Integer, Long>> table) {
        var years = new java.util.TreeSet<Integer>();
        table.values().forEach(row -> years.addAll(row.keySet()));
        return new ArrayList<>(years);
    }
}
