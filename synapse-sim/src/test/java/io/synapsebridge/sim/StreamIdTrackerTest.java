package io.synapsebridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.sim.id.StreamIdTracker;
import org.junit.jupiter.api.Test;

class StreamIdTrackerTest {
    @Test
    void tokenIsTheLargestFinishedIdBelowTheSmallestUnfinished() {
        StreamIdTracker tracker = new StreamIdTracker(1);
        long a = tracker.next();
        long b = tracker.next();
        long c = tracker.next();
        assertThat(new long[] {a, b, c}).containsExactly(2, 3, 4);

        tracker.finished(c);
        assertThat(tracker.currentToken()).isEqualTo(1);
        tracker.finished(a);
        assertThat(tracker.currentToken()).isEqualTo(2);
        tracker.finished(b);
        assertThat(tracker.currentToken()).isEqualTo(4);
    }

    @Test
    void aFetchInFlightHoldsTheTokenBelowTheIdItWillReturn() {
        StreamIdTracker tracker = new StreamIdTracker(1);
        StreamIdTracker.Fetch first = tracker.startFetch();
        StreamIdTracker.Fetch second = tracker.startFetch();
        tracker.fetched(second, 2);
        tracker.finished(2);
        // The first fetch may still come back with 3 or more, but nothing below 2 can be pending.
        assertThat(tracker.currentToken()).isEqualTo(1);

        tracker.fetched(first, 3);
        assertThat(tracker.currentToken()).isEqualTo(2);
        tracker.finished(3);
        assertThat(tracker.currentToken()).isEqualTo(3);
    }

    @Test
    void aFailedFetchReleasesItsHold() {
        StreamIdTracker tracker = new StreamIdTracker(5);
        StreamIdTracker.Fetch failing = tracker.startFetch();
        long id = tracker.next();
        tracker.finished(id);
        assertThat(tracker.currentToken()).isEqualTo(5);
        tracker.fetchFailed(failing);
        assertThat(tracker.currentToken()).isEqualTo(6);
    }
}
