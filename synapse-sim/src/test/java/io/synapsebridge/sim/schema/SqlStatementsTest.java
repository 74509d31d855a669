package io.synapsebridge.sim.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlStatementsTest {
    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        String script = "-- a comment; not a statement\nCREATE TABLE t (a text DEFAULT 'x;y');\n"
                + "SELECT setval('s', 1, true); -- trailing; comment\n\n";
        assertThat(SqlStatements.split(script))
                .containsExactly("CREATE TABLE t (a text DEFAULT 'x;y')", "SELECT setval('s', 1, true)");
    }
}
