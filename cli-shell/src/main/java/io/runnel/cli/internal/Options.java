package io.runnel.cli.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of a sub-command: {@code --name value} pairs (also {@code --name=value}) from a
 * fixed set of names, and the remaining positional arguments. Unknown options are errors.
 *
 * @param values     option values by name (without the dashes)
 * @param positional the other arguments, in order
 */
public record Options(Map<String, String> values, List<String> positional) {

    public Options {
        values = Map.copyOf(values);
        positional = List.copyOf(positional);
    }

    /** Parses {@code args}, accepting only the option names in {@code known}. */
    public static Options parse(List<String> args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (known: --"
                        + String.join(", --", known.stream().sorted().toList()) + ")");
            }
            values.put(name, value);
        }
        return new Options(values, positional);
    }

    public String get(String name) {
        return values.get(name);
    }

    public String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }
}
