package io.runnel.sql.internal.parser;

import io.runnel.sql.internal.ast.Position;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AST as nested maps and lists with every {@link Position} left out, so two ASTs can be
 * compared "ignoring positions" with equals (and printed readably when they differ).
 */
final class AstWithoutPositions {

    private AstWithoutPositions() {
    }

    static Object of(Object node) {
        if (node == null) return null;
        if (node instanceof Optional<?> optional) return optional.map(AstWithoutPositions::of);
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) out.add(of(item));
            return out;
        }
        if (node instanceof Record record) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("@", record.getClass().getSimpleName());
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getType() == Position.class) continue;
                try {
                    out.put(component.getName(), of(component.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        return node;
    }
}
