package org.rujuk.faults.hub;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers {@link PoisonMessages} with the hub's Camel context (Camel picks up intercept strategies by type). */
@AutoConfiguration
public class PoisonMessagesAutoConfiguration {

    @Bean
    PoisonMessages faultSuitePoisonMessages() {
        return new PoisonMessages();
    }
}
