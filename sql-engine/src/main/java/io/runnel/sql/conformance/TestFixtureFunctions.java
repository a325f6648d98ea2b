package io.runnel.sql.conformance;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import io.runnel.sql.internal.analyzer.FunctionResolver;
import io.runnel.sql.internal.analyzer.RegistryFunctionResolver;
import io.runnel.sql.internal.catalog.SqlType;
import io.runnel.sql.internal.function.FunctionRegistry;
import java.util.List;
import java.util.Objects;

/**
 * Functions that ksqlDB's own QTT runner provides to its test files, re-created from what the
 * files say of them, and offered only to conformance cases (never to the engine's users). Only
 * {@code BAD_UDF} is here: the other test-only functions ({@link SkipRules#TEST_ONLY_FUNCTIONS})
 * still make a case skipped. A fresh set per case, since BAD_UDF counts its calls.
 */
final class TestFixtureFunctions {

    private TestFixtureFunctions() {
    }

    /** The built-ins, plus a fresh instance of each fixture function. */
    static FunctionResolver over(FunctionResolver builtIns) {
        FunctionRegistry fixtures = new FunctionRegistry();
        fixtures.register(BadUdf.class, "ksqlDB QTT fixture");
        return new Layered(new RegistryFunctionResolver(fixtures), fixtures, builtIns);
    }

    /** ksqlDB's BAD_UDF: fails on purpose, so tests can show how failing expressions are handled. */
    @UdfDescription(name = "BAD_UDF", category = "OTHER", description = "ksqlDB's QTT fixture that fails on purpose.")
    public static final class BadUdf {
        private long calls;

        /** NULL on every other call (the first, third, ...), else the argument. */
        @Udf
        public String everyOtherNull(@UdfParameter("value") String value) {
            return calls++ % 2 == 0 ? null : value;
        }

        /** Always throws. */
        @Udf
        public Integer blowUp(@UdfParameter("value") Integer value) {
            throw new IllegalStateException("BAD_UDF always fails on INT");
        }

        /** Throws when told to, else 0. */
        @Udf
        public Integer mightThrow(@UdfParameter("shouldThrow") Boolean shouldThrow) {
            if (Boolean.TRUE.equals(shouldThrow)) {
                throw new IllegalStateException("BAD_UDF was asked to fail");
            }
            return 0;
        }
    }

    /** The fixtures' functions first, then the built-ins. */
    private record Layered(FunctionResolver fixtures, FunctionRegistry fixtureNames, FunctionResolver builtIns)
            implements FunctionResolver {
        Layered {
            Objects.requireNonNull(fixtures, "fixtures");
            Objects.requireNonNull(builtIns, "builtIns");
        }

        private FunctionResolver of(String name) {
            return fixtureNames.kind(name).isPresent() ? fixtures : builtIns;
        }

        @Override
        public ResolvedFunction resolve(String name, List<SqlType> argumentTypes) {
            return of(name).resolve(name, argumentTypes);
        }

        @Override
        public ResolvedFunction resolve(String name, List<SqlType> argumentTypes,
                                        java.util.Map<Integer, LambdaArgument> lambdas,
                                        java.util.Set<Integer> stringLiterals) {
            return of(name).resolve(name, argumentTypes, lambdas, stringLiterals);
        }

        @Override
        public boolean isTableFunction(String name) {
            return of(name).isTableFunction(name);
        }

        @Override
        public ResolvedFunction resolveTable(String name, List<SqlType> argumentTypes) {
            return of(name).resolveTable(name, argumentTypes);
        }

        @Override
        public boolean isAggregate(String name) {
            return of(name).isAggregate(name);
        }

        @Override
        public ResolvedAggregate resolveAggregate(String name, List<SqlType> argumentTypes) {
            return of(name).resolveAggregate(name, argumentTypes);
        }
    }
}
