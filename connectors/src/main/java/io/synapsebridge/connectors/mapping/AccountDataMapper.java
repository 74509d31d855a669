package io.synapsebridge.connectors.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.connectors.sequencing.CapturedRow;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code account_data} and {@code tag_account_data}, which share Synapse's account data id generator.
 *
 * <ul>
 *   <li>{@code account_data} and {@code room_account_data}: an account_data row (room_id null for global data).
 *       Synapse upserts these tables with a new stream id, so an update is a new row too.</li>
 *   <li>{@code room_tags_revisions} (inserted, or updated to a new stream id, on every tag change): a
 *       tag_account_data row whose {@code data} is the room's tag map. v1.66 sent tags on that stream only; the
 *       {@code m.tag} account_data row of v1.76+ belongs to a newer version's mappers.</li>
 *   <li>{@code room_tags}: the tag written in the same transaction goes into that tag map. Without a
 *       {@link RoomTagLookup} the map holds only those tags: the others, and removals, are not in the captured
 *       changes.</li>
 * </ul>
 */
public final class AccountDataMapper implements TableMapper {
    private static final String STREAM = "account_data";
    private static final String TAG_STREAM = "tag_account_data";

    private record UserRoom(String userId, String roomId) {
    }

    private final RoomTagLookup tagLookup;
    /** Tag maps of the current transaction, each shared with the tag_account_data row that carries it. */
    private final Map<UserRoom, ObjectNode> tagMaps = new HashMap<>();

    public AccountDataMapper() {
        this(RoomTagLookup.NONE);
    }

    public AccountDataMapper(RoomTagLookup tagLookup) {
        this.tagLookup = tagLookup;
    }

    @Override
    public Set<String> tables() {
        return Set.of("account_data", "room_account_data", "room_tags_revisions", "room_tags");
    }

    @Override
    public void map(ChangeRow change, MappingSink sink) {
        switch (change.table()) {
            case "account_data" -> accountData(change, sink, null);
            case "room_account_data" -> accountData(change, sink, change.text("room_id"));
            case "room_tags_revisions" -> tagRevision(change, sink);
            case "room_tags" -> tagMap(change.text("user_id"), change.text("room_id"))
                    .set(change.text("tag"), Rows.jsonObject(change, "content"));
            default -> throw new InvalidChangeException(change.table() + " is not a table of the account data streams");
        }
    }

    @Override
    public void endTransaction() {
        tagMaps.clear();
    }

    private static void accountData(ChangeRow change, MappingSink sink, String roomId) {
        ObjectNode row = row(change.text("user_id"), roomId, change.text("account_data_type"));
        sink.row(new CapturedRow(STREAM, change.instance(), change.integer("stream_id"), row, change.source()));
    }

    private void tagRevision(ChangeRow change, MappingSink sink) {
        String userId = change.text("user_id");
        String roomId = change.text("room_id");
        long token = change.integer("stream_id");
        ObjectNode tags = tagMap(userId, roomId);
        tagLookup.tags(userId, roomId).ifPresent(tags::setAll);
        ObjectNode tagRow = Rows.object().put("user_id", userId).put("room_id", roomId);
        tagRow.set("data", tags);
        sink.row(new CapturedRow(TAG_STREAM, change.instance(), token, tagRow, change.source()));
    }

    private ObjectNode tagMap(String userId, String roomId) {
        return tagMaps.computeIfAbsent(new UserRoom(userId, roomId), k -> Rows.object());
    }

    private static ObjectNode row(String userId, String roomId, String dataType) {
        return Rows.object().put("user_id", userId).put("room_id", roomId).put("data_type", dataType);
    }
}
