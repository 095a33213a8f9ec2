package org.rujuk.connector.rest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.rujuk.connector.config.ConnectorProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The hub's ledger view of one referral ({@code GET /api/v1/referrals/{id}}), asked for with the agency's own
 * account, so the hub shows exactly what it shows this agency: its own referrals, 404 for anything else.
 */
@Component
class HubLedgerClient {

    private final RestClient client;

    HubLedgerClient(ConnectorProperties properties, RestClient.Builder builder) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.client = builder.baseUrl(properties.hubUrl().toString())
                .requestFactory(requests)
                .defaultHeaders(headers -> headers.setBasicAuth(properties.username(), properties.password()))
                .build();
    }

    /** The hub's answer, passed on for 200 and 404; anything else is the hub's or the connector's fault: 502. */
    ResponseEntity<Object> referral(UUID referralId) {
        try {
            return client.get().uri("/api/v1/referrals/{id}", referralId).accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        var status = response.getStatusCode();
                        if (status.value() == 200) {
                            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                                    .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
                        }
                        if (status.value() == 404) {
                            return problem(HttpStatus.NOT_FOUND, "the hub knows no referral with this id that "
                                    + "this agency is a party of");
                        }
                        if (status.value() == 401 || status.value() == 403) {
                            return problem(HttpStatus.BAD_GATEWAY, "the hub refused the connector's account ("
                                    + status.value() + "): check rujuk.connector.username and password");
                        }
                        return problem(HttpStatus.BAD_GATEWAY, "the hub answered " + status.value());
                    });
        } catch (RestClientException e) {
            Throwable cause = e.getCause() instanceof IOException io ? io : e;
            return problem(HttpStatus.BAD_GATEWAY, "the hub cannot be reached: " + cause.getClass().getSimpleName());
        }
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
