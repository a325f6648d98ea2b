package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import java.util.Objects;

/** COALESCE, IFNULL and NULLIF over any type (all arguments of one type, widened as needed), and AS_VALUE. */
public final class NullFunctions {
    private NullFunctions() {
    }

    @UdfDescription(name = "COALESCE", category = "CONDITIONAL", description = "The first non-NULL argument.")
    public static final class Coalesce {
        @Udf
        @SafeVarargs
        public static <T> T coalesce(@UdfParameter("first") T first, @UdfParameter("others") T... others) {
            if (first != null) return first;
            if (others == null) return null;
            for (T o : others) if (o != null) return o;
            return null;
        }
    }

    @UdfDescription(name = "ifnull", category = "CONDITIONAL", description = "The expression, or the alternative when it is NULL.")
    public static final class IfNull {
        @Udf
        public static <T> T ifNull(@UdfParameter("expression") T expression, @UdfParameter("altValue") T altValue) {
            return expression == null ? altValue : expression;
        }
    }

    @UdfDescription(name = "nullif", category = "CONDITIONAL", description = "NULL when both arguments are equal, else the first.")
    public static final class NullIf {
        @Udf
        public static <T> T nullIf(@UdfParameter("expr1") T expr1, @UdfParameter("expr2") T expr2) {
            return Objects.equals(expr1, expr2) ? null : expr1;
        }
    }

    @UdfDescription(name = "as_value", category = "OTHER",
            description = "Its argument unchanged: marks a key column to be copied into the value.")
    public static final class AsValue {
        @Udf
        public static <T> T asValue(@UdfParameter("source") T source) {
            return source;
        }
    }
}
