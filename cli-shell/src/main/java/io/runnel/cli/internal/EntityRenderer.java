package io.runnel.cli.internal;

import io.runnel.server.api.KsqlEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the result of a statement as the shell shows it in table mode, close to ksqlDB's CLI:
 * a message for commands, a table for lists, a block for descriptions. Stateless.
 */
public final class EntityRenderer {

    private final TableRenderer tables = new TableRenderer();

    public String render(KsqlEntity entity) {
        if (entity instanceof KsqlEntity.CommandStatusEntity e) {
            return table(List.of("Message"), List.of(List.of(e.commandStatus().message())));
        } else if (entity instanceof KsqlEntity.StreamsList e) {
            return table(List.of("Stream Name", "Kafka Topic", "Key Format", "Value Format", "Windowed"),
                    e.streams().stream().map(EntityRenderer::sourceRow).toList());
        } else if (entity instanceof KsqlEntity.TablesList e) {
            return table(List.of("Table Name", "Kafka Topic", "Key Format", "Value Format", "Windowed"),
                    e.tables().stream().map(EntityRenderer::sourceRow).toList());
        } else if (entity instanceof KsqlEntity.QueriesList e) {
            return table(List.of("Query ID", "Query Type", "Status", "Sink Name", "Sink Kafka Topic", "Query String"),
                    e.queries().stream().map(q -> List.of(q.id(), nz(q.queryType()),
                            q.errorMessage() == null ? nz(q.state()) : nz(q.state()) + ": " + q.errorMessage(),
                            String.join(",", q.sinks()), String.join(",", q.sinkKafkaTopics()),
                            nz(q.queryString()))).toList());
        } else if (entity instanceof KsqlEntity.KafkaTopicsList e) {
            return table(List.of("Kafka Topic", "Partitions", "Partition Replicas"),
                    e.topics().stream().map(t -> List.of(t.name(), String.valueOf(t.replicaInfo().size()),
                            t.replicaInfo().stream().map(String::valueOf).collect(Collectors.joining(" ")))).toList());
        } else if (entity instanceof KsqlEntity.PropertiesList e) {
            return table(List.of("Property", "Scope", "Value"),
                    e.properties().stream().map(p -> List.of(p.name(), nz(p.scope()), nz(p.value()))).toList());
        } else if (entity instanceof KsqlEntity.FunctionNameList e) {
            return table(List.of("Function Name", "Type", "Category"),
                    e.functions().stream().map(f -> List.of(f.name(), nz(f.type()), nz(f.category()))).toList());
        } else if (entity instanceof KsqlEntity.SourceDescriptionEntity e) {
            return describe(e.sourceDescription());
        } else if (entity instanceof KsqlEntity.QueryDescriptionEntity e) {
            return explain(e.queryDescription());
        } else if (entity instanceof KsqlEntity.WarningEntity e) {
            return e.message() + "\n";
        } else if (entity instanceof KsqlEntity.SourceDescriptionList e) {
            return e.sourceDescriptions().stream().map(this::describe).collect(Collectors.joining("\n"));
        } else if (entity instanceof KsqlEntity.FunctionDescriptionList e) {
            return describeFunction(e);
        } else if (entity instanceof KsqlEntity.TypeList e) {
            return table(List.of("Type Name", "Schema"), e.types().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .map(t -> List.of(t.getKey(), typeName(t.getValue()))).toList());
        }
        throw new IllegalArgumentException("no rendering for " + entity.getClass().getName());
    }

    private String table(List<String> headers, List<List<String>> rows) {
        return tables.render(headers, rows);
    }

    private static List<String> sourceRow(KsqlEntity.SourceInfo s) {
        return List.of(s.name(), nz(s.topic()), nz(s.keyFormat()), nz(s.valueFormat()), String.valueOf(s.isWindowed()));
    }

