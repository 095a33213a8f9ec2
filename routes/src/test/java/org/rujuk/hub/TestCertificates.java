package org.rujuk.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A demo certificate authority and certificates signed by it, made with the JDK's own {@code keytool} (no crypto
 * library), the same commands as the README's recipe: {@code ca.p12} (the CA, to sign), {@code trust.p12} (its
 * certificate only: what brokers and clients trust), a server certificate for {@code localhost}/{@code 127.0.0.1},
 * and client certificates whose subject is an account's identity. Every store is PKCS#12 with one password.
 */
public final class TestCertificates {

    public static final String PASSWORD = "rujuk-test-store";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A fresh CA with its trust store and a server certificate, {@code server.p12}. */
    public static TestCertificates create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var certificates = new TestCertificates(dir);
        certificates.keytool("-genkeypair", "-keystore", "ca.p12", "-alias", "ca", "-dname", "CN=Rujuk Test CA",
                "-ext", "bc:c", "-validity", "2");
        certificates.keytool("-exportcert", "-keystore", "ca.p12", "-alias", "ca", "-rfc", "-file", "ca.crt");
        certificates.keytool("-importcert", "-keystore", "trust.p12", "-alias", "ca", "-file", "ca.crt", "-noprompt");
        certificates.signed("server", "CN=localhost", "serverAuth", "dns:localhost,ip:127.0.0.1");
        return certificates;
    }

    /** A client certificate with this subject, signed by the CA, in {@code <name>.p12}. */
    public Path client(String name, String subject) {
        return signed(name, subject, "clientAuth", null);
    }

    /** A client certificate signed by nobody the broker trusts (its own, self-signed). */
    public Path selfSigned(String name, String subject) {
        keytool("-genkeypair", "-keystore", name + ".p12", "-alias", name, "-dname", subject, "-validity", "2");
        return store(name);
    }

    public Path trustStore() {
        return dir.resolve("trust.p12");
    }

    public Path serverKeyStore() {
        return store("server");
    }

    public Path store(String name) {
        return dir.resolve(name + ".p12");
    }

    private Path signed(String name, String subject, String usage, String subjectAlternativeNames) {
        String store = name + ".p12";
        keytool("-genkeypair", "-keystore", store, "-alias", name, "-dname", subject, "-validity", "2");
        keytool("-certreq", "-keystore", store, "-alias", name, "-file", name + ".csr");
        var sign = new ArrayList<>(List.of("-gencert", "-keystore", "ca.p12", "-alias", "ca", "-infile", name + ".csr",
                "-outfile", name + ".crt", "-rfc", "-validity", "2", "-ext", "eku=" + usage));
        if (subjectAlternativeNames != null) {
            sign.addAll(List.of("-ext", "san=" + subjectAlternativeNames));
        }
        keytool(sign.toArray(String[]::new));
        keytool("-importcert", "-keystore", store, "-alias", "ca", "-file", "ca.crt", "-noprompt");
        keytool("-importcert", "-keystore", store, "-alias", name, "-file", name + ".crt");
        return store(name);
    }

    private void keytool(String... arguments) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        // EC keys: quick to make on a 2-core machine, and every client here (Artemis, Qpid, the JDK) speaks them.
        if (arguments[0].equals("-genkeypair")) {
            command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1"));
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        try {
            var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
