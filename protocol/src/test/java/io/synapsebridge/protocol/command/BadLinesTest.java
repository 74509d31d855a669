package io.synapsebridge.protocol.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lines Synapse answers with {@code ERROR failed to parse line: ...} and a close. */
class BadLinesTest {
    private final Dialect dialect = Dialect.V1_22;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        name worker1                                          | unknown command 'name'
        replicate                                             | unknown command 'replicate'
        FOO bar                                               | unknown command 'FOO'
        ''                                                    | unknown command ''
        ' REPLICATE'                                          | unknown command ''
        POSITION events  master 1 2                           | empty field instance_name (doubled space?)
        USER_SYNC YDUIY  @alice:test.local start 1            | empty field user_id (doubled space?)
        FEDERATION_ACK federation_sender1  10                 | expected 2 fields (instance_name token), got 3
        FEDERATION_ACK 10                                     | expected 2 fields (instance_name token), got 1
        FEDERATION_ACK federation_sender1 10 extra            | expected 2 fields (instance_name token), got 3
        POSITION events master 1                              | expected 4 fields (stream_name instance_name prev_token new_token), got 3
        RDATA events master 1                                 | expected 4 fields (stream_name instance_name token row_json), got 3
        FEDERATION_ACK federation_sender1 ten                 | token is not an integer: 'ten'
        POSITION events master 1 2x                           | new_token is not an integer: '2x'
        POSITION events master 1.5 2                          | prev_token is not an integer: '1.5'
        RDATA events master 12a [1]                           | token is not an integer: '12a'
        RDATA events master BATCH [1]                         | token is not an integer: 'BATCH'
        POSITION events master 9223372036854775808 1          | prev_token is out of the signed 64-bit range: '9223372036854775808'
        USER_SYNC YDUIY @alice:test.local maybe 1             | invalid USER_SYNC state 'maybe' (start or end)
        USER_SYNC YDUIY @alice:test.local start soon          | last_sync_ms is not an integer: 'soon'
        """)
    void rejected(String line, String reason) {
        assertThatThrownBy(() -> dialect.parse(line))
                .isInstanceOf(CommandParseException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        USER_IP @alice:test.local ["tok","127.0.0.1","curl/7.88.1","DEV"]                   | 5-element array
        USER_IP @alice:test.local ["tok","127.0.0.1","curl/7.88.1","DEV",1,2]               | 5-element array
        USER_IP @alice:test.local {"access_token":"tok"}                                   | 5-element array
        USER_IP @alice:test.local ["tok","127.0.0.1","curl/7.88.1","DEV","1795344180766"]   | last_seen must be an integer
        USER_IP @alice:test.local ["tok","127.0.0.1","curl/7.88.1",7,1795344180766]         | device_id must be a string or null
        USER_IP @alice:test.local ["127.0.0.1",1795344180766,"tok","curl/7.88.1",null]      | last_seen must be an integer
        USER_IP @alice:test.local ["tok","127.0.0.1","curl/7.88.1","DEV",NaN]               | invalid JSON
        USER_IP @alice:test.local ["tok","127.0.0.1"                                        | invalid JSON
        USER_IP @alice:test.local                                                          | expected 2 fields
        RDATA events master 1 ["ev",["$id"]                                                 | invalid JSON
        RDATA events master 1 [NaN]                                                         | invalid JSON
        RDATA events master 1 [1,-Infinity]                                                 | invalid JSON
        RDATA events master 1 [1] [2]                                                       | invalid JSON
        LOCK_RELEASED ["worker1","lock"]                                                    | array of 3 strings
        """)
    void rejectedPayloads(String line, String reasonPart) {
        assertThatThrownBy(() -> dialect.parse(line))
                .isInstanceOf(CommandParseException.class)
                .hasMessageContaining(reasonPart);
    }

    @Test
    void errorReplyNamesTheReasonAndTheLine() {
        CommandParseException e = catchParse("FOO bar");
        assertThat(e.line()).isEqualTo("FOO bar");
        assertThat(dialect.format(e.errorReply()))
                .isEqualTo("ERROR failed to parse line: unknown command 'FOO' ('FOO bar')");
    }

    @Test
    void errorReplyStaysOneShortLine() {
        CommandParseException e = catchParse("RDATA events master 1 [\"" + "x".repeat(10_000));
        String reply = dialect.format(e.errorReply());
        assertThat(reply).startsWith("ERROR failed to parse line: row_json: invalid JSON").doesNotContain("\n");
        assertThat(reply.length()).isLessThan(600);
    }

    @Test
    void aLineMayNotContainLf() {
        CommandParseException e = catchParse("PING 1\nPING 2");
        assertThat(e).hasMessage("a line may not contain LF");
        assertThat(dialect.format(e.errorReply())).doesNotContain("\n");
    }

    @Test
    void crIsKeptInTheDataAsSynapseDoes() {
        assertThatThrownBy(() -> dialect.parse("REPLICATE\r"))
                .isInstanceOf(CommandParseException.class)
                .hasMessage("unknown command 'REPLICATE\r'");
        assertThat(dialect.parse("SERVER test.local\r")).isEqualTo(new ServerCommand("test.local\r"));
        assertThat(dialect.parse("POSITION events master 1 2\r")).isEqualTo(new PositionCommand("events", "master", 1, 2));
    }

    @Test
    void commandsRefuseFieldsThatWouldBreakTheLine() {
        assertThatThrownBy(() -> new PositionCommand("events", "mas ter", 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ErrorCommand("a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RdataCommand("", "master", java.util.OptionalLong.of(1), "[]"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private CommandParseException catchParse(String line) {
        try {
            dialect.parse(line);
        } catch (CommandParseException e) {
            return e;
        }
        throw new AssertionError("expected a parse error for " + line);
    }
}
