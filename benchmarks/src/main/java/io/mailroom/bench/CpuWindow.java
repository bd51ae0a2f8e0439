package io.mailroom.bench;

/** Wall-clock and CPU readings at the start of a measured window; {@link #close} turns them into a span. */
record CpuWindow(long startNanos, long serverCpuStart, long clientCpuStart, ThreadCpu threadsStart, ServerProbe probe) {

    static CpuWindow open(ServerProbe probe) {
        ThreadCpu threads = ThreadCpu.read(probe.pid());
        return new CpuWindow(System.nanoTime(), probe.cpuNanos(), ClientCpu.nanos(), threads, probe);
    }

    CpuSpan close() {
        long end = System.nanoTime();
        long serverEnd = probe.cpuNanos();
        long clientEnd = ClientCpu.nanos();
        String breakdown = probe.enabled() ? ThreadCpu.read(probe.pid()).describeSince(threadsStart) : "";
        return new CpuSpan(end - startNanos,
                serverCpuStart < 0 ? -1 : serverEnd - serverCpuStart,
                clientCpuStart < 0 ? -1 : clientEnd - clientCpuStart,
                breakdown);
    }
}
