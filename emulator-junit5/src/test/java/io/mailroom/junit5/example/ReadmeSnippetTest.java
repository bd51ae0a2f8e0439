package io.mailroom.junit5.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Java snippet is this package's {@code OrderQueueTest}, so it is compiled and run. */
class ReadmeSnippetTest {

    @Test
    void readmeShowsTheCompiledExample() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has a Java snippet").isTrue();
        String source = Files.readString(Path.of("src/test/java/io/mailroom/junit5/example/OrderQueueTest.java"));
        String compiled = source.lines()
                .filter(l -> !l.startsWith("package ") && !l.startsWith("//"))
                .dropWhile(String::isBlank)
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(block.group(1)).isEqualTo(compiled);
    }
}
