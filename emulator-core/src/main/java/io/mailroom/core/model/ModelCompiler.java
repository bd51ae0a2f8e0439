package io.mailroom.core.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run by the build of each service module (exec-maven-plugin, {@code process-classes}): compiles every
 * bundled model {@code *.json} under the given directory into {@code *.model} beside it, which
 * {@link ModelLoader#fromResource} prefers.
 */
public final class ModelCompiler {

    private ModelCompiler() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String dir : args) {
            List<Path> models;
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                models = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            }
            for (Path source : models) {
                com.fasterxml.jackson.databind.JsonNode root = json.readTree(source.toFile());
                if (!root.has("metadata") || !root.has("shapes")) {
                    continue; // some other JSON resource
                }
                ServiceModel model = ModelLoader.parse(root);
                Path target = ModelLoader.compiledName(source);
                try (OutputStream out = Files.newOutputStream(target)) {
                    CompiledModelWriter.write(model, out);
                }
            }
        }
    }
}
