package io.runnel.sql.internal.parser;

import io.runnel.sql.internal.ast.Statement;
import java.util.Objects;

/** One statement of a script: its AST and its own SQL text (without the terminating ';'). */
public record ParsedStatement(String text, Statement statement) {
    public ParsedStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(statement, "statement");
    }
}
