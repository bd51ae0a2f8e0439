package io.mailroom.server.config;

/**
 * Where a value of a setup file is: the file name, the 1-based line and the field path from the root
 * ({@code accounts[0].sqs.queues[1].attributes.VisibilityTimeout}), so every message can point at it.
 */
public record Position(String file, int line, String path) {

    static Position root(String file) {
        return new Position(file, 1, "");
    }

    Position field(String name, int atLine) {
        return new Position(file, atLine, path.isEmpty() ? name : path + "." + name);
    }

    Position index(int i, int atLine) {
        return new Position(file, atLine, path + "[" + i + "]");
    }

    /** {@code mailroom.yaml line 12: queues[1].name}; the path is left out at the root. */
    public String describe() {
        return file + " line " + line + (path.isEmpty() ? "" : ": " + path);
    }

    ConfigException error(String message) {
        return new ConfigException(describe() + ": " + message);
    }
}
