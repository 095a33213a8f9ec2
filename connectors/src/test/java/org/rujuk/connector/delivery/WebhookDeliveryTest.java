package org.rujuk.connector.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rujuk.connector.AgencySystem;
import org.rujuk.connector.AgencySystem.Answer;
import org.rujuk.connector.config.TestProperties;
import org.rujuk.connector.delivery.DeliveryFailedException.Reason;
import org.springframework.web.client.RestClient;

/** The webhook call and its retries, against a real HTTP server; the pauses between attempts are recorded, not slept. */
class WebhookDeliveryTest {

    private final AgencySystem system = new AgencySystem();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final WebhookDelivery webhook = new WebhookDelivery(
            TestProperties.of("police", system.webhookUrl(), AgencySystem.SECRET, null), RestClient.builder(),
            new DeliveryMonitor(metrics, Clock.systemUTC()), pauses::add);

    @AfterEach
    void stopTheAgencySystem() {
        system.close();
    }

    @Test
    void postsTheBodyAsSentSignedWithItsKeyTypeAndReferral() throws Exception {
        UUID id = UUID.randomUUID();

        webhook.post(message(id, 3));

        assertThat(system.calls()).singleElement().satisfies(call -> {
            assertThat(call.signatureValid()).isTrue();
            assertThat(new String(call.body(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"referral\"}");
            assertThat(call.idempotencyKey()).isEqualTo("referral:" + id);
            assertThat(call.type()).isEqualTo("referral");
            assertThat(call.header("X-Rujuk-Referral-Id")).isEqualTo(id.toString());
            assertThat(call.deliveryCount()).isEqualTo(3);
            assertThat(call.header("X-Rujuk-Signature")).startsWith("sha256=");
        });
        assertThat(pauses).isEmpty();
    }

    @Test
    void retriesServerErrorsTimeoutsAndThrottlingWithGrowingPauses() throws Exception {
        system.script(Answer.status(502), Answer.status(408), Answer.status(429));

        webhook.post(message(UUID.randomUUID(), 1));

        assertThat(system.calls()).hasSize(4);
        assertThat(pauses).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void givesUpAfterItsAttemptsSoTheBrokerKeepsTheMessage() {
        system.script(Answer.status(503), Answer.status(503), Answer.status(503), Answer.status(503));

        var failure = catchThrowableOfType(() -> webhook.post(message(UUID.randomUUID(), 1)),
                DeliveryFailedException.class);

        assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(failure.getMessage()).isEqualTo("webhook answered HTTP 503 after 4 attempts");
        assertThat(system.calls()).hasSize(4);
        assertThat(metrics.counter("rujuk.connector.delivery.failed.attempts", "reason", "server_error").count())
                .isEqualTo(4);
    }

    @Test
    void doesNotRetryWhenTheAgencySystemRefusesTheMessage() {
        for (int refusal : new int[] {400, 404, 409, 422}) {
            system.script(Answer.status(refusal));

            var failure = catchThrowableOfType(() -> webhook.post(message(UUID.randomUUID(), 1)),
                    DeliveryFailedException.class);

            assertThat(failure.reason()).as("HTTP %d", refusal).isEqualTo(Reason.REFUSED);
        }
        assertThat(system.calls()).hasSize(4);
        assertThat(pauses).isEmpty();
    }

    @Test
    void treatsAConnectionRefusedAsUnreachable() {
        system.stop();

        var failure = catchThrowableOfType(() -> webhook.post(message(UUID.randomUUID(), 1)),
                DeliveryFailedException.class);

        assertThat(failure.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(failure.getMessage()).isEqualTo("webhook could not be reached: connection refused after 4 attempts");
    }

    @Test
    void classifiesAnswers() {
        assertThat(WebhookDelivery.Attempt.answered(204, null).delivered()).isTrue();
        assertThat(WebhookDelivery.Attempt.answered(500, "2").reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(WebhookDelivery.Attempt.answered(503, "2").retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(WebhookDelivery.Attempt.answered(429, "Wed, 21 Oct 2026 07:28:00 GMT").retryAfter()).isNull();
        assertThat(WebhookDelivery.Attempt.answered(301, null).reason()).isEqualTo(Reason.REFUSED);
        assertThat(WebhookDelivery.Attempt.answered(401, null).reason()).isEqualTo(Reason.REFUSED);
    }

    private static InboxMessage message(UUID referralId, int deliveryCount) {
        return new InboxMessage("ID:1", "referral:" + referralId, "referral", referralId,
                "{\"type\":\"referral\"}".getBytes(StandardCharsets.UTF_8), deliveryCount, Instant.now());
    }
}
