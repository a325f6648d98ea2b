package io.runnel.sql.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A command log held in memory (an engine without persistence, tests). Thread-safe. */
public final class InMemoryCommandLog implements CommandLog {

    private final List<Command> commands = new ArrayList<>();

    @Override
    public synchronized Command append(String statement, Map<String, String> properties, Optional<String> plan) {
        Command command = new Command(commands.size(), statement, properties, plan);
        commands.add(command);
        return command;
    }

    @Override
    public synchronized List<Command> readAll() {
        return List.copyOf(commands);
    }

    @Override
    public void close() {
    }
}
