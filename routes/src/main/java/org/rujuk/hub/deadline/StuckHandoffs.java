package org.rujuk.hub.deadline;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stuck list: every clock that is late and not met, oldest first. It reads the stuck-since index, so it costs
 * in proportion to what is stuck, not to the size of the ledger.
 */
@Repository
public class StuckHandoffs {

    /** Optional filters ({@code null} means any) and the page: the oldest first, {@code limit} at a time. */
    public record Filter(String agency, String priority, String role, String deadline, String district, int offset,
            int limit) {

        public static Filter all(int limit) {
            return new Filter(null, null, null, null, null, 0, limit);
        }
    }

    private final JdbcClient jdbc;

    public StuckHandoffs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select h.referral_id, h.case_ref, h.from_agency, h.to_agency, c.must_act, h.state, h.priority,
                h.child_role, h.category, h.district, c.clock_id, c.started_at, c.due_at, c.stuck_since, c.level
            from handoff_clock c join handoff h on h.referral_id = c.referral_id
            where c.stuck_since is not null""";

    public List<StuckHandoff> list(Filter filter) {
        var sql = new StringBuilder(SELECT);
        var params = new LinkedHashMap<String, Object>();
        condition(sql, params, "c.must_act", "agency", filter.agency());
        condition(sql, params, "h.priority", "priority", filter.priority());
        condition(sql, params, "h.child_role", "role", filter.role());
        condition(sql, params, "c.clock_id", "deadline", filter.deadline());
        condition(sql, params, "h.district", "district", filter.district());
        sql.append(" order by c.stuck_since, c.referral_id, c.clock_id offset :offset rows fetch next :limit rows only");
        params.put("offset", filter.offset());
        params.put("limit", filter.limit());
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new StuckHandoff(
                        rs.getObject("referral_id", UUID.class),
                        rs.getString("case_ref"),
                        rs.getString("from_agency"),
                        rs.getString("to_agency"),
                        rs.getString("must_act"),
                        rs.getString("state"),
                        rs.getString("priority"),
                        rs.getString("child_role"),
                        rs.getString("category"),
                        rs.getString("district"),
                        rs.getString("clock_id"),
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("due_at", OffsetDateTime.class),
                        rs.getObject("stuck_since", OffsetDateTime.class),
                        rs.getInt("level")))
                .list();
    }

    private static void condition(StringBuilder sql, LinkedHashMap<String, Object> params, String column,
            String name, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }
}
