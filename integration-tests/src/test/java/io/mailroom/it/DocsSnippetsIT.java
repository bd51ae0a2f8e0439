package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The boto3 and JavaScript snippets of docs/getting-started.md run against the server as written. */
class DocsSnippetsIT {

    @Test
    void boto3SnippetRuns() throws IOException, InterruptedException {
        assumeTrue(LocalTools.runs("python3", "-c", "import boto3"), "python3 with boto3 is not installed");
        String doc = Files.readString(Path.of("..", "docs", "getting-started.md"));
        Matcher block = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("getting-started.md has a Python snippet").isTrue();
        String script = block.group(1).replace("http://localhost:4566", TestServer.endpoint().toString());

        String output = LocalTools.python(script);
        assertThat(output).contains("hello from boto3");
    }

    @Test
    void javaScriptSnippetRuns() throws IOException, InterruptedException {
        assumeTrue(JsSdk.available(), "node and npm are not installed");
        String doc = Files.readString(Path.of("..", "docs", "getting-started.md"));
        Matcher block = Pattern.compile("```js\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("getting-started.md has a JavaScript snippet").isTrue();
        String script = block.group(1).replace("http://localhost:4566", TestServer.endpoint().toString())
                + "console.log(\"snippet sent to \" + QueueUrl);\n";

        JsSdk.Result result = JsSdk.run("getting-started-snippet.mjs", script);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("snippet sent to " + TestServer.endpoint());
    }
}
