package io.runnel.sql.internal.command;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One entry of the command log: a statement that changed the catalog or started or stopped a
 * persistent query (CREATE ... AS SELECT, INSERT INTO ... SELECT, TERMINATE), with the session
 * properties in force when it ran, numbered in log order from 0. Replaying every command in
 * sequence order on an empty catalog rebuilds the catalog and the set of queries. The
 * persisted form is {@link CommandCodec}'s JSON.
 *
 * @param sequence   position in the log, 0 for the first command
 * @param statement  the statement's SQL text, variables already substituted
 * @param properties the session properties in force ({@code SET}), by name
 * @param plan       for a statement that started a persistent query, its exec plan as JSON
 *                   ({@code io.runnel.sql.internal.plan.json.ExecPlanWriter}'s format): a restart
 *                   runs this plan instead of planning the statement again; empty for other
 *                   statements and for commands written before plans were stored
 */
public record Command(long sequence, String statement, Map<String, String> properties, Optional<String> plan) {

    public Command {
        if (sequence < 0) throw new IllegalArgumentException("sequence < 0: " + sequence);
        Objects.requireNonNull(statement, "statement");
        if (statement.isBlank()) throw new IllegalArgumentException("blank statement");
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
        Objects.requireNonNull(plan, "plan");
    }

    /** A command without a plan (DDL, TERMINATE). */
    public Command(long sequence, String statement, Map<String, String> properties) {
        this(sequence, statement, properties, Optional.empty());
    }
}
