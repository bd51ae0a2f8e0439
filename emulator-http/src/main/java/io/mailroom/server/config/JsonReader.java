package io.mailroom.server.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .json} setup file into {@link ConfigValue}s with Jackson's streaming parser, which keeps
 * token lines. (JSON is nearly YAML, but SnakeYAML refuses the tab indentation JSON files often have.)
 */
final class JsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonReader() {
    }

    static ConfigValue read(String text, String file) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new ConfigValue.Mapping(Map.of(), Position.root(file));
            }
            ConfigValue value = value(parser, Position.root(file));
            if (parser.nextToken() != null) {
                throw new ConfigException(file + " line " + line(parser) + ": not valid JSON: text after the end");
            }
            return value;
        } catch (JsonParseException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new ConfigException(file + " line " + line + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The value starting at the current token. */
    private static ConfigValue value(JsonParser p, Position at) throws IOException {
        Position here = new Position(at.file(), line(p), at.path());
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, ConfigValue> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int keyLine = line(p);
                    Integer earlier = keyLines.putIfAbsent(name, keyLine);
                    if (earlier != null) {
                        throw here.field(name, keyLine).error("duplicate key (first given on line " + earlier + ")");
                    }
                    p.nextToken();
                    entries.put(name, value(p, here.field(name, keyLine)));
                }
                return new ConfigValue.Mapping(entries, here);
            }
            case START_ARRAY -> {
                List<ConfigValue> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, here.index(items.size(), line(p))));
                }
                return new ConfigValue.Sequence(List.copyOf(items), here);
            }
            case VALUE_STRING -> {
                return new ConfigValue.Scalar(p.getText(), ConfigValue.Kind.STRING, here);
            }
            case VALUE_NUMBER_INT -> {
                return new ConfigValue.Scalar(p.getText(), ConfigValue.Kind.INTEGER, here);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ConfigValue.Scalar(p.getText(), ConfigValue.Kind.DECIMAL, here);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ConfigValue.Scalar(p.getText(), ConfigValue.Kind.BOOLEAN, here);
            }
            case VALUE_NULL -> {
                return new ConfigValue.Scalar("null", ConfigValue.Kind.NULL, here);
            }
            default -> throw here.error("unexpected JSON token " + token);
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
