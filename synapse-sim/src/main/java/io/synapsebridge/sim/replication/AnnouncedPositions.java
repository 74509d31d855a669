package io.synapsebridge.sim.replication;

import io.synapsebridge.protocol.command.PositionCommand;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.id.Stream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The last token announced per generator, and the POSITIONs that move it. Tokens come only from
 * {@link SynapseWriter#currentToken}, read when asked, so each is safe at the moment it is read; used from one
 * thread, so each stream's announcements go out in increasing order.
 */
final class AnnouncedPositions {
    private final SynapseWriter writer;
    private final Map<Stream, Long> announced = new EnumMap<>(Stream.class);

    AnnouncedPositions(SynapseWriter writer) {
        this.writer = writer;
        for (Stream generator : Stream.values()) {
            announced.put(generator, writer.currentToken(generator));
        }
    }

    /** {@code POSITION <stream> <instance> <last> <current>} for each stream the generator feeds, if it rose. */
    List<PositionCommand> rise(Stream generator) {
        long last = announced.get(generator);
        long current = writer.currentToken(generator);
        if (current <= last) {
            return List.of();
        }
        announced.put(generator, current);
        return ReplicationStreams.fedBy(generator).stream()
                .map(name -> new PositionCommand(name, writer.instanceName(), last, current))
                .toList();
    }

    /**
     * What REPLICATE gets: any rises first, then {@code POSITION <stream> <instance> <t> <t>} for every stream, the
     * in-memory ones at {@code memoryTokens}.
     */
    List<PositionCommand> replicate(Map<String, Long> memoryTokens) {
        List<PositionCommand> commands = new ArrayList<>();
        for (Stream generator : Stream.values()) {
            commands.addAll(rise(generator));
        }
        for (String name : ReplicationStreams.announced()) {
            Stream generator = ReplicationStreams.generator(name);
            long token = generator != null ? announced.get(generator) : memoryTokens.get(name);
            commands.add(PositionCommand.announce(name, writer.instanceName(), token));
        }
        return commands;
    }
}
