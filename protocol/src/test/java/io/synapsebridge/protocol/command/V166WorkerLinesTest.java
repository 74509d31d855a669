package io.synapsebridge.protocol.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact lines a real Synapse v1.66 worker sends, and the server lines it expects back. */
class V166WorkerLinesTest {
    private final Dialect dialect = Dialect.DEFAULT;

    @Test
    void defaultDialectIsV122() {
        assertThat(Dialect.DEFAULT).isEqualTo(Dialect.V1_22);
    }

    @Test
    void name() {
        assertThat(dialect.parseFromClient("NAME worker1")).isEqualTo(new NameCommand("worker1"));
    }

    @Test
    void ping() {
        assertThat(dialect.parseFromClient("PING 1795343826991")).isEqualTo(new PingCommand("1795343826991"));
        assertThat(dialect.format(PingCommand.at(1795343826991L))).isEqualTo("PING 1795343826991");
    }

    @Test
    void replicateWithTheTrailingSpaceSynapseWrites() {
        assertThat(dialect.parseFromClient("REPLICATE ")).isEqualTo(ReplicateCommand.INSTANCE);
        assertThat(dialect.parseFromClient("REPLICATE")).isEqualTo(ReplicateCommand.INSTANCE);
        assertThat(dialect.format(ReplicateCommand.INSTANCE)).isEqualTo("REPLICATE ");
    }

    @Test
    void userIp() {
        String line = "USER_IP @alice:test.local [\"tok\",\"127.0.0.1\",\"curl/7.88.1\",\"DEV\",1795344180766]";
        Command command = dialect.parseFromClient(line);
        assertThat(command).isEqualTo(
                new UserIpCommand("@alice:test.local", "tok", "127.0.0.1", "curl/7.88.1", "DEV", 1795344180766L));
        assertThat(dialect.format(command)).isEqualTo(line);
        assertThat(command.toString()).doesNotContain("tok").contains("<redacted>");
    }

    @Test
    void userIpWithoutDevice() {
        String line = "USER_IP @bot:test.local [\"tok\",\"::1\",\"Synapse/1.66\",null,5]";
        UserIpCommand command = (UserIpCommand) dialect.parseFromClient(line);
        assertThat(command.deviceId()).isNull();
        assertThat(dialect.format(command)).isEqualTo(line);
    }

    @Test
    void userSyncFourFieldsAsV166SendsIt() {
        String line = "USER_SYNC YDUIY @alice:test.local start 1795344180766";
        Command command = dialect.parseFromClient(line);
        assertThat(command).isEqualTo(new UserSyncCommand("YDUIY", "@alice:test.local", null, true, 1795344180766L));
        assertThat(dialect.format(command)).isEqualTo(line);
    }

    @Test
    void userSyncFourFieldsWithTrailingSpace() {
        assertThat(dialect.parseFromClient("USER_SYNC YDUIY @alice:test.local end 17 "))
                .isEqualTo(new UserSyncCommand("YDUIY", "@alice:test.local", null, false, 17));
    }

    @Test
    void userSyncFiveFieldsAsV192PlusSendsIt() {
        assertThat(dialect.parseFromClient("USER_SYNC YDUIY @alice:test.local DEV end 1795344180766"))
                .isEqualTo(new UserSyncCommand("YDUIY", "@alice:test.local", "DEV", false, 1795344180766L));
        assertThat(dialect.parseFromClient("USER_SYNC YDUIY @alice:test.local None start 1"))
                .isEqualTo(new UserSyncCommand("YDUIY", "@alice:test.local", null, true, 1));
    }

    @Test
    void clearUserSync() {
        assertThat(dialect.parseFromClient("CLEAR_USER_SYNC YDUIY")).isEqualTo(new ClearUserSyncCommand("YDUIY"));
    }

    @Test
    void federationAck() {
        Command command = dialect.parseFromClient("FEDERATION_ACK federation_sender1 10");
        assertThat(command).isEqualTo(new FederationAckCommand("federation_sender1", 10));
        assertThat(dialect.format(command)).isEqualTo("FEDERATION_ACK federation_sender1 10");
    }

