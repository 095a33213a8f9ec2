package org.rujuk.connector.config;

import java.time.Clock;
import org.rujuk.contract.ContractValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contract's validator (its schemas are compiled once, here) and the clock the connector stamps times with. */
@Configuration(proxyBeanMethods = false)
class ContractConfiguration {

    @Bean
    ContractValidator contractValidator() {
        return new ContractValidator();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
