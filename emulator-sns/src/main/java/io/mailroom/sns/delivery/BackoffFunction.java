package io.mailroom.sns.delivery;

import java.util.Locale;
import java.util.Optional;

/**
 * How delays grow from minDelayTarget to maxDelayTarget across the backoff phase. AWS documents the
 * four curves only as a graph (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html):
 * linear is a straight line, arithmetic rises early and flattens, geometric and exponential rise late,
 * exponential the latest. Each reaches exactly maxDelayTarget on the last backoff retry. SNS adds jitter;
 * Mailroom does not, so retries land at predictable times.
 */
public enum BackoffFunction {
    LINEAR {
        @Override
        double shape(double t) {
            return t;
        }
    },
    ARITHMETIC {
        @Override
        double shape(double t) {
            return 1 - (1 - t) * (1 - t);
        }
    },
    GEOMETRIC {
        @Override
        double shape(double t) {
            return t * t;
        }
    },
    EXPONENTIAL {
        @Override
        double shape(double t) {
            return (Math.pow(2, 6 * t) - 1) / (Math.pow(2, 6) - 1);
        }
    };

    /** Maps position t in (0, 1] of the backoff phase to a fraction of the way from min to max delay. */
    abstract double shape(double t);

    /** Delay in seconds of backoff retry {@code i} (1-based) of {@code n}. */
    public double delaySeconds(int minDelay, int maxDelay, int i, int n) {
        double t = n <= 0 ? 1 : (double) i / n;
        return minDelay + (maxDelay - minDelay) * shape(t);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BackoffFunction> parse(String value) {
        for (BackoffFunction f : values()) {
            if (f.wireName().equals(value)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
