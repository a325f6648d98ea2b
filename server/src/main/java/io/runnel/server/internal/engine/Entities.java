package io.runnel.server.internal.engine;

import io.runnel.server.api.CommandStatus;
import io.runnel.server.api.KsqlEntity;
import io.runnel.sql.engine.EngineResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine's results as ksqlDB's entities, one method per result kind. */
final class Entities {
    private Entities() {
    }

    static KsqlEntity of(EngineResult result) {
        if (result instanceof EngineResult.CommandDone r) {
            return new KsqlEntity.CommandStatusEntity(r.statementText(), r.commandId(),
                    new CommandStatus(CommandStatus.Status.SUCCESS, r.message(), r.queryId().orElse(null)),
                    r.commandSequence());
        } else if (result instanceof EngineResult.SourceList r) {
            List<KsqlEntity.SourceInfo> infos = r.sources().stream().map(s -> new KsqlEntity.SourceInfo(s.type(),
                    s.name(), s.topic(), s.keyFormat(), s.valueFormat(), s.windowed())).toList();
            return r.kind().equals("TABLE") ? new KsqlEntity.TablesList(r.statementText(), infos)
                    : new KsqlEntity.StreamsList(r.statementText(), infos);
        } else if (result instanceof EngineResult.SourceDescriptions r) {
            List<KsqlEntity.SourceDescription> ds = r.sources().stream().map(Entities::description).toList();
            return r.single() ? new KsqlEntity.SourceDescriptionEntity(r.statementText(), ds.get(0))
                    : new KsqlEntity.SourceDescriptionList(r.statementText(), ds);
        } else if (result instanceof EngineResult.TopicList r) {
            return new KsqlEntity.KafkaTopicsList(r.statementText(), r.topics().stream()
                    .map(t -> new KsqlEntity.KafkaTopicInfo(t.name(), java.util.Collections.nCopies(t.partitions(), 1)))
                    .toList());
        } else if (result instanceof EngineResult.TypeList r) {
            Map<String, KsqlEntity.SchemaInfo> types = new LinkedHashMap<>();
            r.types().forEach((k, v) -> types.put(k, schema(v)));
            return new KsqlEntity.TypeList(r.statementText(), types);
        } else if (result instanceof EngineResult.PropertyList r) {
            return new KsqlEntity.PropertiesList(r.statementText(), r.properties().stream()
                    .map(p -> new KsqlEntity.Property(p.name(), p.scope(), p.value())).toList(),
                    r.properties().stream().filter(EngineResult.PropertyInfo::overridden)
                            .map(EngineResult.PropertyInfo::name).toList(), List.of());
        } else if (result instanceof EngineResult.VariableList r) {
            List<KsqlEntity.Property> vars = r.variables().entrySet().stream()
                    .map(e -> new KsqlEntity.Property(e.getKey(), "VARIABLE", e.getValue())).toList();
            return new KsqlEntity.PropertiesList(r.statementText(), vars, List.of(), List.of());
        } else if (result instanceof EngineResult.QueryList r) {
            return new KsqlEntity.QueriesList(r.statementText(), r.queries().stream().map(Entities::query).toList());
        } else if (result instanceof EngineResult.QueryExplained r) {
            return new KsqlEntity.QueryDescriptionEntity(r.statementText(), new KsqlEntity.QueryDescription(
                    r.query().id(), r.query().sql(), null, r.fields().stream().map(Entities::field).toList(),
                    r.sources(), r.query().sinks(), r.topology(), r.executionPlan(), Map.of(), r.query().type(),
                    r.query().state()));
        } else if (result instanceof EngineResult.FunctionList r) {
            return new KsqlEntity.FunctionNameList(r.statementText(), r.functions().stream()
                    .map(f -> new KsqlEntity.SimpleFunctionInfo(f.name(), f.type(), f.category())).toList());
        } else if (result instanceof EngineResult.FunctionDescribed r) {
            return new KsqlEntity.FunctionDescriptionList(r.statementText(), r.name(), r.description(), r.author(),
                    r.version(), r.path(), r.overloads().stream().map(Entities::function).toList(), r.type());
        }
        throw new IllegalStateException("result kind not handled: " + result.getClass().getSimpleName());
    }

    /** A signature {@code NAME(a TYPE, b TYPE) => TYPE} as ksqlDB's arguments and return type. */
    static KsqlEntity.FunctionInfo function(EngineResult.FunctionOverload o) {
        String sig = o.signature();
        int open = sig.indexOf('(');
        int close = sig.lastIndexOf(')');
        int arrow = sig.indexOf("=>", Math.max(close, 0));
        String returnType = arrow < 0 ? null : sig.substring(arrow + 2).strip();
        java.util.List<KsqlEntity.ArgumentInfo> args = new java.util.ArrayList<>();
        if (open >= 0 && close > open) {
            for (String arg : splitTopLevel(sig.substring(open + 1, close))) {
                String a = arg.strip();
                if (a.isEmpty()) {
                    continue;
                }
                boolean variadic = a.contains("...");
                a = a.replace("...", "").strip();
                int space = a.indexOf(' ');
                String name = space < 0 ? "" : a.substring(0, space);
                String type = space < 0 ? a : a.substring(space + 1).strip();
                args.add(new KsqlEntity.ArgumentInfo(name, type, "", variadic));
            }
        }
        return new KsqlEntity.FunctionInfo(args, returnType, o.description());
    }

    private static java.util.List<String> splitTopLevel(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static KsqlEntity.RunningQuery query(EngineResult.QueryInfo q) {
        return new KsqlEntity.RunningQuery(q.sql(), q.sinks(), q.sinkTopics(), q.id(), Map.of(q.state(), 1),
                q.type(), q.state(), q.error().orElse(null));
    }

    private static KsqlEntity.SourceDescription description(EngineResult.SourceDetails d) {
        return new KsqlEntity.SourceDescription(d.name(), d.windowType().orElse(null),
                d.readQueries().stream().map(Entities::query).toList(),
                d.writeQueries().stream().map(Entities::query).toList(),
                d.fields().stream().map(Entities::field).toList(), d.type(), d.timestamp(), "", "", d.extended(),
                d.keyFormat(), d.valueFormat(), d.topic(), d.partitions(), d.replication(), d.statement());
    }

    private static KsqlEntity.FieldInfo field(EngineResult.FieldDetails f) {
        return new KsqlEntity.FieldInfo(f.name(), schema(f.schema()), f.role().orElse(null));
    }

    private static KsqlEntity.SchemaInfo schema(EngineResult.ColumnType t) {
        return new KsqlEntity.SchemaInfo(t.type(), t.type().equals("STRUCT")
                ? t.fields().stream().map(Entities::field).toList() : null,
                t.member().map(Entities::schema).orElse(null), Map.copyOf(t.parameters()));
    }
}
