package org.rujuk.hub.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rujuk.hub.AgencyClient;
import org.rujuk.hub.HubIntegrationTest;
import org.rujuk.hub.MutableClock;
import org.rujuk.hub.RujukHubApplication;
import org.rujuk.hub.TestPorts;
import org.rujuk.hub.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two hub instances side by side on one broker and one PostgreSQL, as production scales out: both consume the
 * inbound queues and both run the watchdog at the same moment, yet each escalation and each reminder happens
 * exactly once.
 */
class TwoHubsTest {

    private static final long WAIT = 10_000;

    @TempDir
    Path dataA;

    @TempDir
    Path dataB;

    private final int brokerPort = TestPorts.free();
    private final MutableClock clock = new MutableClock();
    private final String password = "pw-" + UUID.randomUUID();

    @Test
    void escalatesEachLateHandoffExactlyOnceWithTwoHubs() throws Exception {
        String database = TestPostgres.jdbcUrl("two_hubs");
        try (var hubA = start(database, dataA, "--rujuk.broker.embedded=true",
                "--rujuk.broker.acceptor-url=tcp://localhost:" + brokerPort,
                "--rujuk.broker.url=vm://" + brokerPort);
             var hubB = start(database, dataB, "--rujuk.broker.embedded=false",
                "--rujuk.broker.url=tcp://localhost:" + brokerPort,
                "--rujuk.broker.admin-user=admin", "--rujuk.broker.admin-password=" + password,
                // The embedded broker keeps its accounts in memory; only addresses and permissions are provisioned.
                "--rujuk.broker.provision-accounts=false");
             var coordinator = new ActiveMQConnectionFactory(url(), "coordinator", password).createConnection();
             var police = new AgencyClient(url(), "police", password);
             var social = new AgencyClient(url(), "social", password)) {
            var session = coordinator.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var escalations = session.createConsumer(session.createTopic("rujuk.escalations"));
            coordinator.start();

            var ids = new ArrayList<String>();
            for (int i = 0; i < 5; i++) {
                var referral = HubIntegrationTest.Examples.json("referral-police-to-social.json").deepCopy();
                String id = UUID.randomUUID().toString();
                ((com.fasterxml.jackson.databind.node.ObjectNode) referral).put("referralId", id);
                police.sendText("rujuk.referrals.in", referral.toString());
                assertThat(police.receive("rujuk.agency.police.inbox", "referralId = '" + id + "'", WAIT)).isNotNull();
                ids.add(id);
            }

            clock.advance(Duration.ofHours(4).plusMinutes(1));
            Watchdog a = hubA.getBean(Watchdog.class);
            Watchdog b = hubB.getBean(Watchdog.class);
            int announced = together(a::runOnce, b::runOnce) + together(a::runOnce, b::runOnce);

            assertThat(announced).isEqualTo(ids.size());
            var received = new ArrayList<String>();
            for (Message m = escalations.receive(WAIT); m != null; m = escalations.receive(500)) {
                received.add(m.getStringProperty("referralId"));
            }
            assertThat(received).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(social.drain("rujuk.agency.social.inbox", "rujukType = 'reminder'")).hasSize(ids.size());
            assertThat(hubA.getBean(JdbcClient.class)
                    .sql("select count(*) from handoff_deadline_event where kind = 'escalated'")
                    .query(Long.class).single()).isEqualTo(ids.size());
        }
    }

    /** Runs both at the same moment on two threads; returns the sum of their results. */
    private static int together(Callable<Integer> first, Callable<Integer> second) throws Exception {
        var executor = Executors.newFixedThreadPool(2);
        try {
            var barrier = new CyclicBarrier(2);
            var one = executor.submit(() -> {
                barrier.await();
                return first.call();
            });
            var two = executor.submit(() -> {
                barrier.await();
                return second.call();
            });
            return one.get(60, TimeUnit.SECONDS) + two.get(60, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
    }

    private String url() {
        return "tcp://localhost:" + brokerPort;
    }

    private ConfigurableApplicationContext start(String database, Path data, String... specific) {
        var arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--rujuk.data-dir=" + data,
                "--server.port=0",
                "--rujuk.watchdog.enabled=false",
                "--rujuk.agencies[0].code=police", "--rujuk.agencies[0].name=Polres",
                "--rujuk.agencies[0].password=" + password,
                "--rujuk.agencies[1].code=social", "--rujuk.agencies[1].name=Dinsos",
                "--rujuk.agencies[1].password=" + password,
                "--rujuk.accounts.hub-password=" + password,
                "--rujuk.accounts.coordinator-password=" + password,
                "--rujuk.accounts.admin-password=" + password));
        arguments.addAll(List.of(specific));
        return new SpringApplicationBuilder(RujukHubApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("mutableClock", clock))
                .run(arguments.toArray(String[]::new));
    }
}
