package io.mailroom.http;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The object mapper of the developer endpoints and the dashboard, which turn records into JSON. The AWS
 * wire path does not use it ({@link io.mailroom.protocol.json.JsonCodec} reads and writes trees with the
 * streaming API), so a server that is only asked AWS requests does not load Jackson's data binding while
 * it starts.
 */
public final class DeveloperJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private DeveloperJson() {
    }
}
