package io.mailroom.bench;

import java.util.Collection;

/** Counts summed over workers at one instant; differences of two give the counts of a window. */
record TallyTotals(long iterations, long calls, long messages, long errors) {
    static final TallyTotals ZERO = new TallyTotals(0, 0, 0, 0);

    static TallyTotals sum(Collection<Tally> tallies) {
        TallyTotals total = ZERO;
        for (Tally t : tallies) {
            total = total.plus(t.snapshot());
        }
        return total;
    }

    TallyTotals plus(TallyTotals o) {
        return new TallyTotals(iterations + o.iterations, calls + o.calls, messages + o.messages, errors + o.errors);
    }

    TallyTotals minus(TallyTotals o) {
        return new TallyTotals(iterations - o.iterations, calls - o.calls, messages - o.messages, errors - o.errors);
    }
}
