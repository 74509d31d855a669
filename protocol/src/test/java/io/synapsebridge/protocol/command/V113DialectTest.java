package io.synapsebridge.protocol.command;

import static io.synapsebridge.protocol.command.DialectSamples.POSITION;
import static io.synapsebridge.protocol.command.DialectSamples.ROW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The v1.13–v1.21 dialect. */
class V113DialectTest {
    private final Dialect dialect = Dialect.V1_13;

    @Test
    void positionHasASingleToken() {
        assertThat(dialect.format(POSITION)).isEqualTo("POSITION events master 4720");
        assertThat(dialect.parse("POSITION events master 4720")).isEqualTo(PositionCommand.announce("events", "master", 4720));
        assertThatThrownBy(() -> dialect.parse("POSITION events master 4711 4720"))
                .isInstanceOf(CommandParseException.class);
    }

    @Test
    void rdataCarriesTheInstance() {
        assertThat(dialect.format(ROW)).isEqualTo("RDATA typing master 12 [\"!r:example.com\",[]]");
    }

    @Test
    void federationAckInBothItsForms() {
        assertThat(dialect.parseFromClient("FEDERATION_ACK 10")).isEqualTo(new FederationAckCommand(null, 10));
        assertThat(dialect.parseFromClient("FEDERATION_ACK sender1 10")).isEqualTo(new FederationAckCommand("sender1", 10));
        assertThat(dialect.format(new FederationAckCommand(null, 10))).isEqualTo("FEDERATION_ACK 10");
    }

    @Test
    void userSyncHasFourFields() {
        assertThat(dialect.parseFromClient("USER_SYNC YDUIY @alice:test.local end 7"))
                .isEqualTo(new UserSyncCommand("YDUIY", "@alice:test.local", null, false, 7));
        assertThatThrownBy(() -> dialect.parseFromClient("USER_SYNC YDUIY @alice:test.local DEV end 7"))
                .isInstanceOf(CommandParseException.class);
    }

    @Test
    void knowsTheCommandsOfItsEra() {
        assertThat(dialect.parseFromClient("INVALIDATE_CACHE get_user_by_id [\"@alice:test.local\"]"))
                .isEqualTo(new InvalidateCacheCommand("get_user_by_id", "[\"@alice:test.local\"]"));
        assertThat(dialect.parseFromClient("REMOVE_PUSHER m.http key123 @alice:test.local"))
                .isEqualTo(new RemovePusherCommand("m.http", "key123", "@alice:test.local"));
        assertThat(dialect.knows(CommandType.LOCK_RELEASED)).isFalse();
    }
}
