package io.runnel.sql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.runnel.common.Serdes;
import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.RegistryFunctionResolver;
import io.runnel.sql.internal.ast.Statement;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.command.DdlExecutor;
import io.runnel.sql.internal.command.InMemoryCommandLog;
import io.runnel.sql.internal.command.InMemoryTopics;
import io.runnel.sql.internal.command.SessionContext;
import io.runnel.sql.internal.exec.InsertValuesRow;
import io.runnel.sql.internal.exec.ProcessingLog;
import io.runnel.sql.internal.exec.TopologyBuilder;
import io.runnel.sql.internal.function.FunctionRegistry;
import io.runnel.sql.internal.parser.ParsedStatement;
import io.runnel.sql.internal.parser.SqlParser;
import io.runnel.sql.internal.plan.CoPartitioning;
import io.runnel.sql.internal.plan.ExecNode;
import io.runnel.sql.internal.plan.PersistentQueryPlanner;
import io.runnel.sql.internal.plan.json.ExecPlanReader;
import io.runnel.sql.internal.plan.json.ExecPlanWriter;
import io.runnel.sql.internal.plan.json.QueryPlan;
import io.runnel.sql.internal.serde.FormatOptions;
import io.runnel.sql.internal.serde.QttCodec;
import io.runnel.streams.testing.TestDriver;
import io.runnel.streams.testing.TestInputTopic;
import io.runnel.streams.testing.TestOutputTopic;
import io.runnel.streams.testing.TestRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a QTT case on the SQL engine with the streams test driver: the statements in order (DDL
 * into the catalog, each persistent query into its own driver), then the input records; a
 * record produced to a topic is delivered to every query reading that topic, so queries chain as
 * they do over a log. Outputs are decoded with the formats of the source on their topic and
 * compared by ksqlDB's rules ({@link OutputMatcher}), then the {@code post} sources
 * ({@link PostConditions}).
 * One instance runs one case at a time.
 */
public final class EngineCaseExecutor implements CaseExecutor {
    private static final Pattern KAFKA_TOPIC = Pattern.compile("KAFKA_TOPIC\\s*=\\s*'([^']*)'", Pattern.CASE_INSENSITIVE);

    private final FunctionResolver builtIns = new RegistryFunctionResolver(FunctionRegistry.withBuiltIns());

