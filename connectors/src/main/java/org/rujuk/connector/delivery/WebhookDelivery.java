package org.rujuk.connector.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.rujuk.connector.config.ConnectorProperties;
import org.rujuk.connector.delivery.DeliveryFailedException.Reason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * POSTs one inbox message to the agency system's webhook: the body exactly as the hub sent it, signed
 * ({@link WebhookSignature}), with an {@code Idempotency-Key} that stays the same however often the message is
 * delivered. A 2xx means the agency system has it. 5xx, 408, 429, a timeout or a refused connection are retried
 * here with exponential back-off ({@link Backoff}) up to {@code attempts} times; any other answer is the agency
 * system refusing this message, and is not retried here. Either way the failure is thrown, the inbox message rolls
 * back, and the broker keeps it and offers it again later: nothing is dropped on the agency system's say-so.
 */
@Component
class WebhookDelivery {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String TYPE = "X-Rujuk-Type";
    static final String REFERRAL_ID = "X-Rujuk-Referral-Id";
    static final String DELIVERY_COUNT = "X-Rujuk-Delivery-Count";
    static final String AGENCY = "X-Rujuk-Agency";

    /** Waits between attempts; tests replace it. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RestClient client;
    private final URI url;
    private final String secret;
    private final String agency;
    private final int attempts;
    private final Backoff backoff;
    private final DeliveryMonitor monitor;
    private final Pause pause;

    @Autowired
    WebhookDelivery(ConnectorProperties properties, RestClient.Builder builder, DeliveryMonitor monitor) {
        this(properties, builder, monitor, duration -> Thread.sleep(duration.toMillis()));
    }

    WebhookDelivery(ConnectorProperties properties, RestClient.Builder builder, DeliveryMonitor monitor, Pause pause) {
        var webhook = properties.webhook();
        // HTTP/1.1: no h2c upgrade dance with the agency system's server on plain http.
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(webhook.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(webhook.timeout());
        this.client = builder.requestFactory(requests).build();
        this.url = properties.webhookUrl();
        this.secret = properties.webhookSecret();
        this.agency = properties.agency();
        this.attempts = webhook.attempts();
        this.backoff = Backoff.of(webhook);
        this.monitor = monitor;
        this.pause = pause;
    }

    void post(InboxMessage message) throws DeliveryFailedException {
        for (int attempt = 1; ; attempt++) {
            Attempt result = call(message);
            if (result.delivered()) {
                return;
            }
            monitor.attemptFailed(result.reason());
            if (result.reason() == Reason.REFUSED || attempt >= attempts) {
                throw new DeliveryFailedException(result.reason(), "webhook " + result.detail()
                        + (result.reason() == Reason.REFUSED ? " (not retried by the connector)" : " after " + attempt
                                + (attempt == 1 ? " attempt" : " attempts")));
            }
            try {
                pause.sleep(backoff.after(attempt, result.retryAfter()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryFailedException(Reason.INTERRUPTED, "connector stopping; webhook " + result.detail());
            }
        }
    }

    private Attempt call(InboxMessage message) {
        try {
            return client.post().uri(url)
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(headers -> {
                        headers.set(IDEMPOTENCY_KEY, message.idempotencyKey());
                        headers.set(WebhookSignature.HEADER, WebhookSignature.sign(secret, message.body()));
                        headers.set(TYPE, message.type() == null ? "unknown" : message.type());
                        if (message.referralId() != null) {
                            headers.set(REFERRAL_ID, message.referralId().toString());
                        }
                        headers.set(DELIVERY_COUNT, Integer.toString(message.deliveryCount()));
                        headers.set(AGENCY, agency);
                        headers.set(HttpHeaders.USER_AGENT, "rujuk-connector/" + agency);
                    })
                    .body(message.body())
                    // The answer's body is never read: it is the agency system's, and may quote the message.
                    .exchange((request, response) -> Attempt.answered(response.getStatusCode().value(),
                            response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        } catch (RestClientException e) {
            return Attempt.failed(e);
        }
    }

    /** The outcome of one HTTP call. {@code detail} is for a person and carries no part of either body. */
    record Attempt(boolean delivered, Reason reason, String detail, Duration retryAfter) {

        static Attempt answered(int status, String retryAfter) {
            if (status >= 200 && status < 300) {
                return new Attempt(true, null, "answered HTTP " + status, null);
            }
            if (status >= 500 || status == 408 || status == 429) {
                return new Attempt(false, Reason.SERVER_ERROR, "answered HTTP " + status, seconds(retryAfter));
            }
            return new Attempt(false, Reason.REFUSED, "refused the message with HTTP " + status, null);
        }

        static Attempt failed(RestClientException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof HttpConnectTimeoutException) {
                    return new Attempt(false, Reason.UNREACHABLE, "could not be reached: connect timed out", null);
                }
                if (cause instanceof HttpTimeoutException) {
                    return new Attempt(false, Reason.TIMEOUT, "did not answer in time", null);
                }
                if (cause instanceof ConnectException) {
                    return new Attempt(false, Reason.UNREACHABLE, "could not be reached: connection refused", null);
                }
                if (cause instanceof UnknownHostException) {
                    return new Attempt(false, Reason.UNREACHABLE, "could not be reached: unknown host", null);
                }
                if (cause instanceof IOException io) {
                    return new Attempt(false, Reason.UNREACHABLE, "failed: " + io.getClass().getSimpleName(), null);
                }
            }
            return new Attempt(false, Reason.UNREACHABLE, "failed: " + e.getClass().getSimpleName(), null);
        }

        private static Duration seconds(String retryAfter) {
            try {
                return retryAfter == null ? null : Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
