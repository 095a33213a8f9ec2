package org.rujuk.faults.hub;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateProcessor;

/**
 * Makes the hub under test fail, every time, on a message that carries the JMS property {@value #PROPERTY}: a
 * poison message, as a bug that breaks on one particular input would make one. Every contract-valid message the
 * hub gets is processed or answered, so the fault suite needs this to produce poison at all.
 *
 * <p>The failure comes right after the hub's attempt check (the processors with ids {@code check-*-attempts}), so
 * the hub's own retry accounting runs unchanged: the message is rolled back, redelivered with back-off and, after
 * {@code rujuk.delivery.max-attempts} failures, moved to {@code rujuk.dead} with its reason. Loaded only into the
 * hub the suite starts (Spring Boot's {@code loader.path}); the shipped hub has no such hook.
 */
public class PoisonMessages implements InterceptStrategy {

    public static final String PROPERTY = "faultSuitePoison";

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        String id = definition.getId();
        if (id == null || !id.startsWith("check-") || !id.endsWith("-attempts")) {
            return target;
        }
        return new DelegateProcessor(target) {
            @Override
            protected void processNext(org.apache.camel.Exchange exchange) throws Exception {
                super.processNext(exchange);
                if (exchange.getIn().getHeader(PROPERTY) != null) {
                    throw new IllegalStateException("poison message (fault suite): the hub fails on it every time");
                }
            }
        };
    }
}
