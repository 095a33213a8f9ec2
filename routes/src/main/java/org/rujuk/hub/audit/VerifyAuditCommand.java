package org.rujuk.hub.audit;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar rujuk-hub-*-exec.jar verify-audit [--spring.datasource.url=...]}: verifies the audit chain and
 * exits 0 when it is intact, 1 when it is broken (2 when it could not be checked). It runs a context of its own
 * with the hub's configuration (application.yml, profiles, environment, arguments) but only a data source and the
 * verifier: no broker, no routes, no web server, no migrations, so it can run beside running hubs and never
 * changes the database.
 */
public final class VerifyAuditCommand {

    public static final String NAME = "verify-audit";

    private VerifyAuditCommand() {
    }

    /** Runs the check; returns the exit code. */
    public static int run(String... args) {
        try (var context = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args)) {
            var result = context.getBean(AuditVerifier.class).verify();
            System.out.println(result.summary());
            return result.intact() ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("audit chain could not be verified: " + e.getMessage());
            return 2;
        }
    }

    /** Only what verifying needs. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            JdbcClientAutoConfiguration.class})
    @Import({AuditVerifier.class, AuditLog.class})
    static class Context {
    }
}