    @Test
    void remoteServerUp() {
        assertThat(dialect.parseFromClient("REMOTE_SERVER_UP remote.org"))
                .isEqualTo(new RemoteServerUpCommand("remote.org"));
    }

    @Test
    void errorKeepsItsWholeText() {
        assertThat(dialect.parseFromClient("ERROR ping timeout")).isEqualTo(ErrorCommand.PING_TIMEOUT);
        assertThat(dialect.parseFromClient("ERROR Wrong remote")).isEqualTo(ErrorCommand.WRONG_REMOTE);
    }

    @Test
    void lockReleasedIsAcceptedFromNewerClients() {
        assertThat(dialect.parseFromClient("LOCK_RELEASED [\"worker1\",\"lock\",\"key\"]"))
                .isEqualTo(new LockReleasedCommand("worker1", "lock", "key"));
    }

    @Test
    void serverLinesOfTheHandshake() {
        assertThat(dialect.format(new ServerCommand("test.local"))).isEqualTo("SERVER test.local");
        assertThat(dialect.format(PositionCommand.announce("events", "master", 4711)))
                .isEqualTo("POSITION events master 4711 4711");
        assertThat(dialect.format(new PositionCommand("events", "master", 4711, 4720)))
                .isEqualTo("POSITION events master 4711 4720");
        assertThat(dialect.format(new RemoteServerUpCommand("remote.org"))).isEqualTo("REMOTE_SERVER_UP remote.org");
    }

    @Test
    void serverLinesParseBack() {
        assertThat(dialect.parse("POSITION events master 53 53")).isEqualTo(PositionCommand.announce("events", "master", 53));
        assertThat(dialect.parse("POSITION events master 53 54 ")).isEqualTo(new PositionCommand("events", "master", 53, 54));
        RdataCommand rdata = (RdataCommand) dialect.parse(
                "RDATA events master 6287863 [\"ev\", [\"$eventid\", \"!roomid\", \"type\", null, null, null]]");
        assertThat(rdata.stream()).isEqualTo("events");
        assertThat(rdata.instance()).isEqualTo("master");
        assertThat(rdata.token()).hasValue(6287863);
        assertThat(rdata.rowJson()).isEqualTo("[\"ev\",[\"$eventid\",\"!roomid\",\"type\",null,null,null]]");
        RdataCommand batch = (RdataCommand) dialect.parse("RDATA presence master batch [\"@foo:example.com\", \"online\"]");
        assertThat(batch.isBatch()).isTrue();
        assertThat(dialect.format(batch)).isEqualTo("RDATA presence master batch [\"@foo:example.com\",\"online\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "POSITION events master 1 2",
        "RDATA events master 1 [\"x\"]",
        "SERVER test.local",
    })
    void serverOnlyCommandsFromAClientAreInvalid(String line) {
        String name = line.substring(0, line.indexOf(' '));
        assertThatThrownBy(() -> dialect.parseFromClient(line))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> {
                    assertThat(e.type().wireName()).isEqualTo(name);
                    assertThat(dialect.format(e.errorReply())).isEqualTo("ERROR invalid command: " + name);
                });
    }

    @Test
    void directionSetsMatchSynapse() {
        assertThat(java.util.Arrays.stream(CommandType.values()).filter(CommandType::sentByServer))
                .containsExactlyInAnyOrder(CommandType.SERVER, CommandType.RDATA, CommandType.POSITION,
                        CommandType.ERROR, CommandType.PING, CommandType.REMOTE_SERVER_UP, CommandType.LOCK_RELEASED);
        assertThat(java.util.Arrays.stream(CommandType.values()).filter(CommandType::sentByClient))
                .containsExactlyInAnyOrder(CommandType.NAME, CommandType.REPLICATE, CommandType.PING,
                        CommandType.USER_SYNC, CommandType.CLEAR_USER_SYNC, CommandType.FEDERATION_ACK,
                        CommandType.USER_IP, CommandType.ERROR, CommandType.REMOTE_SERVER_UP,
                        CommandType.LOCK_RELEASED, CommandType.REMOVE_PUSHER, CommandType.INVALIDATE_CACHE);
    }
}
