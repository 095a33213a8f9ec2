package org.rujuk.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs every fault of a profile, each as shipped and as its negative control, and prints per fault what the checker
 * found; the last line is {@code N passed, M failed}. A fault passes when the shipped run has nothing lost,
 * duplicated or silently dropped, and its negative control is caught by the checker. The report is also written
 * to {@code <work-dir>/report.txt}.
 */
final class FaultSuite {

    record Result(Faults.Fault fault, Faults.Run shipped, Faults.Run control, Duration took, String error) {

        boolean passed() {
            return error == null && shipped.figures().passed() && (control == null || !control.figures().passed());
        }
    }

    private final Suite suite;
    private final Profile profile;
    private final List<String> only;
    private final PrintStream out;

    FaultSuite(Suite suite, Profile profile, List<String> only, PrintStream out) {
        this.suite = suite;
        this.profile = profile;
        this.only = only;
        this.out = out;
    }

    List<Result> run() throws Exception {
        deleteRecursively(suite.workDir());
        Files.createDirectories(suite.workDir());
        var report = new ArrayList<String>();
        var results = new ArrayList<Result>();
        var postgres = new Postgres(suite.workDir().resolve("postgres/data"), TestPorts.free(),
                suite.workDir().resolve("postgres.log"), suite.javaEnvironment(), suite.java("64m"));
        postgres.start();
        try {
            var labs = new Lab.Factory(suite, postgres, Broker.Template.create(suite, suite.workDir()));
            say(report, "Rujuk fault suite, profile " + profile.name() + ": " + profile);
            for (var fault : Faults.all()) {
                if (!only.isEmpty() && !only.contains(fault.name())) {
                    continue;
                }
                long start = System.nanoTime();
                Result result;
                try {
                    var shipped = fault.run().run(labs, profile, true);
                    var control = profile.negativeControls() ? fault.run().run(labs, profile, false) : null;
                    result = new Result(fault, shipped, control, Duration.ofNanos(System.nanoTime() - start), null);
                } catch (Exception | AssertionError e) {
                    result = new Result(fault, null, null, Duration.ofNanos(System.nanoTime() - start),
                            e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                results.add(result);
                describe(report, result);
            }
        } finally {
            postgres.stop();
        }
        long passed = results.stream().filter(Result::passed).count();
        say(report, passed + " passed, " + (results.size() - passed) + " failed");
        Files.write(suite.workDir().resolve("report.txt"), report, StandardCharsets.UTF_8);
        return results;
    }

    private void describe(List<String> report, Result result) {
        var fault = result.fault();
        say(report, "");
        say(report, "== " + fault.name() + ": " + (result.passed() ? "PASSED" : "FAILED")
                + " (" + result.took().toSeconds() + " s)");
        say(report, "   protection: " + fault.protection());
        if (result.error() != null) {
            say(report, "   error: " + result.error());
            return;
        }
        say(report, "   shipped: " + result.shipped().injected());
        say(report, "            " + result.shipped().figures().summary());
        result.shipped().figures().problems().forEach(p -> say(report, "            PROBLEM: " + p));
        if (result.control() == null) {
            say(report, "   negative control (" + fault.control() + "): not run in the " + profile.name() + " profile");
            return;
        }
        say(report, "   negative control (" + fault.control() + "): " + result.control().injected());
        say(report, "            " + result.control().figures().summary());
        if (result.control().figures().passed()) {
            say(report, "            PROBLEM: the checker found nothing wrong with the protection off");
        } else {
            result.control().figures().problems()
                    .forEach(p -> say(report, "            caught, as it must be: " + p));
        }
    }

    private void say(List<String> report, String line) {
        report.add(line);
        out.println(line);
        out.flush();
    }

    /** {@code [--short | --full] [fault ...]}; system properties from Maven say where everything is. */
    public static void main(String[] args) throws Exception {
        String profile = "short";
        var only = new ArrayList<String>();
        for (String arg : args) {
            switch (arg) {
                case "--short" -> profile = "short";
                case "--full" -> profile = "full";
                default -> only.add(arg);
            }
        }
        var results = new FaultSuite(Suite.fromSystemProperties(), Profile.named(profile), only, System.out).run();
        System.exit(results.stream().allMatch(Result::passed) ? 0 : 1);
    }

    static List<String> faultNames(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
