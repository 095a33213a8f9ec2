package org.rujuk.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.ActiveMQAddressFullException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.rujuk.contract.ContractJson;
import org.rujuk.faults.hub.PoisonMessages;

/**
 * The agencies' sending side, as its own process: referrals {@code first..first+count-1} of a run, each sent as
 * its sender agency over CORE, and a line appended to the record file once the broker has confirmed it
 * ({@code accepted}) or refused it ({@code refused}). A send whose outcome is unknown (the broker went away
 * mid-send) is sent again, as a real agency system would: the same referral, the same id.
 *
 * <p>Arguments: {@code <broker-url> <run> <first> <count> <per-second> <poison-every> <mode> <record-file>};
 * mode is {@code durable} (the protected default), {@code non-persistent} or {@code fire-and-forget} (the
 * negative controls: the sender no longer waits for the broker to store the message). Referral ids are derived
 * from the run and the number, so a later generator can re-send the same referrals.
 */
public final class LoadGenerator {

    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, MessageProducer> producers = new HashMap<>();
    private final ObjectNode template;

    private LoadGenerator() throws IOException {
        try (InputStream in = LoadGenerator.class.getResourceAsStream("/examples/referral-police-to-social.json")) {
            template = (ObjectNode) ContractJson.mapper().readTree(in);
        }
        // No legal clock and the longest deadlines: nothing escalates while the suite runs.
        template.put("priority", "routine");
        template.put("childRole", "witness");
        template.put("category", "neglect");
        template.putArray("servicesRequested").add("social_accompaniment");
        template.remove("legal");
    }

    static UUID referralId(String run, int number) {
        return UUID.nameUUIDFromBytes((run + "/" + number).getBytes(StandardCharsets.UTF_8));
    }

    static String[] route(int number) {
        return Agencies.ROUTES.get(Math.floorMod(number, Agencies.ROUTES.size()));
    }

    public static void main(String[] args) throws Exception {
        String brokerUrl = args[0];
        String run = args[1];
        int first = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int perSecond = Integer.parseInt(args[4]);
        int poisonEvery = Integer.parseInt(args[5]);
        String mode = args[6];
        Path record = Path.of(args[7]);

        var generator = new LoadGenerator();
        var factory = new ActiveMQConnectionFactory(Agencies.clientUrl(brokerUrl, !mode.equals("fire-and-forget")));
        var connections = new HashMap<String, Connection>();
        for (String code : Agencies.CODES) {
            var connection = factory.createConnection(code, System.getenv(Agencies.passwordVariable(code)));
            connections.put(code, connection);
            var session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var producer = session.createProducer(session.createQueue(Agencies.REFERRALS_IN));
            producer.setDeliveryMode(mode.equals("non-persistent") ? DeliveryMode.NON_PERSISTENT
                    : DeliveryMode.PERSISTENT);
            generator.sessions.put(code, session);
            generator.producers.put(code, producer);
        }

        // A token bucket paces the load; refilled ten times a second.
        var permits = new Semaphore(0);
        var refill = Executors.newSingleThreadScheduledExecutor();
        int perTick = Math.max(1, perSecond / 10);
        refill.scheduleAtFixedRate(() -> permits.release(perTick), 0, 100, TimeUnit.MILLISECONDS);

        try (BufferedWriter out = Files.newBufferedWriter(record, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (int number = first; number < first + count; number++) {
                permits.acquire();
                boolean poison = poisonEvery > 0 && number % poisonEvery == poisonEvery - 1;
                String outcome = generator.send(run, number, poison);
                String[] route = route(number);
                // Written (to the kernel) before the next send: what this process says it sent is what it sent.
                out.write(String.join("\t", outcome, referralId(run, number).toString(), route[0], route[1],
                        String.valueOf(System.currentTimeMillis()), poison ? "poison" : "good"));
                out.newLine();
                out.flush();
            }
        } finally {
            refill.shutdownNow();
            for (var connection : connections.values()) {
                try {
                    connection.close();
                } catch (JMSException ignored) {
                    // exiting
                }
            }
        }
        System.out.println("sent " + count + " referrals of run " + run);
        System.exit(0);
    }

    /** Sends until the broker confirms or refuses; answers {@code accepted} or {@code refused}. */
    private String send(String run, int number, boolean poison) throws JMSException {
        String[] route = route(number);
        var referral = template.deepCopy();
        referral.put("referralId", referralId(run, number).toString());
        referral.put("caseRef", "FAULT/" + run + "/" + number);
        referral.put("from", route[0]);
        referral.put("to", route[1]);
        referral.put("sentAt", Agencies.rfc3339(Instant.now()));
        String body = referral.toString();
        for (int attempt = 1; ; attempt++) {
            try {
                var message = sessions.get(route[0]).createTextMessage(body);
                if (poison) {
                    message.setBooleanProperty(PoisonMessages.PROPERTY, true);
                }
                producers.get(route[0]).send(message);
                return "accepted";
            } catch (JMSException e) {
                if (isAddressFull(e)) {
                    return "refused";
                }
                if (attempt % 10 == 1) {
                    System.out.println("send of " + number + " failed (" + e.getMessage() + "); sending again");
                }
            }
        }
    }

    private static boolean isAddressFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ActiveMQAddressFullException) {
                return true;
            }
        }
        return e.getMessage() != null && e.getMessage().contains("AMQ229102");
    }
}
