package io.synapsebridge.protocol.command;

import static io.synapsebridge.protocol.command.DialectSamples.BATCH_ROW;
import static io.synapsebridge.protocol.command.DialectSamples.POSITION;
import static io.synapsebridge.protocol.command.DialectSamples.ROW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The default dialect, v1.22–v1.66. */
class V122DialectTest {
    private final Dialect dialect = Dialect.V1_22;

    @Test
    void serverLinesCarryInstanceAndTwoTokens() {
        assertThat(dialect.format(POSITION)).isEqualTo("POSITION events master 4711 4720");
        assertThat(dialect.format(ROW)).isEqualTo("RDATA typing master 12 [\"!r:example.com\",[]]");
        assertThat(dialect.format(BATCH_ROW)).isEqualTo("RDATA typing master batch [\"!r:example.com\",[]]");
    }

    @Test
    void replicateArgumentsAreIgnoredAsSynapseDoes() {
        assertThat(dialect.parseFromClient("REPLICATE events 4711")).isEqualTo(ReplicateCommand.INSTANCE);
    }

    @Test
    void oldClientFormsAreRejected() {
        assertThatThrownBy(() -> dialect.parseFromClient("FEDERATION_ACK 10")).isInstanceOf(CommandParseException.class);
        assertThatThrownBy(() -> dialect.parseFromClient("USER_SYNC @alice:test.local start 1"))
                .isInstanceOf(CommandParseException.class);
    }

    @Test
    void writesUserSyncInTheV166Form() {
        UserSyncCommand sync = new UserSyncCommand("YDUIY", "@alice:test.local", "DEV", true, 5);
        assertThat(dialect.format(sync)).isEqualTo("USER_SYNC YDUIY @alice:test.local start 5");
        assertThat(sync.args()).isEqualTo("YDUIY @alice:test.local DEV start 5");
    }

    @Test
    void refusesCommandsOfOtherEras() {
        assertThatThrownBy(() -> dialect.format(new LegacyReplicateCommand("events", OptionalLong.empty())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dialect.format(new FederationAckCommand(null, 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dialect.knows(CommandType.INVALIDATE_CACHE)).isFalse();
        assertThatThrownBy(() -> dialect.parse("INVALIDATE_CACHE f [\"k\"]"))
                .isInstanceOf(CommandParseException.class).hasMessage("unknown command 'INVALIDATE_CACHE'");
    }
}
