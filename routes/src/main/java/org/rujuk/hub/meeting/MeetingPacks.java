package org.rujuk.hub.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rujuk.hub.config.HubProperties;
import org.rujuk.hub.deadline.ClockCatalog;
import org.rujuk.hub.deadline.StuckHandoff;
import org.rujuk.hub.deadline.StuckHandoffs;
import org.rujuk.hub.meeting.MeetingPack.AgencyGroup;
import org.rujuk.hub.meeting.MeetingPack.AgendaItem;
import org.rujuk.hub.meeting.MeetingPack.PastDecision;
import org.rujuk.hub.messaging.HubTime;
import org.springframework.stereotype.Component;

/**
 * Puts a meeting pack together: the stuck list as it is now, the previous meeting's decisions (the latest meeting
 * date before the pack's that recorded any) with whether each was kept, each agenda item with the decision about
 * its hand-off. Agencies in configuration order; within one, legal clocks before operational ones, then level 2
 * before 1, then the longest late.
 */
@Component
class MeetingPacks {

    private static final int PAGE = 10_000;

    static final Comparator<AgendaItem> URGENT_FIRST = Comparator
            .comparing((AgendaItem item) -> !item.legal())
            .thenComparing(AgendaItem::level, Comparator.reverseOrder())
            .thenComparing(AgendaItem::dueAt)
            .thenComparing(AgendaItem::referralId)
            .thenComparing(AgendaItem::deadline);

    private final StuckHandoffs stuck;
    private final MeetingDecisions decisions;
    private final ClockCatalog catalog;
    private final Map<String, String> agencyNames = new LinkedHashMap<>();
    private final Clock clock;

    MeetingPacks(StuckHandoffs stuck, MeetingDecisions decisions, ClockCatalog catalog, HubProperties properties,
            Clock clock) {
        this.stuck = stuck;
        this.decisions = decisions;
        this.catalog = catalog;
        properties.agencies().forEach(a -> agencyNames.put(a.code(), a.name()));
        this.clock = clock;
    }

    MeetingPack build(LocalDate date) {
        OffsetDateTime now = HubTime.now(clock);
        List<StuckHandoff> stuckNow = allStuck();
        var stuckReferrals = new HashSet<UUID>();
        stuckNow.forEach(s -> stuckReferrals.add(s.referralId()));

        LocalDate previousMeeting = decisions.previousMeeting(date).orElse(null);
        List<PastDecision> previous = previousMeeting == null ? List.of()
                : decisions.atMeeting(previousMeeting).stream()
                        .map(d -> new PastDecision(d.decision(), d.decision().kept(now), d.caseRef(), d.fromAgency(),
                                d.toAgency(), d.state(), label(d.decision().deadline()),
                                stuckReferrals.contains(d.decision().referralId())))
                        .toList();
        Map<UUID, List<PastDecision>> previousByReferral = previous.stream()
                .collect(Collectors.groupingBy(p -> p.decision().referralId()));

        var byAgency = new LinkedHashMap<String, List<AgendaItem>>();
        for (StuckHandoff s : stuckNow) {
            Duration late = Duration.between(s.dueAt(), now);
            var item = new AgendaItem(s.caseRef(), s.referralId(), s.fromAgency(), s.toAgency(), s.mustAct(),
                    s.state(), s.priority(), s.clockId(), catalog.labelOf(s.clockId()),
                    catalog.sourceOf(s.clockId()), s.dueAt(),
                    late.isNegative() ? Duration.ZERO : late, s.level(),
                    about(previousByReferral.getOrDefault(s.referralId(), List.of()), s.clockId()));
            byAgency.computeIfAbsent(s.mustAct(), a -> new ArrayList<>()).add(item);
        }
        var agencies = new ArrayList<>(byAgency.keySet());
        var configured = new ArrayList<>(agencyNames.keySet());
        agencies.sort(Comparator.comparing((String a) -> configured.contains(a) ? configured.indexOf(a)
                : configured.size()).thenComparing(Comparator.naturalOrder()));
        var groups = agencies.stream().map(agency -> {
            var items = new ArrayList<>(byAgency.get(agency));
            items.sort(URGENT_FIRST);
            return new AgencyGroup(agency, agencyNames.getOrDefault(agency, agency), List.copyOf(items));
        }).toList();
        return new MeetingPack(date, now, previousMeeting, groups, previous);
    }

    /**
     * The previous meeting's decision for an agenda item: the one about this clock (or whose own clock this is),
     * else the latest about the hand-off.
     */
    private static PastDecision about(List<PastDecision> decisionsOfHandoff, String clockId) {
        PastDecision aboutClock = null;
        PastDecision latest = null;
        for (PastDecision past : decisionsOfHandoff) {
            if (past.decision().deadline().equals(clockId) || past.decision().clockId().equals(clockId)) {
                aboutClock = past;
            }
            latest = past;
        }
        return aboutClock != null ? aboutClock : latest;
    }

    private String label(String clockId) {
        return catalog.labelOf(clockId);
    }

    private List<StuckHandoff> allStuck() {
        var all = new ArrayList<StuckHandoff>();
        for (int offset = 0;; offset += PAGE) {
            var page = stuck.list(new StuckHandoffs.Filter(null, null, null, null, null, offset, PAGE));
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }
}
