package org.rujuk.hub;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Inert fault points woven into the intake routes of every test context: after the message is consumed but
 * before the ledger commits, after the ledger commits but before anything is sent, and after the sends but before
 * the JMS commit; and into the watchdog's sending, after the sends but before the escalation is recorded. A test
 * arms a point to make the hub fail there a given number of times.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FaultInjection {

    public enum Point { BEFORE_LEDGER, AFTER_LEDGER, AFTER_SEND }

    private final Map<String, AtomicInteger> armed = new ConcurrentHashMap<>();

    public void arm(String kind, Point point, int times) {
        armed.put(kind + ":" + point, new AtomicInteger(times));
    }

    public void disarmAll() {
        armed.clear();
    }

    void maybeFail(String kind, Point point) {
        var remaining = armed.get(kind + ":" + point);
        if (remaining != null && remaining.getAndDecrement() > 0) {
            throw new IllegalStateException("injected fault " + point + " in " + kind + " intake");
        }
    }

    @Bean
    CamelContextConfiguration weaveFaultPoints() {
        FaultInjection faults = this;
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                for (String kind : new String[] {"referral", "status"}) {
                    try {
                        AdviceWith.adviceWith(context, kind + "-intake", route -> {
                            route.weaveById("decide-and-record-" + kind).before()
                                    .process(e -> faults.maybeFail(kind, Point.BEFORE_LEDGER));
                            route.weaveById("decide-and-record-" + kind).after()
                                    .process(e -> faults.maybeFail(kind, Point.AFTER_LEDGER));
                            route.weaveAddLast().process(e -> faults.maybeFail(kind, Point.AFTER_SEND));
                        });
                    } catch (Exception e) {
                        throw new IllegalStateException("could not weave fault points into " + kind + "-intake", e);
                    }
                }
                try {
                    // The watchdog's sends are done when this route ends; the escalation is not recorded yet.
                    AdviceWith.adviceWith(context, "send-notices-now",
                            route -> route.weaveAddLast().process(e -> faults.maybeFail("watchdog", Point.AFTER_SEND)));
                } catch (Exception e) {
                    throw new IllegalStateException("could not weave a fault point into send-notices-now", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
            }
        };
    }
}
