package io.runnel.sql.internal.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** One SQL statement. Names are normalized (unquoted upper-cased, quoted kept as written). */
public sealed interface Statement extends Node {

    /** A SELECT on its own: a pull query, or a push query with EMIT. */
    record QueryStatement(Query query, Position position) implements Statement {
        public QueryStatement {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code CREATE [OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name [(elements)] [WITH (...)]}. */
    record CreateSource(SourceKind kind, boolean orReplace, boolean readOnlySource, boolean ifNotExists, String name,
                        List<TableElement> elements, List<Property> properties, Position position)
            implements Statement {
        public CreateSource {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            elements = List.copyOf(elements);
            properties = List.copyOf(properties);
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code CREATE [OR REPLACE] STREAM|TABLE [IF NOT EXISTS] name [WITH (...)] AS SELECT ...}. */
    record CreateAsSelect(SourceKind kind, boolean orReplace, boolean ifNotExists, String name,
                          List<Property> properties, Query query, Position position) implements Statement {
        public CreateAsSelect {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            properties = List.copyOf(properties);
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code INSERT INTO target [WITH (...)] SELECT ...}. */
    record InsertInto(String target, List<Property> properties, Query query, Position position) implements Statement {
        public InsertInto {
            Objects.requireNonNull(target, "target");
            properties = List.copyOf(properties);
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code INSERT INTO target [(columns)] VALUES (values)}; no columns = all columns in order. */
    record InsertValues(String target, List<String> columns, List<Expression> values, Position position)
            implements Statement {
        public InsertValues {
            Objects.requireNonNull(target, "target");
            columns = List.copyOf(columns);
            values = List.copyOf(values);
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC]}. */
    record DropSource(SourceKind kind, boolean ifExists, String name, boolean deleteTopic, Position position)
            implements Statement {
        public DropSource {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code ALTER STREAM|TABLE name ADD [COLUMN] col type, ...}. */
    record AlterSource(SourceKind kind, String name, List<TableElement> addedColumns, Position position)
            implements Statement {
        public AlterSource {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            addedColumns = List.copyOf(addedColumns);
            Objects.requireNonNull(position, "position");
            if (addedColumns.isEmpty()) throw new IllegalArgumentException("ALTER without columns");
        }
    }

    /** {@code CREATE TYPE [IF NOT EXISTS] name AS type}. */
    record CreateType(String name, boolean ifNotExists, TypeExpr type, Position position) implements Statement {
        public CreateType {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code DROP TYPE [IF EXISTS] name}. */
    record DropType(String name, boolean ifExists, Position position) implements Statement {
        public DropType {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }
    }

    /** What a SHOW / LIST statement lists. */
    enum Listable { STREAMS, TABLES, TOPICS, QUERIES, FUNCTIONS, PROPERTIES, TYPES, VARIABLES }

    /** {@code SHOW|LIST what [EXTENDED]}; {@code allTopics} for {@code SHOW ALL TOPICS} (internal ones too). */
    record ListObjects(Listable what, boolean extended, boolean allTopics, Position position) implements Statement {
        public ListObjects {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code DESCRIBE STREAMS|TABLES [EXTENDED]}. */
    record DescribeSources(SourceKind kind, boolean extended, Position position) implements Statement {
        public DescribeSources {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code DESCRIBE name [EXTENDED]}. */
    record DescribeSource(String name, boolean extended, Position position) implements Statement {
        public DescribeSource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code DESCRIBE FUNCTION name}. */
    record DescribeFunction(String name, Position position) implements Statement {
        public DescribeFunction {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code EXPLAIN statement} or {@code EXPLAIN queryId}: exactly one of the two is present. */
    record Explain(Optional<Statement> statement, Optional<String> queryId, Position position) implements Statement {
        public Explain {
            Objects.requireNonNull(statement, "statement");
            Objects.requireNonNull(queryId, "queryId");
            Objects.requireNonNull(position, "position");
            if (statement.isPresent() == queryId.isPresent()) {
                throw new IllegalArgumentException("EXPLAIN needs exactly one of statement and query id");
            }
        }
    }

    /** {@code PRINT topic [FROM BEGINNING] [INTERVAL n] [LIMIT n]}. */
    record Print(String topic, boolean fromBeginning, OptionalInt interval, OptionalInt limit, Position position)
            implements Statement {
        public Print {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code TERMINATE queryId} or, with an empty id, {@code TERMINATE ALL}. */
    record Terminate(Optional<String> queryId, Position position) implements Statement {
        public Terminate {
            Objects.requireNonNull(queryId, "queryId");
            Objects.requireNonNull(position, "position");
        }

        public boolean all() {
            return queryId.isEmpty();
        }
    }

    /** {@code SET 'name' = 'value'}: a session property. */
    record SetProperty(String name, String value, Position position) implements Statement {
        public SetProperty {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code UNSET 'name'}. */
    record UnsetProperty(String name, Position position) implements Statement {
        public UnsetProperty {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code DEFINE name = 'value'}: a variable substituted for {@code ${name}} in later statements. */
    record DefineVariable(String name, String value, Position position) implements Statement {
        public DefineVariable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code UNDEFINE name}. */
    record UndefineVariable(String name, Position position) implements Statement {
        public UndefineVariable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code RUN SCRIPT 'path'}. */
    record RunScript(String path, Position position) implements Statement {
        public RunScript {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(position, "position");
        }
    }
}
