package io.runnel.sql.internal.command;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.DataSource;
import io.runnel.sql.internal.catalog.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Whether {@code CREATE OR REPLACE} may replace a source with another, as ksqlDB's
 * {@code canUpgradeTo}: same kind, topic, formats (with window and format properties) and
 * timestamp column; identical key columns; every existing value column kept in its place (new
 * columns may only be added at the end). Message: {@code Cannot upgrade data source: DataSource
 * '`S`' has schema = ... which is not upgradeable to .... (The following columns are changed,
 * missing or reordered: [...])}, issues joined by {@code AND}.
 */
final class UpgradeCheck {

    private UpgradeCheck() {
    }

    static void check(DataSource existing, DataSource replacement) {
        List<String> issues = new ArrayList<>();
        compare(issues, existing, "type", existing.kind(), replacement.kind());
        compare(issues, existing, "topic", existing.topic(), replacement.topic());
        compare(issues, existing, "keyFormat", existing.formats().keyFormat(), replacement.formats().keyFormat());
        compare(issues, existing, "valueFormat", existing.formats().valueFormat(), replacement.formats().valueFormat());
        compare(issues, existing, "window", existing.formats().window(), replacement.formats().window());
        compare(issues, existing, "formatProperties", existing.formats().properties(), replacement.formats().properties());
        compare(issues, existing, "timestampColumn", existing.timestampColumn(), replacement.timestampColumn());
        String schemaIssue = schemaIssue(existing.columns(), replacement.columns());
        if (schemaIssue != null) {
            issues.add(message(existing, "schema", existing.schemaSql(), replacement.schemaSql()) + ". (" + schemaIssue + ")");
        }
        if (!issues.isEmpty()) {
            throw new SqlException(SqlErrorCode.INVALID_DDL, "Cannot upgrade data source: "
                    + String.join(System.lineSeparator() + "\tAND ", issues));
        }
    }

    private static String schemaIssue(List<Column> before, List<Column> after) {
        List<Column> keysBefore = before.stream().filter(Column::isKey).toList();
        List<Column> keysAfter = after.stream().filter(Column::isKey).toList();
        if (!keysBefore.equals(keysAfter)) return "Key columns must be identical.";
        List<Column> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (i >= after.size() || !before.get(i).equals(after.get(i))) changed.add(before.get(i));
        }
        if (changed.isEmpty()) return null;
        return "The following columns are changed, missing or reordered: " + changed.stream().map(Column::sql)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static void compare(List<String> issues, DataSource existing, String property, Object before, Object after) {
        if (!Objects.equals(before, after)) issues.add(message(existing, property, before, after));
    }

    private static String message(DataSource existing, String property, Object before, Object after) {
        return "DataSource '" + SqlType.quote(existing.name()) + "' has " + property + " = " + before
                + " which is not upgradeable to " + after;
    }
}
