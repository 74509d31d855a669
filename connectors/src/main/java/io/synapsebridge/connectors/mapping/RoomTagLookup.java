package io.synapsebridge.connectors.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Reads a user's current tags on a room from {@code room_tags}, as Synapse v1.66 does when it fetches
 * tag_account_data rows ({@code SELECT tag, content FROM room_tags WHERE user_id = ? AND room_id = ?}).
 *
 * <p>A tag change transaction writes only the tag it adds or changes, and a removal is a delete, which capture does
 * not see; the room's full tag map is only in the table.
 */
@FunctionalInterface
public interface RoomTagLookup {
    /** Looks nothing up: the map holds only the tags the captured transaction wrote. */
    RoomTagLookup NONE = (userId, roomId) -> Optional.empty();

    /** The room's tags, tag name to content object. */
    Optional<ObjectNode> tags(String userId, String roomId);
}
