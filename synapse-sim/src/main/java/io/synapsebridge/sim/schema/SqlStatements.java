package io.synapsebridge.sim.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements at semicolons outside quotes and comments. The migration files use
 * no dollar-quoted bodies, so this is all the parsing they need.
 */
final class SqlStatements {
    private SqlStatements() {
    }

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '-' && script.startsWith("--", i)) {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end;
            } else if (c == '\'' || c == '"') {
                int end = script.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated quote at offset " + i);
                }
                current.append(script, i, end + 1);
                i = end + 1;
            } else if (c == ';') {
                addIfNotBlank(statements, current);
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) {
            statements.add(s);
        }
    }
}
