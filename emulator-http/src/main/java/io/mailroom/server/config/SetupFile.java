package io.mailroom.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a setup file: {@code .json} as JSON, anything else as YAML. */
public final class SetupFile {
    private SetupFile() {
    }

    /**
     * @param defaults account and region for entries that name none (the server's {@code --account-id} and
     *                 {@code --region})
     * @throws ConfigException naming the file, line and field of the first problem
     */
    public static Setup load(Path file, Scope defaults) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Cannot read setup file " + file + ": " + e, e);
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return parse(text, name, defaults);
    }

    /** @param name the file name messages give; its extension picks JSON or YAML */
    public static Setup parse(String text, String name, Scope defaults) {
        ConfigValue root = name.toLowerCase(Locale.ROOT).endsWith(".json")
                ? JsonReader.read(text, name) : YamlReader.read(text, name);
        return new SetupParser(defaults).parse(root);
    }
}
