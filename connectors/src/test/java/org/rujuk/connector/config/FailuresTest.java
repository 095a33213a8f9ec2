package org.rujuk.connector.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.jms.UncategorizedJmsException;

class FailuresTest {

    @Test
    void showsMessagesOfJmsAndIoFailuresWithTheirRootCause() {
        var failure = new UncategorizedJmsException(new JMSException("AMQ219014: timed out"));

        assertThat(Failures.describe(failure))
                .isEqualTo("UncategorizedJmsException: Uncategorized exception occurred during JMS processing"
                        + " (JMSException: AMQ219014: timed out)");
        assertThat(Failures.describe(new IOException("disk full"))).isEqualTo("IOException: disk full");
    }

    @Test
    void hidesMessagesThatMayQuoteABody() {
        var conversion = new IllegalArgumentException("cannot convert value {\"child\":{\"initials\":\"RA\"}}");

        assertThat(Failures.describe(conversion)).isEqualTo("IllegalArgumentException");
        assertThat(Failures.describe(new IOException("wrapped", conversion)))
                .isEqualTo("IOException: wrapped (IllegalArgumentException)");
        assertThat(Failures.describe(null)).isEqualTo("unknown");
    }
}
