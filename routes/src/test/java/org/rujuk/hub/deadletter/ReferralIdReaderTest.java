package org.rujuk.hub.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReferralIdReaderTest {

    private static final UUID ID = UUID.fromString("0b6f6c1e-6a43-4c39-9d6c-2f0a8f1f4a11");

    @Test
    void readsATopLevelUuidReferralId() {
        assertThat(ReferralIdReader.of("{\"type\":\"referral\",\"child\":{\"initials\":\"AB\"},\"referralId\":\""
                + ID + "\"}")).isEqualTo(ID);
    }

    @Test
    void givesNoneForWhatIsNotAReferralIdTheContractAllows() {
        assertThat(ReferralIdReader.of("not json")).isNull();
        assertThat(ReferralIdReader.of("[\"" + ID + "\"]")).isNull();
        assertThat(ReferralIdReader.of("{\"referralId\":\"QXZW 9988776655443322\"}")).isNull();
        assertThat(ReferralIdReader.of("{\"referralId\":\"1-2-3-4-5\"}")).isNull();
        assertThat(ReferralIdReader.of("{\"referralId\":42}")).isNull();
        assertThat(ReferralIdReader.of("{\"nested\":{\"referralId\":\"" + ID + "\"}}")).isNull();
        assertThat(ReferralIdReader.of(("{\"pad\":\"" + "x".repeat(300 * 1024) + "\",\"referralId\":\"" + ID
                + "\"}"))).isNull();
        assertThat(ReferralIdReader.of((String) null)).isNull();
    }
}
