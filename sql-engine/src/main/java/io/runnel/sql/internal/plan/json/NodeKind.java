package io.runnel.sql.internal.plan.json;

import io.runnel.sql.internal.plan.ExecNode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of {@link ExecNode}, one constant per record of the sealed interface, named as the
 * JSON {@code "node"} field names them. Java 17 has no switch over a sealed interface's records,
 * so the writer and the reader switch over this enum (a switch expression without default: a
 * new constant is a compile error there), and this class checks when it loads that every
 * permitted record of {@link ExecNode} has its constant (a new record fails every plan test).
 */
enum NodeKind {
    STREAM_SOURCE("StreamSource", ExecNode.StreamSource.class),
    FILTER("Filter", ExecNode.Filter.class),
    TABLE_FILTER("TableFilter", ExecNode.TableFilter.class),
    JOIN("Join", ExecNode.Join.class),
    AGGREGATE("Aggregate", ExecNode.Aggregate.class),
    PROJECT("Project", ExecNode.Project.class),
    SINK("Sink", ExecNode.Sink.class);

    static {
        Set<Class<?>> handled = Arrays.stream(values()).map(k -> k.type).collect(Collectors.toSet());
        for (Class<?> permitted : ExecNode.class.getPermittedSubclasses()) {
            if (!handled.contains(permitted)) {
                throw new ExceptionInInitializerError("exec node kind " + permitted.getSimpleName()
                        + " has no JSON form: add it to NodeKind, ExecPlanWriter and ExecPlanReader");
            }
        }
    }

    private final String jsonName;
    private final Class<? extends ExecNode> type;

    NodeKind(String jsonName, Class<? extends ExecNode> type) {
        this.jsonName = jsonName;
        this.type = type;
    }

    String jsonName() {
        return jsonName;
    }

    static NodeKind of(ExecNode node) {
        for (NodeKind k : values()) {
            if (k.type == node.getClass()) {
                return k;
            }
        }
        throw new IllegalStateException("exec node kind not handled: " + node.getClass().getSimpleName());
    }

    static NodeKind named(String jsonName) {
        for (NodeKind k : values()) {
            if (k.jsonName.equals(jsonName)) {
                return k;
            }
        }
        throw new UnreadablePlanException("unknown exec node kind '" + jsonName + "'");
    }
}
