package org.rujuk.connector.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void isTheHexHmacSha256OfTheBody() {
        // RFC 4231, test case 2.
        assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verifiesOnlyTheExactBodyWithTheRightSecret() {
        byte[] body = "{\"type\":\"receipt\"}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.sign("the-shared-secret-0123", body);

        assertThat(WebhookSignature.verify("the-shared-secret-0123", body, header)).isTrue();
        assertThat(WebhookSignature.verify("another-secret-0123456", body, header)).isFalse();
        assertThat(WebhookSignature.verify("the-shared-secret-0123",
                "{\"type\": \"receipt\"}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(WebhookSignature.verify("the-shared-secret-0123", body, null)).isFalse();
    }
}
