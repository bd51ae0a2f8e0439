package io.mailroom.bench;

/**
 * Elapsed wall time and the CPU the server and this client used in it, all in nanoseconds (-1 =
 * unknown), with a summary of which server threads used it.
 */
record CpuSpan(long wallNanos, long serverCpuNanos, long clientCpuNanos, String serverBreakdown) {

    double seconds() {
        return wallNanos / 1e9;
    }

    double perSecond(long count) {
        return count / seconds();
    }

    /** Server CPU microseconds per call, or NaN when the server PID was not given or no call was made. */
    double serverMicrosPer(long calls) {
        return serverCpuNanos < 0 || calls == 0 ? Double.NaN : serverCpuNanos / 1e3 / calls;
    }

    double clientMicrosPer(long calls) {
        return clientCpuNanos < 0 || calls == 0 ? Double.NaN : clientCpuNanos / 1e3 / calls;
    }
}
