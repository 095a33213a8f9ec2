package org.rujuk.hub.config;

import org.rujuk.contract.ContractValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contract module's validator, shared by every route: its schemas are loaded once. */
@Configuration(proxyBeanMethods = false)
class ContractConfiguration {

    @Bean
    ContractValidator contractValidator() {
        return new ContractValidator();
    }
}
