package io.synapsebridge.protocol.command;

import static io.synapsebridge.protocol.command.DialectSamples.BATCH_ROW;
import static io.synapsebridge.protocol.command.DialectSamples.POSITION;
import static io.synapsebridge.protocol.command.DialectSamples.ROW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The 2017 dialect, v0.21–v1.12. */
class V021DialectTest {
    @Test
    void recognisedByAReplicateWithArguments() {
        assertThat(Dialect.isLegacyReplicate("REPLICATE events 4711")).isTrue();
        assertThat(Dialect.isLegacyReplicate("REPLICATE ALL NOW")).isTrue();
        assertThat(Dialect.isLegacyReplicate("REPLICATE ")).isFalse();
        assertThat(Dialect.isLegacyReplicate("REPLICATE  ")).isFalse();
        assertThat(Dialect.isLegacyReplicate("REPLICATE")).isFalse();
        assertThat(Dialect.isLegacyReplicate("NAME REPLICATE events 1")).isFalse();
    }

    private final Dialect dialect = Dialect.V0_21;

    @Test
    void replicateSubscribesToOneStreamFromAToken() {
        assertThat(dialect.parseFromClient("REPLICATE events 4711"))
                .isEqualTo(new LegacyReplicateCommand("events", OptionalLong.of(4711)));
        LegacyReplicateCommand all = (LegacyReplicateCommand) dialect.parseFromClient("REPLICATE ALL NOW");
        assertThat(all.isAll()).isTrue();
        assertThat(all.isNow()).isTrue();
        assertThat(((LegacyReplicateCommand) dialect.parseFromClient("REPLICATE caches now")).isNow()).isTrue();
        assertThat(dialect.format(all)).isEqualTo("REPLICATE ALL NOW");
    }

    @Test
    void bareReplicateIsNotPartOfTheDialect() {
        assertThatThrownBy(() -> dialect.parseFromClient("REPLICATE ")).isInstanceOf(CommandParseException.class);
        assertThatThrownBy(() -> dialect.parseFromClient("REPLICATE events later"))
                .isInstanceOf(CommandParseException.class).hasMessage("token is not an integer: 'later'");
        assertThatThrownBy(() -> dialect.format(ReplicateCommand.INSTANCE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverLinesHaveNoInstance() {
        assertThat(dialect.format(ROW)).isEqualTo("RDATA typing 12 [\"!r:example.com\",[]]");
        assertThat(dialect.format(BATCH_ROW)).isEqualTo("RDATA typing batch [\"!r:example.com\",[]]");
        assertThat(dialect.format(POSITION)).isEqualTo("POSITION events 4720");
    }

    @Test
    void serverLinesParseAsTheMainProcess() {
        RdataCommand rdata = (RdataCommand) dialect.parse("RDATA typing 12 [\"!r:example.com\", []]");
        assertThat(rdata).isEqualTo(ROW);
        assertThat(dialect.parse("POSITION events 4720")).isEqualTo(PositionCommand.announce("events", "master", 4720));
    }

    @Test
    void userSyncAndFederationAckOfTheEra() {
        assertThat(dialect.parseFromClient("USER_SYNC @alice:test.local start 1795344180766"))
                .isEqualTo(new UserSyncCommand(null, "@alice:test.local", null, true, 1795344180766L));
        assertThat(dialect.parseFromClient("FEDERATION_ACK 10")).isEqualTo(new FederationAckCommand(null, 10));
        assertThat(dialect.format(new UserSyncCommand("YDUIY", "@alice:test.local", null, false, 3)))
                .isEqualTo("USER_SYNC @alice:test.local end 3");
    }

    @Test
    void commandsFromLaterReleasesAreUnknown() {
        assertThatThrownBy(() -> dialect.parseFromClient("CLEAR_USER_SYNC YDUIY"))
                .isInstanceOf(CommandParseException.class).hasMessage("unknown command 'CLEAR_USER_SYNC'");
    }
}
