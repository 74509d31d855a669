package io.synapsebridge.protocol.rows;

import static io.synapsebridge.protocol.rows.RowLines.rdata;
import static io.synapsebridge.protocol.rows.RowLines.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synapsebridge.contract.StreamRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The rows a real v1.66 main process sent (wire-behaviour notes §4), produced from named topic rows. */
class V166RowsTest {
    private static final SynapseVersion V1_66 = SynapseVersion.V1_66;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        events             | batch         | {"kind":"ev","event_id":"$_w7Mq1","room_id":"!tsTHa:test.local","type":"m.room.create","state_key":"","rejected":false,"outlier":false} \
                           | RDATA events master batch ["ev",["$_w7Mq1","!tsTHa:test.local","m.room.create","",null,null,null,false,false]]
        events             | 2             | {"kind":"state","room_id":"!tsTHa:test.local","type":"m.room.create","state_key":"","event_id":"$_w7Mq1"} \
                           | RDATA events master 2 ["state",["!tsTHa:test.local","m.room.create","","$_w7Mq1"]]
        events             | 9             | {"outlier":false,"rejected":false,"type":"m.room.message","room_id":"!tsTHa:test.local","event_id":"$59gvB","kind":"ev"} \
                           | RDATA events master 9 ["ev",["$59gvB","!tsTHa:test.local","m.room.message",null,null,null,null,false,false]]
        presence           | 42            | {"user_id":"@alice:test.local","state":"online","last_active_ts":1795344180766,"last_federation_update_ts":1795344180767,"last_user_sync_ts":1795344180733,"status_msg":"hi","currently_active":true} \
                           | RDATA presence master 42 ["@alice:test.local","online",1795344180766,1795344180767,1795344180733,"hi",true]
        typing             | 3             | {"room_id":"!tsTHa:test.local","user_ids":["@alice:test.local"]} \
                           | RDATA typing master 3 ["!tsTHa:test.local",["@alice:test.local"]]
        receipts           | 11            | {"room_id":"!tsTHa:test.local","receipt_type":"m.read","user_id":"@alice:test.local","event_id":"$59gvB","thread_id":null,"data":{"ts":1795343826991}} \
                           | RDATA receipts master 11 ["!tsTHa:test.local","m.read","@alice:test.local","$59gvB",{"ts":1795343826991}]
        caches             | 900           | {"cache_func":"cs_cache_fake","keys":["!tsTHa:test.local","@alice:test.local"],"invalidation_ts":1795343690600} \
                           | RDATA caches master 900 ["cs_cache_fake",["!tsTHa:test.local","@alice:test.local"],1795343690600]
        device_lists       | 20            | {"entity":"@alice:test.local"} \
                           | RDATA device_lists master 20 ["@alice:test.local"]
        tag_account_data   | 30            | {"user_id":"@alice:test.local","room_id":"!tsTHa:test.local","data":{"u.work":{"order":0.5}}} \
                           | RDATA tag_account_data master 30 ["@alice:test.local","!tsTHa:test.local","{\\"u.work\\":{\\"order\\":0.5}}"]
        account_data       | 31            | {"user_id":"@alice:test.local","room_id":null,"data_type":"m.test"} \
                           | RDATA account_data master 31 ["@alice:test.local",null,"m.test"]
        account_data       | 32            | {"user_id":"@alice:test.local","data_type":"m.test"} \
                           | RDATA account_data master 32 ["@alice:test.local",null,"m.test"]
        user_signature     | 33            | {"user_id":"@alice:test.local"} \
                           | RDATA user_signature master 33 ["@alice:test.local"]
        backfill           | 57            | {"event_id":"$old:remote.org","room_id":"!r:test.local","type":"m.room.message"} \
                           | RDATA backfill master 57 ["$old:remote.org","!r:test.local","m.room.message",null,null,null]
        pushers            | 3             | {"user_id":"@alice:test.local","app_id":"m.http","pushkey":"k","deleted":1} \
                           | RDATA pushers master 3 ["@alice:test.local","m.http","k",true]
        """)
    void measuredRows(String stream, String token, String namedRow, String expectedLine) {
        assertThat(rdata(V1_66, stream, token, namedRow)).isEqualTo(expectedLine);
    }

    @Test
    void nonAsciiIsEscapedInRows() {
        assertThat(rdata(V1_66, "presence", "5", "{\"user_id\":\"@zoë:test.local\",\"state\":\"online\","
                + "\"last_active_ts\":1,\"last_federation_update_ts\":2,\"last_user_sync_ts\":3,"
                + "\"status_msg\":\"\uD83C\uDF89\",\"currently_active\":false}"))
                .isEqualTo("RDATA presence master 5 [\"@zo\\u00eb:test.local\",\"online\",1,2,3,\"\\ud83c\\udf89\",false]");
    }

    @Test
    void streamsInStreamsMapOrder() {
        assertThat(V1_66.catalog().streams()).containsExactly("events", "backfill", "presence",
                "presence_federation", "typing", "receipts", "push_rules", "pushers", "caches", "device_lists",
                "to_device", "federation", "tag_account_data", "account_data", "user_signature");
    }

    @Test
    void federationIsAnnouncedOnlyWhenTheMainProcessDoesNotSendFederation() {
        assertThat(V1_66.catalog().announcedStreams(true)).containsExactly("events", "backfill", "presence",
                "presence_federation", "typing", "receipts", "push_rules", "pushers", "caches", "device_lists",
                "to_device", "tag_account_data", "account_data", "user_signature");
        assertThat(V1_66.catalog().announcedStreams(false)).isEqualTo(V1_66.catalog().streams());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        events       | {"kind":"ev","room_id":"!r:t","type":"m.room.message","rejected":false,"outlier":false} | stream 'events' (Synapse v1.66): kind 'ev': missing field 'event_id'
        events       | {"kind":"state-all","room_id":"!r:t"}                                           | stream 'events' (Synapse v1.66): kind 'state-all' does not exist in this version
        events       | {"room_id":"!r:t"}                                                             | stream 'events' (Synapse v1.66): field 'kind' must be a string
        events       | {"kind":"ev","event_id":"$e","room_id":"!r:t","type":"t","rejected":"no","outlier":false} | stream 'events' (Synapse v1.66): kind 'ev': field 'rejected' must be a boolean, got string "no"
        receipts     | {"room_id":"!r:t","receipt_type":"m.read","user_id":"@a:t","event_id":"$e","data":"ts"} | stream 'receipts' (Synapse v1.66): field 'data' must be a JSON object, got string "ts"
        typing       | {"room_id":"!r:t","user_ids":["@a:t",7]}                                        | stream 'typing' (Synapse v1.66): field 'user_ids' must be an array of strings
        caches       | {"cache_func":"get_user_by_id","invalidation_ts":1}                            | stream 'caches' (Synapse v1.66): missing field 'keys'
        presence     | {"user_id":"@a:t","state":"online","last_active_ts":1.5,"last_federation_update_ts":1,"last_user_sync_ts":1,"currently_active":true} | field 'last_active_ts' must be a 64-bit integer, got number 1.5
        push_rules   | {"user_id":null}                                                               | stream 'push_rules' (Synapse v1.66): field 'user_id' must not be null
        pushers      | {"user_id":"@a:t","app_id":"m.http","pushkey":"k","deleted":2}                 | field 'deleted' must be a boolean, got number 2
        tag_account_data | {"user_id":"@a:t","room_id":"!r:t","data":"{}"}                            | field 'data' must be a JSON object, got string
        sticky_events | {"room_id":"!r:t","event_id":"$e"}                                            | Synapse v1.66 has no stream 'sticky_events'
        """)
    void badRowsAreErrorsNamingTheProblem(String stream, String namedRow, String message) {
        assertThatThrownBy(() -> V1_66.catalog().encodeRow(stream, row(namedRow)))
                .isInstanceOf(RowEncodingException.class)
                .hasMessageContaining(message);
        assertThatThrownBy(() -> V1_66.catalog().rowJson(stream, NamedFields.of(row(namedRow))))
                .isInstanceOf(RowEncodingException.class)
                .hasMessageContaining(message);
        // The verbatim path leaves a bad row to the path that names the problem.
        RawFields raw = RawRows.of(namedRow);
        if (raw != null) {
            assertThat(V1_66.catalog().verbatimRowJson(stream, raw, new VerbatimJson())).isNull();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "events   | {\"kind\":\"ev\",\"event_id\":\"$e\",\"room_id\":\"!r:t\",\"type\":\"m.room.member\",\"state_key\":\"@a:t\",\"membership\":\"join\",\"rejected\":false,\"outlier\":true} | [\"ev\",[\"$e\",\"!r:t\",\"m.room.member\",\"@a:t\",null,null,\"join\",false,true]]",
        "presence | {\"user_id\":\"@a:t\",\"state\":\"online\",\"last_active_ts\":-1,\"last_federation_update_ts\":0,\"last_user_sync_ts\":17,\"status_msg\":null,\"currently_active\":true} | [\"@a:t\",\"online\",-1,0,17,null,true]",
    })
    void plainRowsAreCopiedVerbatim(String stream, String namedRow, String wire) {
        RawFields raw = RawRows.of(namedRow);

        assertThat(V1_66.catalog().verbatimRowJson(stream, raw, new VerbatimJson())).isEqualTo(wire)
                .isEqualTo(V1_66.catalog().rowJson(stream, NamedFields.of(row(namedRow))));
    }

    @Test
    void nullKeysMeanTheWholeCache() {
        assertThat(rdata(V1_66, "caches", "7", "{\"cache_func\":\"get_user_by_id\",\"keys\":null,\"invalidation_ts\":1}"))
                .isEqualTo("RDATA caches master 7 [\"get_user_by_id\",null,1]");
    }

    @Test
    void positionRecordsHaveNoRow() {
        assertThatThrownBy(() -> V1_66.catalog().encodeRow(StreamRecord.position("events", "master", 5)))
                .isInstanceOf(RowEncodingException.class);
    }
}
