package org.rujuk.hub.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rujuk.hub.audit.AuditAction;
import org.rujuk.hub.audit.AuditTrail;
import org.rujuk.hub.config.AgencyDirectory;
import org.rujuk.hub.config.DisplayProperties;
import org.rujuk.hub.deadline.ClockCatalog;
import org.rujuk.hub.deadline.ClockDefinition;
import org.rujuk.hub.deadline.ClockLedger;
import org.rujuk.hub.deadline.StuckHandoff;
import org.rujuk.hub.deadline.StuckHandoffs;
import org.rujuk.hub.ledger.HandoffLedger;
import org.rujuk.hub.meeting.DecisionView;
import org.rujuk.hub.meeting.MeetingDecisions;
import org.rujuk.hub.messaging.HubTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The coordinators' dashboard: overview, stuck hand-offs, the timeline of one referral, agencies, statistics and
 * rejections. Server-rendered; every page shows only what the viewer may see.
 */
@Controller
class DashboardController {

    private final DashboardQueries queries;
    private final StuckHandoffs stuck;
    private final HandoffLedger ledger;
    private final ClockLedger clocks;
    private final ClockCatalog catalog;
    private final AgencyDirectory agencies;
    private final DisplayProperties display;
    private final MeetingDecisions decisions;
    private final Clock clock;
    private final AuditTrail audit;

    DashboardController(DashboardQueries queries, StuckHandoffs stuck, HandoffLedger ledger, ClockLedger clocks,
            ClockCatalog catalog, AgencyDirectory agencies, DisplayProperties display, MeetingDecisions decisions,
            Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.queries = queries;
        this.stuck = stuck;
        this.ledger = ledger;
        this.clocks = clocks;
        this.catalog = catalog;
        this.agencies = agencies;
        this.display = display;
        this.decisions = decisions;
        this.clock = clock;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/overview";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/overview")
    String overview(Authentication who, Model model,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since) {
        var viewer = Viewer.of(who);
        // By default: what changed since the last coordination meeting (or the last 30 days, before the first).
        LocalDate from = since != null ? since
                : decisions.previousMeeting(today().plusDays(1)).orElse(today().minusDays(30));
        model.addAttribute("byState", queries.openByState(viewer));
        model.addAttribute("byAgency", queries.openByAgencyToAct(viewer));
        var stuckByAgency = queries.stuckByAgency(viewer);
        model.addAttribute("stuckByAgency", stuckByAgency);
        model.addAttribute("stuckChart", json(stuckByAgency));
        model.addAttribute("changes", queries.changesSince(viewer, startOf(from)));
        model.addAttribute("since", from);
        model.addAttribute("page", "overview");
        return "overview";
    }

    /** One row of the stuck list as the page shows it. */
    record StuckRow(StuckHandoff handoff, String label, String source, Duration lateBy, long daysLate) {
    }

    @GetMapping("/stuck")
    String stuckList(Authentication who, Model model, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String priority, @RequestParam(required = false) String role,
            @RequestParam(required = false) String deadline, @RequestParam(required = false) String district,
            @RequestParam(defaultValue = "late") String sort) {
        var viewer = Viewer.of(who);
        OffsetDateTime now = HubTime.now(clock);
        var rows = new ArrayList<StuckRow>();
        for (var s : stuck.list(new StuckHandoffs.Filter(agency, priority, role, deadline, district, 0, 10_000))) {
            if (viewer.seesEverything() || viewer.agency().equals(s.fromAgency())
                    || viewer.agency().equals(s.toAgency())) {
                Duration late = Duration.between(s.dueAt(), now);
                rows.add(new StuckRow(s, catalog.labelOf(s.clockId()), catalog.sourceOf(s.clockId()), late,
                        late.toDays()));
            }
        }
        Comparator<StuckRow> order = switch (sort) {
            case "level" -> Comparator.comparingInt((StuckRow r) -> r.handoff().level()).reversed()
                    .thenComparing(StuckRow::lateBy, Comparator.reverseOrder());
            case "agency" -> Comparator.comparing((StuckRow r) -> r.handoff().mustAct())
                    .thenComparing(StuckRow::lateBy, Comparator.reverseOrder());
            case "legal" -> Comparator.comparing((StuckRow r) -> r.source() == null)
                    .thenComparing(StuckRow::lateBy, Comparator.reverseOrder());
            default -> Comparator.comparing(StuckRow::lateBy, Comparator.reverseOrder());
        };
        rows.sort(order);
        model.addAttribute("rows", rows);
        model.addAttribute("today", today());
        model.addAttribute("agencies", agencies.codes());
        model.addAttribute("deadlines", catalog.all().stream().map(ClockDefinition::id).toList());
        model.addAttribute("filter", Map.of("agency", nz(agency), "priority", nz(priority), "role", nz(role),
                "deadline", nz(deadline), "district", nz(district), "sort", sort));
        model.addAttribute("page", "stuck");
        return "stuck";
    }

