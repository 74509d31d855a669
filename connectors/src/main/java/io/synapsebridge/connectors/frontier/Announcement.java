package io.synapsebridge.connectors.frontier;

/**
 * A writer said, over replication, that its rows of {@code stream} up to {@code token} are committed; {@code walLsn}
 * is the WAL insert position read just after it said so. Once capture has passed {@code walLsn}, every such row has
 * been captured, and {@code token} is a safe frontier.
 */
public record Announcement(String stream, String instance, long token, long walLsn) {
}
