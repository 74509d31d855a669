package io.synapsebridge.connectors.frontier;

/**
 * Every id of {@code stream} at or below {@code token}, of any writer, is final (committed or rolled back), and
 * every commit among them lies before {@code walLsn}: once capture has passed {@code walLsn}, {@code token} is a
 * safe frontier for each of the stream's writers.
 */
public record FencedToken(String stream, long token, long walLsn) {
}
