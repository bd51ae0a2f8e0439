package io.mailroom.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;

/**
 * How AWS tells that a JSON attribute (RedrivePolicy, FilterPolicy) does not parse: its Jackson parser's
 * message and position, the source withheld as Jackson 2.16+ does by default. Recorded on AWS for
 * {@code {invalidjson}}: {@code failed to parse JSON. Unexpected character ('i' (code 105)): was expecting
 * double-quote to start field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION`
 * disabled); line: 1, column: 2]}. Written out here rather than taken from {@link Exception#getMessage()},
 * so that the wording does not follow this project's Jackson version.
 */
public final class MalformedJson {
    private MalformedJson() {
    }

    /** {@code "failed to parse JSON. <what the parser met>\n at [Source: REDACTED (...); line: L, column: C]"}. */
    public static String reason(JsonProcessingException e) {
        String reason = "failed to parse JSON. " + e.getOriginalMessage();
        JsonLocation at = e.getLocation();
        if (at == null) {
            return reason;
        }
        return reason + "\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: "
                + at.getLineNr() + ", column: " + at.getColumnNr() + "]";
    }
}
