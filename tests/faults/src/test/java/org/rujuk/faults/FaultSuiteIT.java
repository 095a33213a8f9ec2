package org.rujuk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fault suite inside {@code mvn verify}: the profile Maven passes ({@code short} unless
 * {@code -Dfaults.profile=full}, which is what tests/faults/run does), every fault and its negative control.
 */
class FaultSuiteIT {

    @Test
    void nothingIsLostDuplicatedOrSilentlyDroppedAndEveryNegativeControlIsCaught() throws Exception {
        var results = new FaultSuite(Suite.fromSystemProperties(),
                Profile.named(System.getProperty("faults.profile", "short")),
                FaultSuite.faultNames(System.getProperty("faults.only")), System.out).run();

        assertThat(results).isNotEmpty();
        assertThat(results).allSatisfy(result -> assertThat(result.passed())
                .as("%s (see target/faults/report.txt)", result.fault().name()).isTrue());
    }
}
