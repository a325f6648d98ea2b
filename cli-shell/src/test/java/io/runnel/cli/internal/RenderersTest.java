package io.runnel.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.server.api.CommandStatus;
import io.runnel.server.api.KsqlEntity;
import io.runnel.server.client.RunnelClientException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderersTest {

    @Test
    void shouldAlignColumnsToTheWidestValue() {
        String table = new TableRenderer().render(List.of("ID", "NAME"),
                List.of(List.of("1", "alice"), List.of("1234567", "b")));

        assertThat(table).isEqualTo("""
                +---------+-------+
                | ID      | NAME  |
                +---------+-------+
                | 1       | alice |
                | 1234567 | b     |
                +---------+-------+
                """);
    }

    @Test
    void shouldShowNullsAndNestedValuesAsJson() {
        List<String> cells = TableRenderer.cells(Arrays.asList(null, List.of(1, 2), Map.of("A", "x"), "s"),
                new ObjectMapper());

        assertThat(cells).containsExactly("null", "[1,2]", "{\"A\":\"x\"}", "s");
    }

    @Test
    void shouldRenderCommandStatusAsItsMessage() {
        String text = new EntityRenderer().render(new KsqlEntity.CommandStatusEntity("CREATE STREAM S;",
                "stream/`S`/create", CommandStatus.success("Stream created"), 1));

        assertThat(text).contains("| Message        |").contains("| Stream created |");
    }

    @Test
    void shouldShowAFailedQuerysErrorMessageInItsStatus() {
        String text = new EntityRenderer().render(new KsqlEntity.QueriesList("SHOW QUERIES;", List.of(
                new KsqlEntity.RunningQuery("CREATE STREAM T AS SELECT * FROM S;", List.of("T"), List.of("T"),
                        "CSAS_T_0", Map.of("ERROR", 1), "PERSISTENT", "ERROR", "deserialization failed at offset 7"),
                new KsqlEntity.RunningQuery("CREATE STREAM U AS SELECT * FROM S;", List.of("U"), List.of("U"),
                        "CSAS_U_1", Map.of("RUNNING", 1), "PERSISTENT", "RUNNING"))));

        assertThat(text).contains("| ERROR: deserialization failed at offset 7 |").contains("| RUNNING ");
    }

    @Test
    void shouldRenderStreamsListAsTable() {
        String text = new EntityRenderer().render(new KsqlEntity.StreamsList("SHOW STREAMS;",
                List.of(new KsqlEntity.SourceInfo("STREAM", "PAGEVIEWS", "pageviews", "KAFKA", "JSON", false))));

        assertThat(text).contains("Stream Name").contains("| PAGEVIEWS   | pageviews   | KAFKA      | JSON ");
    }

    @Test
    void shouldRenderSourceDescriptionWithKeyMarkedAndNestedTypes() {
        KsqlEntity.SchemaInfo array = new KsqlEntity.SchemaInfo("ARRAY", null, KsqlEntity.SchemaInfo.of("STRING"), null);
        KsqlEntity.SchemaInfo decimal = new KsqlEntity.SchemaInfo("DECIMAL", null, null,
                Map.of("precision", 4, "scale", 2));
        String text = new EntityRenderer().render(new KsqlEntity.SourceDescriptionEntity("DESCRIBE S;",
                new KsqlEntity.SourceDescription("S", null, List.of(), List.of(), List.of(
                        new KsqlEntity.FieldInfo("ID", KsqlEntity.SchemaInfo.of("INTEGER"), "KEY"),
                        new KsqlEntity.FieldInfo("TAGS", array, null),
                        new KsqlEntity.FieldInfo("PRICE", decimal, null)),
                        "STREAM", "", "", "", false, "KAFKA", "JSON", "s", 1, 1, "CREATE STREAM S;")));

        assertThat(text).contains("Name            : S").contains("| ID    | INTEGER (key) |")
                .contains("ARRAY<STRING>").contains("DECIMAL(4, 2)");
    }

    @Test
    void shouldRenderFunctionDescriptionWithOneVariationPerSignature() {
        String text = new EntityRenderer().render(new KsqlEntity.FunctionDescriptionList("DESCRIBE FUNCTION ABS;",
                "ABS", "The absolute value.", "Runnel", "1", "internal", List.of(new KsqlEntity.FunctionInfo(
                        List.of(new KsqlEntity.ArgumentInfo("x", "DOUBLE", "", false)), "DOUBLE", "")), "SCALAR"));

        assertThat(text).contains("Name            : ABS").contains("Variation       : ABS(x DOUBLE)")
                .contains("Returns         : DOUBLE");
    }

    @Test
    void shouldPutACaretUnderTheColumnTheMessageNames() {
        RunnelClientException e = new RunnelClientException(400, 40001,
                "line 2:6: Syntax error at or near 'FORM'", "SELECT *\nFROM S FORM;", List.of());

        String text = new ErrorRenderer().render(e, "ignored");

        assertThat(text).isEqualTo("line 2:6: Syntax error at or near 'FORM'\nFROM S FORM;\n     ^\n");
    }

    @Test
    void shouldPutACaretWhereTheServerSaysWhenTheMessageHasNoPosition() {
        RunnelClientException e = new RunnelClientException(400, 40001,
                "Could not find STREAM/TABLE 'NOPE' in the Metastore", "DESCRIBE NOPE;", List.of(), 1, 10);

        assertThat(new ErrorRenderer().render(e, "ignored")).endsWith("DESCRIBE NOPE;\n         ^\n");
    }

    @Test
    void shouldShowOnlyTheMessageWhenNoPositionIsKnown() {
        RunnelClientException e = new RunnelClientException(400, 40001, "S does not exist.", "SELECT * FROM S;", null);

        assertThat(new ErrorRenderer().render(e, "SELECT * FROM S;")).isEqualTo("S does not exist.\n");
    }

    @Test
    void shouldCompleteKeywordsAndKnownNamesIgnoringCase() {
        ShellCompleter completer = new ShellCompleter(() -> List.of("PAGEVIEWS", "PAGES_BY_USER"));

        assertThat(completer.candidates("sel")).containsExactly("SELECT");
        assertThat(completer.candidates("pag")).containsExactly("PAGES_BY_USER", "PAGEVIEWS");
        assertThat(completer.candidates("ex")).contains("EXISTS", "EXPLAIN", "EXTENDED", "exit");
    }

    @Test
    void shouldParseOutputFormats() {
        assertThat(OutputFormat.parse("tabular")).isEqualTo(OutputFormat.TABLE);
        assertThat(OutputFormat.parse("JSON")).isEqualTo(OutputFormat.JSON);
    }
}
