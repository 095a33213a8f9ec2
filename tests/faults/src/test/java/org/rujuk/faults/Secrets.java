package org.rujuk.faults;

import java.security.SecureRandom;
import java.util.HexFormat;

/** One random suffix per suite run for every account's password: never a demo password, never a fixed one. */
final class Secrets {

    static final String SUITE = random();

    private Secrets() {
    }

    private static String random() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