    private String describe(KsqlEntity.SourceDescription d) {
        StringBuilder out = new StringBuilder();
        field(out, "Name", d.name());
        field(out, "Type", d.type());
        if (d.windowType() != null) {
            field(out, "Window", d.windowType());
        }
        field(out, "Kafka topic", d.topic());
        field(out, "Key format", d.keyFormat());
        field(out, "Value format", d.valueFormat());
        if (d.timestamp() != null && !d.timestamp().isEmpty()) {
            field(out, "Timestamp field", d.timestamp());
        }
        out.append(fieldsTable(d.fields()));
        if (!d.readQueries().isEmpty() || !d.writeQueries().isEmpty()) {
            out.append('\n');
            for (KsqlEntity.RunningQuery q : d.writeQueries()) {
                out.append("Written by: ").append(q.id()).append(" : ").append(nz(q.queryString())).append('\n');
            }
            for (KsqlEntity.RunningQuery q : d.readQueries()) {
                out.append("Read by:    ").append(q.id()).append(" : ").append(nz(q.queryString())).append('\n');
            }
        }
        if (d.extended()) {
            field(out, "Partitions", String.valueOf(d.partitions()));
            field(out, "Replication", String.valueOf(d.replication()));
            if (d.statistics() != null && !d.statistics().isEmpty()) {
                field(out, "Statistics", d.statistics());
            }
        }
        return out.toString();
    }

    private String explain(KsqlEntity.QueryDescription q) {
        StringBuilder out = new StringBuilder();
        field(out, "ID", q.id());
        field(out, "Query type", nz(q.queryType()));
        field(out, "SQL", nz(q.statementText()));
        field(out, "Status", nz(q.state()));
        out.append(fieldsTable(q.fields()));
        field(out, "Sources", String.join(", ", q.sources()));
        field(out, "Sinks", String.join(", ", q.sinks()));
        if (q.executionPlan() != null) {
            out.append("\nExecution plan\n--------------\n").append(q.executionPlan()).append('\n');
        }
        if (q.topology() != null) {
            out.append("\nProcessing topology\n-------------------\n").append(q.topology()).append('\n');
        }
        return out.toString();
    }

    private String describeFunction(KsqlEntity.FunctionDescriptionList f) {
        StringBuilder out = new StringBuilder();
        field(out, "Name", f.name());
        field(out, "Author", f.author());
        field(out, "Version", f.version());
        field(out, "Overview", f.description());
        field(out, "Type", f.type());
        for (KsqlEntity.FunctionInfo signature : f.functions()) {
            String args = signature.arguments().stream()
                    .map(a -> (a.name() == null || a.name().isEmpty() ? "" : a.name() + " ") + a.type()
                            + (a.isVariadic() ? "..." : ""))
                    .collect(Collectors.joining(", "));
            out.append('\n');
            field(out, "Variation", f.name() + "(" + args + ")");
            field(out, "Returns", signature.returnType());
            if (signature.description() != null && !signature.description().isEmpty()) {
                field(out, "Description", signature.description());
            }
        }
        return out.toString();
    }

    private String fieldsTable(List<KsqlEntity.FieldInfo> fields) {
        List<List<String>> rows = new ArrayList<>();
        for (KsqlEntity.FieldInfo f : fields) {
            String type = typeName(f.schema());
            if ("KEY".equals(f.type())) {
                type += " (key)";
            } else if ("HEADERS".equals(f.type())) {
                type += " (headers)";
            }
            rows.add(List.of(f.name(), type));
        }
        return tables.render(List.of("Field", "Type"), rows);
    }

    /** A type as SQL: {@code ARRAY<STRING>}, {@code MAP<STRING, INTEGER>}, {@code STRUCT<`A` INTEGER>}. */
    static String typeName(KsqlEntity.SchemaInfo schema) {
        return switch (schema.type()) {
            case "ARRAY" -> "ARRAY<" + typeName(schema.memberSchema()) + ">";
            case "MAP" -> "MAP<STRING, " + typeName(schema.memberSchema()) + ">";
            case "STRUCT" -> "STRUCT<" + (schema.fields() == null ? "" : schema.fields().stream()
                    .map(f -> "`" + f.name() + "` " + typeName(f.schema())).collect(Collectors.joining(", "))) + ">";
            case "DECIMAL" -> schema.parameters().isEmpty() ? "DECIMAL"
                    : "DECIMAL(" + schema.parameters().get("precision") + ", " + schema.parameters().get("scale") + ")";
            default -> schema.type();
        };
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(String.format("%-16s: %s%n", name, nz(value)));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