    /** One line of a referral's timeline. */
    record TimelineEntry(OffsetDateTime at, String kind, String detail, String actor, String reason,
            Duration sincePrevious) {
    }

    @GetMapping("/referrals/{referralId}")
    String timeline(Authentication who, Model model, @PathVariable UUID referralId) {
        var view = ledger.find(referralId)
                .filter(found -> org.rujuk.hub.api.ApiAccess.maySee(who, found.handoff()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // Before rendering: a look that could not be audited is not given.
        if (org.rujuk.hub.api.ApiAccess.isOverseer(who)) {
            audit.accessed(who.getName(), AuditAction.TIMELINE_VIEWED, List.of(referralId), "via=dashboard");
        }
        var entries = new ArrayList<TimelineEntry>();
        for (var event : view.history()) {
            String kind = event.state().wire().equals("submitted") ? "receipt" : "state";
            entries.add(new TimelineEntry(event.recordedAt(), kind, event.state().wire()
                    + (event.implied() ? " (implied)" : ""), event.reportedBy(), event.reason(), null));
        }
        var mustAct = new java.util.HashMap<String, String>();
        clocks.clocksOf(referralId).forEach(c -> mustAct.put(c.clockId(), c.mustAct()));
        for (var event : clocks.historyOf(referralId)) {
            if (event.kind().equals("escalated")) {
                String label = catalog.labelOf(event.clockId());
                entries.add(new TimelineEntry(event.at(), "escalation", label, "hub", "level " + event.level(),
                        null));
                entries.add(new TimelineEntry(event.at(), "reminder", mustAct.getOrDefault(event.clockId(), ""),
                        "hub", label, null));
            }
        }
        OffsetDateTime decisionTime = HubTime.now(clock);
        var decisionViews = decisions.of(referralId).stream()
                .map(d -> DecisionView.of(d, catalog, decisionTime)).toList();
        for (var decision : decisionViews) {
            entries.add(new TimelineEntry(decision.decidedAt(), "decision", decision.action(), decision.decidedBy(),
                    decision.responsibleAgency() + " · " + decision.dueDate() + " · " + decision.status(), null));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        var timed = new ArrayList<TimelineEntry>();
        OffsetDateTime previous = null;
        for (var entry : entries) {
            timed.add(new TimelineEntry(entry.at(), entry.kind(), entry.detail(), entry.actor(), entry.reason(),
                    previous == null ? null : Duration.between(previous, entry.at())));
            previous = entry.at();
        }
        OffsetDateTime now = HubTime.now(clock);
        model.addAttribute("handoff", view.handoff());
        model.addAttribute("entries", timed);
        model.addAttribute("clocks", clocks.clocksOf(referralId).stream().map(c -> Map.of(
                "clock", c,
                "label", catalog.labelOf(c.clockId()),
                "source", java.util.Objects.requireNonNullElse(catalog.sourceOf(c.clockId()), ""),
                "lateBy", c.lateBy(now))).toList());
        model.addAttribute("decisions", decisionViews);
        model.addAttribute("agencies", agencies.codes());
        model.addAttribute("today", today());
        model.addAttribute("page", "stuck");
        return "timeline";
    }

    /** One agency's figures over a period. */
    record AgencyFigures(String agency, long sent, Double receivedInTime, Double answeredInTime,
            Duration medianToReceive, Duration medianToAnswer, long open, long stuck) {
    }

    @GetMapping("/agencies")
    String agencyFigures(Authentication who, Model model,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var viewer = Viewer.of(who);
        LocalDate start = from != null ? from : today().minusDays(90);
        LocalDate end = to != null ? to : today();
        var byAgency = new LinkedHashMap<String, List<DashboardQueries.Timing>>();
        agencies.codes().forEach(code -> byAgency.put(code, new ArrayList<>()));
        for (var timing : queries.timings(viewer, startOf(start), startOf(end.plusDays(1)))) {
            byAgency.computeIfAbsent(timing.toAgency(), k -> new ArrayList<>()).add(timing);
        }
        var figures = new ArrayList<AgencyFigures>();
        byAgency.forEach((agency, timings) -> figures.add(figuresOf(agency, timings)));
        model.addAttribute("figures", figures);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("page", "agencies");
        return "agencies";
    }

    private static AgencyFigures figuresOf(String agency, List<DashboardQueries.Timing> timings) {
        long receiveDone = timings.stream().filter(t -> t.receiveLateMillis() != null).count();
        long receiveOnTime = timings.stream().filter(t -> t.receiveLateMillis() != null && t.receiveLateMillis() == 0)
                .count();
        long answerDone = timings.stream().filter(t -> t.answerLateMillis() != null).count();
        long answerOnTime = timings.stream().filter(t -> t.answerLateMillis() != null && t.answerLateMillis() == 0)
                .count();
        return new AgencyFigures(agency, timings.size(),
                receiveDone == 0 ? null : (double) receiveOnTime / receiveDone,
                answerDone == 0 ? null : (double) answerOnTime / answerDone,
                median(timings.stream().map(DashboardQueries.Timing::timeToReceive).toList()),
                median(timings.stream().map(DashboardQueries.Timing::timeToAnswer).toList()),
                timings.stream().filter(t -> List.of("submitted", "received", "accepted", "in_progress")
                        .contains(t.state())).count(),
                timings.stream().filter(DashboardQueries.Timing::stuck).count());
    }

    private static Duration median(List<Duration> durations) {
        var known = durations.stream().filter(d -> d != null).sorted().toList();
        return known.isEmpty() ? null : known.get(known.size() / 2);
    }

    @GetMapping("/statistics")
    String statistics(Authentication who, Model model) {
        var viewer = Viewer.of(who);
        var byCategory = queries.byDimensionAndYear(viewer, "category");
        model.addAttribute("byCategory", byCategory);
        model.addAttribute("byRole", queries.byDimensionAndYear(viewer, "role"));
        model.addAttribute("byDistrict", queries.byDimensionAndYear(viewer, "district"));
        model.addAttribute("byMonth", queries.byMonth(viewer));
        model.addAttribute("years", DashboardQueries.years(byCategory));
        model.addAttribute("page", "statistics");
        return "statistics";
    }

    /** The seed's table, cases per category per year, from live data. */
    @GetMapping(value = "/statistics.csv", produces = "text/csv")
    ResponseEntity<byte[]> statisticsCsv(Authentication who) {
        var table = queries.byDimensionAndYear(Viewer.of(who), "category");
        var years = DashboardQueries.years(table);
        var csv = new StringBuilder("category");
        years.forEach(y -> csv.append(',').append(y));
        csv.append('\n');
        table.forEach((category, row) -> {
            csv.append(category);
            years.forEach(y -> csv.append(',').append(row.getOrDefault(y, 0L)));
            csv.append('\n');
        });
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rujuk-cases-per-category.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/rejections")
    String rejections(Authentication who, Model model,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since) {
        var viewer = Viewer.of(who);
        LocalDate from = since != null ? since : today().minusDays(30);
        model.addAttribute("rejections", queries.rejections(viewer, startOf(from)));
        model.addAttribute("perWeek", queries.rejectionsPerWeek(viewer, startOf(from)));
        model.addAttribute("deadLetters", viewer.seesEverything() ? queries.deadLetters(startOf(from)) : List.of());
        model.addAttribute("since", from);
        model.addAttribute("page", "rejections");
        return "rejections";
    }

    private LocalDate today() {
        return HubTime.now(clock).atZoneSameInstant(display.timeZone()).toLocalDate();
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(display.timeZone()).toOffsetDateTime();
    }

    private static String json(Object value) {
        try {
            return org.rujuk.contract.ContractJson.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
