package io.synapsebridge.protocol.rows;

import static io.synapsebridge.protocol.rows.RowLines.rdata;
import static io.synapsebridge.protocol.rows.RowLines.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example RDATA lines of the replication spec §6.4 (current Synapse), produced from named topic rows. */
class HeadRowsTest {
    private static final SynapseVersion HEAD = SynapseVersion.HEAD;

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        events | batch | {"kind":"ev","event_id":"$e1:example.com","room_id":"!r:example.com","type":"m.room.member","state_key":"@alice:example.com","membership":"join","rejected":false,"outlier":false} \
               | RDATA events master batch ["ev",["$e1:example.com","!r:example.com","m.room.member","@alice:example.com",null,null,"join",false,false]]
        events | 4711 | {"kind":"state","room_id":"!r:example.com","type":"m.room.member","state_key":"@alice:example.com","event_id":"$e1:example.com"} \
               | RDATA events master 4711 ["state",["!r:example.com","m.room.member","@alice:example.com","$e1:example.com"]]
        events | 4712 | {"kind":"ev","event_id":"$e2:example.com","room_id":"!r:example.com","type":"m.room.message","state_key":null,"redacts":null,"relates_to":null,"membership":null,"rejected":false,"outlier":false} \
               | RDATA events master 4712 ["ev",["$e2:example.com","!r:example.com","m.room.message",null,null,null,null,false,false]]
        events | 4800 | {"kind":"state-all","room_id":"!big:example.com"} \
               | RDATA events master 4800 ["state-all",["!big:example.com"]]
        backfill | 57 | {"room_id":"!r:example.com","event_id":"$old:remote.org","type":"m.room.message"} \
               | RDATA backfill master 57 ["$old:remote.org","!r:example.com","m.room.message",null,null,null]
        presence | 42 | {"user_id":"@alice:example.com","state":"online","last_active_ts":1700000000000,"last_federation_update_ts":1700000000000,"last_user_sync_ts":1700000000000,"status_msg":null,"currently_active":true} \
               | RDATA presence master 42 ["@alice:example.com","online",1700000000000,1700000000000,1700000000000,null,true]
        presence_federation | 7 | {"user_id":"@alice:example.com","destination":"remote.org"} \
               | RDATA presence_federation master 7 ["remote.org","@alice:example.com"]
        typing | 12 | {"room_id":"!r:example.com","user_ids":["@alice:example.com"]} \
               | RDATA typing master 12 ["!r:example.com",["@alice:example.com"]]
        receipts | 99 | {"room_id":"!r:example.com","receipt_type":"m.read","user_id":"@alice:example.com","event_id":"$e2:example.com","data":{"ts":1700000000000}} \
               | RDATA receipts master 99 ["!r:example.com","m.read","@alice:example.com","$e2:example.com",null,{"ts":1700000000000}]
        push_rules | 15 | {"user_id":"@alice:example.com"} \
               | RDATA push_rules master 15 ["@alice:example.com"]
        pushers | 3 | {"user_id":"@alice:example.com","app_id":"m.http","pushkey":"pushkey123","deleted":false} \
               | RDATA pushers master 3 ["@alice:example.com","m.http","pushkey123",false]
        caches | 5001 | {"cache_func":"get_user_by_id","keys":["@alice:example.com"],"invalidation_ts":1700000000000} \
               | RDATA caches master 5001 ["get_user_by_id",["@alice:example.com"],1700000000000]
        caches | 5002 | {"cache_func":"cs_cache_fake","keys":["!r:example.com","@alice:example.com","@bob:example.com"],"invalidation_ts":1700000000000} \
               | RDATA caches master 5002 ["cs_cache_fake",["!r:example.com","@alice:example.com","@bob:example.com"],1700000000000]
        device_lists | batch | {"entity":"@alice:example.com","is_signature":false,"hosts_calculated":false} \
               | RDATA device_lists master batch ["@alice:example.com",false,false]
        device_lists | 200 | {"entity":"@alice:example.com","is_signature":false,"hosts_calculated":true} \
               | RDATA device_lists master 200 ["@alice:example.com",false,true]
        to_device | 300 | {"entity":"@bob:example.com"} \
               | RDATA to_device master 300 ["@bob:example.com"]
        federation | 8 | {"type":"e","data":{"edu_type":"m.test","content":{"a":"b"},"origin":"example.com","destination":"remote.org"}} \
               | RDATA federation master 8 ["e",{"edu_type":"m.test","content":{"a":"b"},"origin":"example.com","destination":"remote.org"}]
        account_data | 77 | {"user_id":"@alice:example.com","room_id":null,"data_type":"m.push_rules"} \
               | RDATA account_data master 77 ["@alice:example.com",null,"m.push_rules"]
        account_data | 78 | {"user_id":"@alice:example.com","room_id":"!r:example.com","data_type":"m.tag"} \
               | RDATA account_data master 78 ["@alice:example.com","!r:example.com","m.tag"]
        sticky_events | 4713 | {"room_id":"!r:example.com","event_id":"$e3:example.com"} \
               | RDATA sticky_events master 4713 ["!r:example.com","$e3:example.com"]
        thread_subscriptions | 5 | {"user_id":"@alice:example.com","room_id":"!r:example.com","event_id":"$root:example.com"} \
               | RDATA thread_subscriptions master 5 ["@alice:example.com","!r:example.com","$root:example.com"]
        un_partial_stated_room | 2 | {"room_id":"!r:example.com"} \
               | RDATA un_partial_stated_room master 2 ["!r:example.com"]
        un_partial_stated_event | 9 | {"event_id":"$e1:example.com","rejection_status_changed":true} \
               | RDATA un_partial_stated_event master 9 ["$e1:example.com",true]
        quarantined_media | 4 | {"origin":null,"media_id":"abcDEF123","quarantined":true} \
               | RDATA quarantined_media master 4 [null,"abcDEF123",true]
        """)
    void specExampleLines(String stream, String token, String namedRow, String expectedLine) {
        assertThat(rdata(HEAD, stream, token, namedRow)).isEqualTo(expectedLine);
    }

    @Test
    void streamsInStreamsMapOrder() {
        assertThat(HEAD.catalog().streams()).containsExactly("events", "backfill", "presence", "presence_federation",
                "typing", "receipts", "push_rules", "pushers", "caches", "device_lists", "to_device", "federation",
                "account_data", "sticky_events", "thread_subscriptions", "un_partial_stated_room",
                "un_partial_stated_event", "quarantined_media");
    }

    @Test
    void streamsMergedInV176AreGone() {
        assertThatThrownBy(() -> HEAD.catalog().encodeRow("tag_account_data",
                row("{\"user_id\":\"@a:t\",\"room_id\":\"!r:t\",\"data\":{}}")))
                .isInstanceOf(RowEncodingException.class)
                .hasMessage("Synapse HEAD has no stream 'tag_account_data'");
        assertThat(HEAD.catalog().has("user_signature")).isFalse();
    }

    @Test
    void deviceListsNeedTheirFlagsAtHead() {
        assertThatThrownBy(() -> HEAD.catalog().encodeRow("device_lists", row("{\"entity\":\"@alice:example.com\"}")))
                .isInstanceOf(RowEncodingException.class)
                .hasMessage("stream 'device_lists' (Synapse HEAD): missing field 'is_signature'");
    }
}
