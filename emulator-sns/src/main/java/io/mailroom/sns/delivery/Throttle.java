package io.mailroom.sns.delivery;

/**
 * A subscription's HTTP/S delivery rate, its delivery policy's {@code throttlePolicy.maxReceivesPerSecond}: each
 * attempt, first tries and retries alike, takes the next free slot, so at most that many leave per second of the
 * server clock and the rest wait their turn.
 * See https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html
 */
public final class Throttle {
    private long nextFreeMicros = Long.MIN_VALUE;

    /** When an attempt asked for at {@code now} may go (epoch millis), taking that slot. */
    public synchronized long slot(long now, int perSecond) {
        long nowMicros = now * 1000;
        long slot = Math.max(nowMicros, nextFreeMicros);
        nextFreeMicros = slot + 1_000_000L / Math.max(1, perSecond);
        return (slot + 999) / 1000;
    }
}
