package org.rujuk.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.rujuk.connector.delivery.WebhookSignature;
import org.rujuk.contract.ContractJson;

/**
 * An agency's own system, as far as Rujuk sees it: an HTTP endpoint on loopback that takes the connector's webhook
 * calls, checks each signature with the shared secret (401 if it does not match, as a real system must), records
 * every call, and answers as the test scripted it (200 by default).
 */
public final class AgencySystem implements AutoCloseable {

    public static final String SECRET = "s3cret-shared-with-the-agency-system";

    /** One scripted answer. */
    public sealed interface Answer {
        static Answer status(int code) {
            return new Status(code);
        }

        /** Answers nothing until released (then 200, to a connector that stopped listening long ago). */
        static Answer hangUntil(CountDownLatch released) {
            return new Hang(released);
        }
    }

    record Status(int code) implements Answer {
    }

    record Hang(CountDownLatch released) implements Answer {
    }

    /** One webhook call as the agency system received it. */
    public record Call(Map<String, String> headers, byte[] body, boolean signatureValid, Instant at) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String idempotencyKey() {
            return header("Idempotency-Key");
        }

        public String type() {
            return header("X-Rujuk-Type");
        }

        public int deliveryCount() {
            return Integer.parseInt(header("X-Rujuk-Delivery-Count"));
        }

        public JsonNode json() {
            try {
                return ContractJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public boolean isAbout(UUID referralId) {
            return referralId.toString().equals(header("X-Rujuk-Referral-Id"));
        }
    }

    private final int port;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private HttpServer server;

    public AgencySystem() {
        this(TestHub.freePort());
    }

    private AgencySystem(int port) {
        this.port = port;
        start();
    }

    /** An agency system that is not listening yet: its port refuses connections until {@link #start()}. */
    public static AgencySystem notListening() {
        var system = new AgencySystem(TestHub.freePort());
        system.stop();
        return system;
    }

    public URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + port + "/rujuk/webhook");
    }

    /** The next calls get these answers, in order; every call after them gets 200. */
    public void script(Answer... answers) {
        script.addAll(List.of(answers));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> callsAbout(UUID referralId) {
        return calls.stream().filter(call -> call.isAbout(referralId)).toList();
    }

    /** Calls about this referral of this type (e.g. "status") that the system accepted (signature valid). */
    public List<Call> callsAbout(UUID referralId, String type) {
        return callsAbout(referralId).stream().filter(call -> type.equals(call.type())).toList();
    }

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/rujuk/webhook", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = new TreeMap<String, String>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            boolean valid = "POST".equals(exchange.getRequestMethod())
                    && WebhookSignature.verify(SECRET, body, headers.get("x-rujuk-signature"));
            calls.add(new Call(Map.copyOf(headers), body, valid, Instant.now()));
            if (!valid) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Answer answer = script.poll();
            if (answer instanceof Hang hang) {
                try {
                    hang.released().await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer = null;
            }
            int code = answer instanceof Status status ? status.code() : 200;
            exchange.sendResponseHeaders(code, -1);
        } catch (IOException e) {
            // The connector gave up on this call (a timeout test): nothing to answer to.
        }
    }
}
