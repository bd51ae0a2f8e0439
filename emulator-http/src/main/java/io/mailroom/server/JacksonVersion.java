package io.mailroom.server;

import com.fasterxml.jackson.core.Version;
import java.util.List;

/**
 * The Jackson an embedding application puts on the classpath wins over Mailroom's, and one older than 2.15 lacks
 * what the protocol layer calls (its stream constraints): requests would fail deep inside. Checked once at start,
 * so that the test fails at once, saying what to pin.
 */
final class JacksonVersion {
    static final int MIN_MAJOR = 2;
    static final int MIN_MINOR = 15;

    private JacksonVersion() {
    }

    static void require() {
        List<Version> found = List.of(com.fasterxml.jackson.core.json.PackageVersion.VERSION,
                com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
        for (Version v : found) {
            String problem = problem(v);
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
        }
    }

    /** Why this version will not do, or null. */
    static String problem(Version v) {
        if (v.getMajorVersion() > MIN_MAJOR
                || (v.getMajorVersion() == MIN_MAJOR && v.getMinorVersion() >= MIN_MINOR)) {
            return null;
        }
        return "Mailroom needs Jackson " + MIN_MAJOR + "." + MIN_MINOR + " or later, but the classpath has "
                + v.getGroupId() + ":" + v.getArtifactId() + " " + v + "; import com.fasterxml.jackson:jackson-bom "
                + "2.15 or later in your build's dependency management";
    }
}