    @Override
    public CaseResult run(QttCase c) {
        long start = System.nanoTime();
        try (Run run = new Run(c)) {
            return run.execute(start);
        } catch (RuntimeException e) {
            return CaseResult.failed(c.id(), "engine error: " + e, millisSince(start));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The state of one case: catalog, topics, running queries, records produced per topic. */
    private final class Run implements AutoCloseable {
        private final QttCase testCase;
        private final InMemoryTopics topics;
        private final DdlExecutor ddl;
        private SessionContext session = SessionContext.empty();
        private final List<Query> queries = new ArrayList<>();
        private final Map<String, List<TestRecord<byte[], byte[]>>> produced = new LinkedHashMap<>();
        private final FunctionResolver functions = TestFixtureFunctions.over(builtIns);

        Run(QttCase testCase) {
            this.testCase = testCase;
            Set<String> names = new LinkedHashSet<>();
            testCase.topics().forEach(t -> names.add(t.path("name").asText()));
            testCase.inputs().forEach(r -> names.add(r.topic()));
            testCase.outputs().forEach(r -> names.add(r.topic()));
            for (String s : testCase.statements()) {
                Matcher m = KAFKA_TOPIC.matcher(s);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
            this.topics = InMemoryTopics.of(names);
            // The case's ksqlDB configs apply as session properties (default formats, value wrapping, ...).
            for (Map.Entry<String, String> p : testCase.properties().entrySet()) {
                session = session.withProperty(p.getKey(), p.getValue());
            }
            this.ddl = new DdlExecutor(topics, new InMemoryCommandLog());
        }

        CaseResult execute(long start) {
            String failure = null;
            boolean lastFailed = false;
            boolean unsupported = false;
            List<String> statements = testCase.statements();
            for (int i = 0; i < statements.size(); i++) {
                try {
                    for (ParsedStatement statement : SqlParser.parse(statements.get(i), session.variables())) {
                        execute(statement);
                    }
                } catch (RuntimeException e) {
                    failure = e instanceof SqlException ? e.getMessage() : e.toString();
                    lastFailed = i == statements.size() - 1;
                    unsupported = e instanceof UnsupportedOperationException || (e instanceof SqlException se
                            && se.errorCode() == SqlErrorCode.UNSUPPORTED_FEATURE);
                    break;
                }
            }
            QttCase.ExpectedError expected = testCase.expectedError();
            if (expected != null) {
                // Passing needs the last statement to fail for a reason of the user's, not a gap of ours.
                if (failure == null) {
                    return CaseResult.failed(testCase.id(), "expected " + expected.type() + " '" + expected.message()
                            + "' but every statement succeeded", millisSince(start));
                }
                if (unsupported || !lastFailed) {
                    return CaseResult.failed(testCase.id(), "expected '" + expected.message() + "' from the last "
                            + "statement, got: " + failure, millisSince(start));
                }
                return CaseResult.passedWithMessage(testCase.id(), failure.contains(expected.message()), failure,
                        millisSince(start));
            }
            if (failure != null) {
                return CaseResult.failed(testCase.id(), "statement failed: " + failure, millisSince(start));
            }
            for (QttRecord input : testCase.inputs()) {
                DataSource source = sourceOn(input.topic());
                if (source == null) {
                    return CaseResult.failed(testCase.id(), "no stream or table reads input topic " + input.topic(),
                            millisSince(start));
                }
                QttCodec codec = SourceRecords.codec(source);
                byte[] key = input.key().isNull() ? null : codec.keyBytes(input.key(), input.window());
                byte[] value = input.value().isNull() ? null : codec.valueBytes(input.value());
                deliver(input.topic(), new TestRecord<>(key, value, input.timestamp() == null ? 0 : input.timestamp(),
                        SourceRecords.recordHeaders(input.headers())));
            }
            List<QttRecord> actual = new ArrayList<>();
            Set<String> expectedTopics = new LinkedHashSet<>();
            testCase.outputs().forEach(r -> expectedTopics.add(r.topic()));
            for (String topic : expectedTopics) {
                DataSource source = sourceOn(topic);
                if (source == null) {
                    return CaseResult.failed(testCase.id(), "no stream or table writes output topic " + topic,
                            millisSince(start));
                }
                QttCodec codec = SourceRecords.codec(source);
                for (TestRecord<byte[], byte[]> r : produced.getOrDefault(topic, List.of())) {
                    QttCodec.DecodedKey key = r.key() == null ? null : codec.decodeKey(r.key());
                    JsonNode value = r.value() == null ? null : codec.decodeValue(r.value());
                    actual.add(new QttRecord(topic, key == null ? null : key.key(), value, r.timestamp(),
                            key == null ? null : key.window(), SourceRecords.qttHeaders(r.headers())));
                }
            }
            Optional<String> mismatch = OutputMatcher.firstMismatch(testCase.outputs(), actual);
            if (mismatch.isEmpty()) {
                mismatch = PostConditions.firstMismatch(testCase.post(), session.catalog());
            }
            return mismatch.map(m -> CaseResult.failed(testCase.id(), m, millisSince(start)))
                    .orElseGet(() -> CaseResult.passed(testCase.id(), null, millisSince(start)));
        }

        private void execute(ParsedStatement parsed) {
            Statement statement = parsed.statement();
            if (DdlExecutor.handles(statement)) {
                session = ddl.execute(parsed, session).session();
            } else if (statement instanceof Statement.CreateAsSelect create) {
                PersistentQueryPlanner.Planned planned = new PersistentQueryPlanner(functions, session.properties())
                        .plan(create, session.catalog(), queries.size());
                CoPartitioning.check(planned.query(), topics::partitions);
                if (topics.partitions(planned.sink().topic()).isEmpty()) {
                    topics.create(planned.sink().topic(), 1, false);
                }
                session = session.withCatalog(session.catalog().withSource(planned.sink(), create.orReplace()));
                start(planned);
            } else if (statement instanceof Statement.InsertInto insert) {
                PersistentQueryPlanner.Planned planned = new PersistentQueryPlanner(functions, session.properties())
                        .plan(insert, session.catalog(), queries.size());
                CoPartitioning.check(planned.query(), topics::partitions);
                start(planned);
            } else if (statement instanceof Statement.InsertValues insert) {
                InsertValuesRow.Planned row = InsertValuesRow.plan(insert, session.catalog(), functions);
                deliver(row.target().topic(), new TestRecord<>(serialize(row.target(), true, row.key()),
                        serialize(row.target(), false, row.value()), 0L));
            } else {
                throw new UnsupportedOperationException(statement.getClass().getSimpleName()
                        + " statements are not supported by the engine yet");
            }
        }

        private void start(PersistentQueryPlanner.Planned planned) {
            // As the engine does: the query runs its plan as read back from the JSON the command log stores.
            ExecNode.Sink plan = new ExecPlanReader(functions).read(ExecPlanWriter.write(new QueryPlan(planned.queryId(),
                    planned.sink(), planned.createsSink(), false, planned.plan()))).plan();
            TestDriver driver = new TestDriver(TopologyBuilder.build(planned.queryId(), plan,
                    new ProcessingLog(planned.queryId())), Map.of(), Instant.ofEpochMilli(0));
            Map<String, TestInputTopic<byte[], byte[]>> inputs = new LinkedHashMap<>();
            for (ExecNode.StreamSource source : ExecNode.sourcesOf(plan)) {
                String topic = source.source().topic();
                inputs.computeIfAbsent(topic, t -> driver.createInputTopic(t, Serdes.byteArray().serializer(),
                        Serdes.byteArray().serializer()));
            }
            queries.add(new Query(inputs, plan.topic(), driver,
                    driver.createOutputTopic(plan.topic(), Serdes.byteArray().deserializer(),
                            Serdes.byteArray().deserializer())));
        }

        /** Records one record on its topic and feeds it to every query reading that topic, recursively. */
        private void deliver(String topic, TestRecord<byte[], byte[]> record) {
            produced.computeIfAbsent(topic, t -> new ArrayList<>()).add(record);
            for (Query q : List.copyOf(queries)) {
                TestInputTopic<byte[], byte[]> input = q.inputs().get(topic);
                if (input != null) {
                    input.pipeInput(record);
                    for (TestRecord<byte[], byte[]> out : q.output().readRecordsToList()) {
                        deliver(q.sinkTopic(), out);
                    }
                }
            }
        }

        private DataSource sourceOn(String topic) {
            return SourceRecords.sourceOn(session.catalog(), topic).orElse(null);
        }

        @Override
        public void close() {
            for (Query q : queries) {
                q.driver().close();
            }
        }
    }

    /** A row written with a source's key or value format (INSERT VALUES). */
    private static byte[] serialize(DataSource source, boolean key, io.runnel.sql.internal.row.Row row) {
        List<io.runnel.sql.internal.catalog.Column> columns = source.columns().stream()
                .filter(c -> key ? c.isKey() : c.role() == io.runnel.sql.internal.catalog.Column.Role.VALUE).toList();
        io.runnel.sql.internal.serde.SerdeSchema schema = new io.runnel.sql.internal.serde.SerdeSchema(
                key ? io.runnel.sql.internal.serde.SerdeSchema.Part.KEY : io.runnel.sql.internal.serde.SerdeSchema.Part.VALUE,
                columns);
        FormatOptions options = key ? FormatOptions.forKey(source.formats().properties())
                : FormatOptions.forValue(source.formats().properties(), true);
        String format = key ? source.formats().keyFormat() : source.formats().valueFormat();
        return io.runnel.sql.internal.serde.Formats.of(format).serde(schema, options).serializer()
                .serialize(source.topic(), row);
    }

    private record Query(Map<String, TestInputTopic<byte[], byte[]>> inputs, String sinkTopic, TestDriver driver,
                         TestOutputTopic<byte[], byte[]> output) {
    }
}
