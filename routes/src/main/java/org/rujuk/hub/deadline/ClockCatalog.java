package org.rujuk.hub.deadline;

import static org.rujuk.contract.HandoffState.ACCEPTED;
import static org.rujuk.contract.HandoffState.COMPLETED;
import static org.rujuk.contract.HandoffState.DECLINED;
import static org.rujuk.contract.HandoffState.IN_PROGRESS;
import static org.rujuk.contract.HandoffState.RECEIVED;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.rujuk.hub.deadline.LegalClockProperties.Actor;
import org.rujuk.hub.deadline.LegalClockProperties.AppliesWhen;
import org.rujuk.hub.deadline.LegalClockProperties.Start;
import org.rujuk.hub.ledger.HandoffRecord;
import org.springframework.stereotype.Component;

/** Every clock the hub knows, from configuration: the three operational deadlines and the legal clocks. */
@Component
public class ClockCatalog {

    public static final String RECEIVE = "receive";
    public static final String ANSWER = "answer";
    public static final String PROGRESS = "progress";
    /** Clocks named {@code decision_<id>} are the due dates of coordination-meeting decisions (hub.meeting). */
    public static final String DECISION_PREFIX = "decision_";
    public static final String DECISION_LABEL = "Keputusan rapat koordinasi";

    private final Map<String, ClockDefinition> byId = new LinkedHashMap<>();

    public ClockCatalog(DeadlineProperties deadlines, LegalClockProperties legal) {
        add(new ClockDefinition(RECEIVE, "Diterima sistem (received)", null, Start.SUBMITTED, Set.of(),
                Set.of(RECEIVED), deadlines.receive()::of, Actor.RECIPIENT, any -> true));
        add(new ClockDefinition(ANSWER, "Dijawab: diterima atau ditolak (answered)", null, Start.RECEIVED, Set.of(),
                Set.of(ACCEPTED, DECLINED), deadlines.answer()::of, Actor.RECIPIENT, any -> true));
        add(new ClockDefinition(PROGRESS, "Kabar perkembangan (progress)", null, Start.ACCEPTED,
                Set.of(IN_PROGRESS), Set.of(COMPLETED), deadlines.progress()::of, Actor.RECIPIENT, any -> true));
        for (var clock : legal.legal()) {
            add(new ClockDefinition(clock.id(), clock.label(), clock.source(), clock.startsAt(), Set.of(),
                    Set.copyOf(clock.endsAt()), priority -> clock.duration(), clock.actor(),
                    applies(clock.appliesWhen())));
        }
    }

    private void add(ClockDefinition definition) {
        if (isDecision(definition.id())) {
            throw new IllegalStateException("clock ids starting with '" + DECISION_PREFIX
                    + "' are the hub's own (meeting decisions): '" + definition.id() + "'");
        }
        if (byId.putIfAbsent(definition.id(), definition) != null) {
            throw new IllegalStateException("two clocks have the id '" + definition.id() + "'");
        }
    }

    public List<ClockDefinition> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The clock with this id: a configured one, or a meeting decision's ({@code decision_<id>}: labelled, no legal
     * source, never applicable by itself; it is started by hub.meeting and met with the clock it is about).
     */
    public Optional<ClockDefinition> find(String id) {
        if (isDecision(id)) {
            return Optional.of(new ClockDefinition(id, DECISION_LABEL, null, null, Set.of(), Set.of(),
                    priority -> null, Actor.RECIPIENT, any -> false));
        }
        return Optional.ofNullable(byId.get(id));
    }

    public static boolean isDecision(String id) {
        return id != null && id.startsWith(DECISION_PREFIX);
    }

    /** The clock's label for people; its id when the configuration no longer has it. */
    public String labelOf(String id) {
        return find(id).map(ClockDefinition::label).orElse(id);
    }

    /** The clock's legal source, or {@code null} for operational deadlines and unknown clocks. */
    public String sourceOf(String id) {
        return find(id).map(ClockDefinition::source).orElse(null);
    }

    /** The clocks that apply to this hand-off. */
    public List<ClockDefinition> applicableTo(HandoffRecord handoff) {
        var applicable = new ArrayList<ClockDefinition>();
        for (var definition : byId.values()) {
            if (definition.appliesTo().test(handoff)) {
                applicable.add(definition);
            }
        }
        return applicable;
    }

    private static Predicate<HandoffRecord> applies(AppliesWhen when) {
        return handoff -> {
            if (!when.childRoles().isEmpty()
                    && when.childRoles().stream().noneMatch(r -> r.wire().equals(handoff.childRole()))) {
                return false;
            }
            if (!when.categories().isEmpty()
                    && when.categories().stream().noneMatch(c -> c.wire().equals(handoff.category()))) {
                return false;
            }
            if (!when.servicesAny().isEmpty()
                    && when.servicesAny().stream().noneMatch(s -> handoff.services().contains(s.wire()))) {
                return false;
            }
            var legal = handoff.legal();
            if (!when.stages().isEmpty()
                    && (legal == null || when.stages().stream().noneMatch(s -> s.wire().equals(legal.stage())))) {
                return false;
            }
            if (when.detained() != null && (legal == null || legal.detained() != when.detained())) {
                return false;
            }
            if (!when.toAgencies().isEmpty() && !when.toAgencies().contains(handoff.toAgency())) {
                return false;
            }
            return when.fromAgencies().isEmpty() || when.fromAgencies().contains(handoff.fromAgency());
        };
    }
}
