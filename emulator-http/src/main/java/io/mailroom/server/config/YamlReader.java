package io.mailroom.server.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML into {@link ConfigValue}s. It works on SnakeYAML's node graph rather than on Java objects
 * because only nodes keep their line. Scalars are typed the YAML 1.2 way: {@code yes}, {@code no},
 * {@code on} and {@code 012} stay strings (no "Norway problem" for tag values).
 */
final class YamlReader {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");

    private YamlReader() {
    }

    static ConfigValue read(String text, String file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported below, with both lines
        options.setMaxAliasesForCollections(50);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 1 : mark.getLine() + 1;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new ConfigException(file + " line " + line + ": not valid YAML: " + problem + context, e);
        } catch (YAMLException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            return new ConfigValue.Mapping(Map.of(), Position.root(file));
        }
        return convert(root, Position.root(file));
    }

    private static ConfigValue convert(Node node, Position at) {
        Position here = new Position(at.file(), line(node), at.path());
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar, here);
        }
        if (node instanceof SequenceNode sequence) {
            List<ConfigValue> items = new ArrayList<>();
            List<Node> values = sequence.getValue();
            for (int i = 0; i < values.size(); i++) {
                items.add(convert(values.get(i), here.index(i, line(values.get(i)))));
            }
            return new ConfigValue.Sequence(List.copyOf(items), here);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, ConfigValue> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw here.field("?", line(keyNode)).error("a key must be a plain string, not "
                        + (keyNode instanceof MappingNode ? "a mapping" : "a list"));
            }
            String name = key.getValue();
            Integer earlier = keyLines.putIfAbsent(name, line(keyNode));
            if (earlier != null) {
                throw here.field(name, line(keyNode)).error("duplicate key (first given on line " + earlier + ")");
            }
            Node valueNode = tuple.getValueNode();
            entries.put(name, convert(valueNode, here.field(name, line(keyNode))));
        }
        return new ConfigValue.Mapping(entries, here);
    }

    private static ConfigValue scalar(ScalarNode scalar, Position at) {
        String text = scalar.getValue();
        if (!scalar.isPlain()) {
            return new ConfigValue.Scalar(text, ConfigValue.Kind.STRING, at);
        }
        ConfigValue.Kind kind;
        if (NULL.matcher(text).matches()) {
            kind = ConfigValue.Kind.NULL;
        } else if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            kind = ConfigValue.Kind.BOOLEAN;
            text = text.toLowerCase(java.util.Locale.ROOT);
        } else if (INTEGER.matcher(text).matches()) {
            kind = ConfigValue.Kind.INTEGER;
        } else if (DECIMAL.matcher(text).matches()) {
            kind = ConfigValue.Kind.DECIMAL;
        } else {
            kind = ConfigValue.Kind.STRING;
        }
        return new ConfigValue.Scalar(text, kind, at);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
