package org.rujuk.hub.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.rujuk.contract.Category;
import org.rujuk.contract.ChildRole;
import org.rujuk.contract.HandoffState;
import org.rujuk.contract.LegalStage;
import org.rujuk.contract.Service;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The legal clocks: deadlines that Indonesian law sets for children in conflict with the law and for victims of
 * sexual violence (defaults and sources from DOMAIN.md, in application.yml). Each is configuration: which
 * referrals it applies to, the event it runs from, how long it runs, which state of the hand-off satisfies it, and
 * the legal source shown next to it.
 */
@Validated
@ConfigurationProperties("rujuk.clocks")
public record LegalClockProperties(@DefaultValue List<@Valid LegalClock> legal) {

    /** Where a clock starts counting. */
    public enum Start {
        /** When the hub recorded the referral (the request to the other agency). */
        SUBMITTED,
        /** When the child's current legal stage started ({@code legal.stageStartedAt}). */
        STAGE_STARTED,
        RECEIVED,
        ACCEPTED,
        IN_PROGRESS
    }

    /** Which party must act for the clock to be met. */
    public enum Actor { RECIPIENT, SENDER }

    public record LegalClock(
            @NotNull @Pattern(regexp = "^[a-z][a-z0-9_]{1,47}$") String id,
            @NotBlank String label,
            @NotBlank String source,
            @NotNull Duration duration,
            @NotNull Start startsAt,
            /* The states that satisfy the clock; a final state always stops it. */
            @DefaultValue Set<HandoffState> endsAt,
            @DefaultValue("RECIPIENT") Actor actor,
            @Valid @DefaultValue AppliesWhen appliesWhen) {
    }

    /** Conditions on the referral's routing metadata; an empty list means "any". */
    public record AppliesWhen(
            @DefaultValue Set<ChildRole> childRoles,
            @DefaultValue Set<Category> categories,
            @DefaultValue Set<Service> servicesAny,
            @DefaultValue Set<LegalStage> stages,
            Boolean detained,
            @DefaultValue Set<String> toAgencies,
            @DefaultValue Set<String> fromAgencies) {
    }
}
