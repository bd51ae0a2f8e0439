package io.mailroom.bench;

import java.util.List;

/** The server's live heap after a full GC, and its largest classes by bytes (empty if unknown). */
record HeapReport(long liveBytes, List<String> largestClasses) {
    static final HeapReport UNKNOWN = new HeapReport(-1, List.of());
}
