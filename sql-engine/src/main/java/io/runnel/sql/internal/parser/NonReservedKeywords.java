package io.runnel.sql.internal.parser;

import org.antlr.v4.runtime.misc.IntervalSet;

/** The keywords of the grammar's {@code nonReserved} rule, read from the ATN so they never drift. */
final class NonReservedKeywords {

    private static final IntervalSet TOKENS = RunnelSqlParser._ATN.nextTokens(
            RunnelSqlParser._ATN.ruleToStartState[RunnelSqlParser.RULE_nonReserved]);

    private NonReservedKeywords() {
    }

    static boolean contains(int tokenType) {
        return TOKENS.contains(tokenType);
    }
}
