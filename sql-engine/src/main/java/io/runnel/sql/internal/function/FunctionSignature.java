package io.runnel.sql.internal.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SQL shape of one overload: parameter types and names (when {@code variadic}, the last
 * parameter is the type of each of the trailing arguments, of which there may be none) and the
 * declared return type (a pattern resolved per call).
 */
public record FunctionSignature(String name, List<ParamType> parameters, List<String> parameterNames, boolean variadic,
                                ParamType returnType) {
    public FunctionSignature {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        parameterNames = List.copyOf(parameterNames);
        Objects.requireNonNull(returnType, "returnType");
        if (parameters.size() != parameterNames.size()) {
            throw new IllegalArgumentException(parameters.size() + " parameters but " + parameterNames.size() + " names");
        }
        if (variadic && parameters.isEmpty()) throw new IllegalArgumentException("variadic without parameters");
    }

    /** The declared parameter type of each of {@code argumentCount} arguments, or null when the count does not fit. */
    public List<ParamType> expand(int argumentCount) {
        if (!variadic) return argumentCount == parameters.size() ? parameters : null;
        int fixed = parameters.size() - 1;
        if (argumentCount < fixed) return null;
        List<ParamType> expanded = new ArrayList<>(parameters.subList(0, fixed));
        for (int i = fixed; i < argumentCount; i++) expanded.add(parameters.get(fixed));
        return expanded;
    }

    /** As error messages list alternatives (ksqlDB's form), e.g. {@code substring(STRING str, INTEGER pos)}. */
    public String displayForError(String functionName) {
        StringBuilder b = new StringBuilder(functionName).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(parameters.get(i).display());
            if (variadic && i == parameters.size() - 1) b.append("...");
            b.append(' ').append(parameterNames.get(i));
        }
        return b.append(')').toString();
    }

    /** As DESCRIBE FUNCTION shows it, e.g. {@code SUBSTRING(str STRING, pos INTEGER) => STRING}. */
    public String display() {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(parameterNames.get(i)).append(' ').append(parameters.get(i).display());
            if (variadic && i == parameters.size() - 1) b.append("...");
        }
        return b.append(") => ").append(returnType.display()).toString();
    }
}
