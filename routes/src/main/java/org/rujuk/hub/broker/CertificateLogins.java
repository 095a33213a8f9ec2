package org.rujuk.hub.broker;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.spi.core.security.jaas.TextFileCertificateLoginModule;
import org.rujuk.hub.config.HubAccounts;

/**
 * Certificate logins on the embedded broker, with Artemis's stock {@link TextFileCertificateLoginModule} — the
 * module an external broker uses too (README, "Transport and identity") — so both map a certificate to an
 * account the same way: {@code cert-users.properties} ({@code account=subject DN}) and
 * {@code cert-roles.properties} ({@code role=account,...}), written from configuration on every start. The
 * account, not the certificate's subject, becomes the validated user stamped on messages, so the hub's sender
 * check is the same as for a password login.
 */
final class CertificateLogins extends SecurityConfiguration {

    static final String USERS_FILE = "cert-users.properties";
    static final String ROLES_FILE = "cert-roles.properties";

    private final Path directory;

    private CertificateLogins(Path directory) {
        this.directory = directory;
    }

    static CertificateLogins write(Path directory, HubAccounts accounts, BrokerTopology topology) throws IOException {
        Files.createDirectories(directory);
        var users = new Properties();
        var members = new TreeMap<String, TreeSet<String>>();
        for (var account : accounts.all()) {
            if (account.certificateDn() != null) {
                users.setProperty(account.username(), account.certificateDn());
                topology.rolesByUser().get(account.username())
                        .forEach(role -> members.computeIfAbsent(role, r -> new TreeSet<>()).add(account.username()));
            }
        }
        var roles = new Properties();
        members.forEach((role, names) -> roles.setProperty(role, String.join(",", names)));
        // Properties escapes the '=' and ':' a DN may hold; the login module reads the files back with Properties.
        store(directory.resolve(USERS_FILE), users, "account=certificate subject (RFC 1779)");
        store(directory.resolve(ROLES_FILE), roles, "role=accounts");
        return new CertificateLogins(directory);
    }

    private static void store(Path file, Properties properties, String comment) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            properties.store(out, "Written by the Rujuk hub from its configuration on every start: " + comment);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("baseDir", directory.toAbsolutePath().toString());
        options.put("org.apache.activemq.jaas.textfiledn.user", USERS_FILE);
        options.put("org.apache.activemq.jaas.textfiledn.role", ROLES_FILE);
        // Re-read when the files change: a restarted hub (or a second test context) may map other accounts.
        options.put("reload", "true");
        return new AppConfigurationEntry[] {new AppConfigurationEntry(TextFileCertificateLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }
}
