package io.synapsebridge.sim.rows;

import io.synapsebridge.sim.id.Stream;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Push rule changes in {@code push_rules_stream}, stamped with the events stream position at the time. */
public final class PushRuleRows implements RowWriter {
    private static final List<String> BASE_RULES = List.of(
            "global/override/.m.rule.master", "global/override/.m.rule.suppress_notices",
            "global/underride/.m.rule.message", "global/content/.m.rule.contains_user_name");

    @Override
    public void write(WriteContext context) throws SQLException {
        var random = context.random();
        String user = context.population().user(random);
        long eventPosition = context.currentToken(Stream.EVENTS);
        String sql = "INSERT INTO push_rules_stream (stream_id, event_stream_ordering, user_id, rule_id, op, "
                + "priority_class, priority, conditions, actions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        if (random.nextBoolean()) {
            String rule = BASE_RULES.get(random.nextInt(BASE_RULES.size()));
            Sql.update(context.connection(), sql, context.storedId(), eventPosition, user, rule,
                    random.nextBoolean() ? "ENABLE" : "DISABLE", null, null, null, null);
        } else {
            String room = context.population().room(random);
            Sql.update(context.connection(), sql, context.storedId(), eventPosition, user, "global/room/" + room,
                    "ADD", 2, 0, "[]", Json.encode(List.of("notify", Map.of("set_tweak", "sound", "value", "default"))));
        }
        context.wrote("push_rules", "push_rules_stream");
    }
}
