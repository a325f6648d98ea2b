package io.runnel.sql.internal.runtime;

import io.runnel.sql.engine.EngineResult;
import io.runnel.sql.internal.command.FieldInfo;
import io.runnel.sql.internal.command.SchemaInfo;
import io.runnel.sql.internal.command.SourceDescription;
import io.runnel.sql.internal.command.StatementResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The DDL executor's results as the public {@link EngineResult}s. */
final class Results {
    private Results() {
    }

    /**
     * @param queries the persistent queries reading ({@code [0]}) and writing ({@code [1]}) a source, by name
     * @param commandId the command id of a catalog change
     */
    static EngineResult of(StatementResult result, Function<String, List<List<EngineResult.QueryInfo>>> queries,
                           String commandId) {
        if (result instanceof StatementResult.CommandStatus s) {
            return new EngineResult.CommandDone(s.statementText(), s.message(),
                    s.commandSequence().isPresent() ? s.commandSequence().getAsLong() : -1, Optional.empty(), commandId);
        } else if (result instanceof StatementResult.SourceList s) {
            return new EngineResult.SourceList(s.statementText(), s.kind().name(), s.sources().stream()
                    .map(x -> new EngineResult.SourceInfo(x.type(), x.name(), x.topic(), x.keyFormat(), x.valueFormat(),
                            x.isWindowed())).toList());
        } else if (result instanceof StatementResult.SourceDescriptionList s) {
            return new EngineResult.SourceDescriptions(s.statementText(),
                    s.sources().stream().map(d -> details(d, queries, s.statementText())).toList(), false);
        } else if (result instanceof StatementResult.SourceDescribed s) {
            return new EngineResult.SourceDescriptions(s.statementText(),
                    List.of(details(s.source(), queries, s.statementText())), true);
        } else if (result instanceof StatementResult.TopicList s) {
            return new EngineResult.TopicList(s.statementText(), s.topics().stream()
                    .map(t -> new EngineResult.TopicInfo(t.name(), t.partitions())).toList());
        } else if (result instanceof StatementResult.TypeList s) {
            Map<String, EngineResult.ColumnType> types = new LinkedHashMap<>();
            s.types().forEach((k, v) -> types.put(k, type(v)));
            return new EngineResult.TypeList(s.statementText(), types);
        } else if (result instanceof StatementResult.PropertyList s) {
            return new EngineResult.PropertyList(s.statementText(), s.properties().stream()
                    .map(p -> new EngineResult.PropertyInfo(p.name(), p.scope(), p.value(), p.overridden())).toList());
        } else if (result instanceof StatementResult.VariableList s) {
            return new EngineResult.VariableList(s.statementText(), s.variables());
        }
        throw new IllegalStateException("statement result not handled: " + result.getClass().getSimpleName());
    }

    private static EngineResult.SourceDetails details(SourceDescription d,
                                                      Function<String, List<List<EngineResult.QueryInfo>>> queries,
                                                      String statement) {
        List<List<EngineResult.QueryInfo>> rw = queries.apply(d.name());
        return new EngineResult.SourceDetails(d.name(), d.type(), d.fields().stream().map(Results::field).toList(),
                d.topic(), d.partitions(), d.replication(), d.keyFormat(), d.valueFormat(), d.windowType(),
                d.timestamp(), d.readOnly(), d.extended(), rw.get(0), rw.get(1), statement);
    }

    static EngineResult.FieldDetails field(FieldInfo f) {
        return new EngineResult.FieldDetails(f.name(), type(f.schema()), f.type());
    }

    static EngineResult.ColumnType type(SchemaInfo s) {
        return new EngineResult.ColumnType(s.type(), s.fields().stream().map(Results::field).toList(),
                s.memberSchema().map(Results::type), s.parameters());
    }
}
