package org.rujuk.hub;

import org.rujuk.hub.audit.VerifyAuditCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Rujuk hub: validates, routes, answers and records referrals of children between agencies. With the first
 * argument {@code verify-audit} it only verifies the audit chain and exits (see {@link VerifyAuditCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RujukHubApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(VerifyAuditCommand.NAME)) {
            System.exit(VerifyAuditCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(RujukHubApplication.class, args);
    }
}
