package io.mailroom.bench;

import java.net.URI;

/** One server to measure: its name in the results, its endpoint, and its process (0 if unknown). */
record ServerTarget(String label, URI endpoint, long pid) {

    boolean hasPid() {
        return pid > 0;
    }
}
