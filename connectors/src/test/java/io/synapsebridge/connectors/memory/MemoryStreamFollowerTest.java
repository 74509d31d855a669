package io.synapsebridge.connectors.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.contract.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryStreamFollowerTest {
    private final List<String> duplicates = new ArrayList<>();
    private final MemoryStreamFollower follower = new MemoryStreamFollower(duplicates::add);

    private static ObjectNode room(String id) {
        ObjectNode row = JsonNodeFactory.instance.objectNode().put("room_id", id);
        row.putArray("user_ids").add("@alice:test.local");
        return row;
    }

    private List<StreamRecord> row(long token, String room) {
        return follower.row("typing", "master", OptionalLong.of(token), room(room));
    }

    @Test
    void rowsWaitForTheStreamsFirstPositionOnTheConnection() {
        follower.connected();
        assertThat(row(1, "!a")).isEmpty();
        assertThat(follower.position("typing", "master", 1)).containsExactly(
                StreamRecord.row("typing", "master", 1, room("!a")));
        assertThat(row(2, "!b")).containsExactly(StreamRecord.row("typing", "master", 2, room("!b")));
    }

    @Test
    void aBatchGoesOutWithTheTokenOfItsLastRow() {
        follower.connected();
        follower.position("presence_federation", "master", 0);
        ObjectNode a = JsonNodeFactory.instance.objectNode().put("destination", "a.example").put("user_id", "@u:x");
        ObjectNode b = JsonNodeFactory.instance.objectNode().put("destination", "b.example").put("user_id", "@u:x");
        assertThat(follower.row("presence_federation", "master", OptionalLong.empty(), a)).isEmpty();
        assertThat(follower.row("presence_federation", "master", OptionalLong.of(1), b)).containsExactly(
                StreamRecord.row("presence_federation", "master", 1, a),
                StreamRecord.row("presence_federation", "master", 1, b));
    }

    @Test
    void rowsSentAgainAfterAReconnectAreDroppedAndTheNewPositionIsPublished() {
        follower.connected();
        follower.position("typing", "master", 0);
        row(1, "!a");
        row(2, "!b");
        follower.connected();
        assertThat(row(2, "!b")).isEmpty();
        assertThat(follower.position("typing", "master", 5)).containsExactly(
                StreamRecord.position("typing", "master", 5));
        assertThat(row(5, "!c")).isEmpty();
        assertThat(row(6, "!d")).containsExactly(StreamRecord.row("typing", "master", 6, room("!d")));
        assertThat(duplicates).containsExactly("typing", "typing");
    }

    @Test
    void rowsMissedWhileNotConnectedAreAskedForOnceAndPublishedBeforeThePosition() {
        follower.restore(StreamRecord.row("typing", "master", 2, room("!a")));
        follower.connected();
        assertThat(row(6, "!e")).isEmpty();
        assertThat(follower.missedSince("typing", "master", 5)).hasValue(2);
        List<MemoryStreamFollower.Group> missed = List.of(
                new MemoryStreamFollower.Group(2, List.of(room("!a"))),
                new MemoryStreamFollower.Group(3, List.of(room("!b"), room("!c"))),
                new MemoryStreamFollower.Group(5, List.of(room("!d"))));
        assertThat(follower.position("typing", "master", 5, missed)).containsExactly(
                StreamRecord.row("typing", "master", 3, room("!b")),
                StreamRecord.row("typing", "master", 3, room("!c")),
                StreamRecord.row("typing", "master", 5, room("!d")),
                StreamRecord.row("typing", "master", 6, room("!e")));
        assertThat(duplicates).containsExactly("typing");
        // Later positions on the connection, and a writer that restarted, miss nothing that could be fetched.
        assertThat(follower.missedSince("typing", "master", 9)).isEmpty();
        follower.connected();
        assertThat(follower.missedSince("typing", "master", 4)).isEmpty();
        assertThat(follower.missedSince("typing", "master", 7)).hasValue(6);
    }

    @Test
    void aPositionAboveTheMissedRowsStillGoesOut() {
        follower.connected();
        assertThat(follower.position("typing", "master", 4,
                List.of(new MemoryStreamFollower.Group(1, List.of(room("!a")))))).containsExactly(
                StreamRecord.row("typing", "master", 1, room("!a")), StreamRecord.position("typing", "master", 4));
    }

    @Test
    void aWriterBackBelowWhatWasPublishedStartsANewRun() {
        follower.restore(StreamRecord.row("typing", "master", 40, room("!a")));
        follower.connected();
        assertThat(follower.position("typing", "master", 0)).containsExactly(
                StreamRecord.reset("typing", "master", 1, 0));
        assertThat(row(1, "!b")).containsExactly(StreamRecord.row("typing", "master", 1, room("!b")).inRun(1));
        row(2, "!b");
        row(3, "!b");

        // A second restart, whose first rows arrive before its POSITION: the run starts below them.
        follower.connected();
        assertThat(row(1, "!c")).isEmpty();
        assertThat(follower.position("typing", "master", 1)).containsExactly(
                StreamRecord.reset("typing", "master", 2, 0),
                StreamRecord.row("typing", "master", 1, room("!c")).inRun(2));
    }

    @Test
    void aRestoredRunContinues() {
        follower.restore(StreamRecord.reset("typing", "master", 3, 7));
        follower.connected();
        assertThat(follower.position("typing", "master", 7)).isEmpty();
        assertThat(row(8, "!a")).containsExactly(StreamRecord.row("typing", "master", 8, room("!a")).inRun(3));
    }
}
