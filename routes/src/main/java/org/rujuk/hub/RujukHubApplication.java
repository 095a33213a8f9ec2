package org.rujuk.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Rujuk hub: validates, routes, answers and records referrals of children between agencies. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RujukHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(RujukHubApplication.class, args);
    }
}
