package io.mailroom.ses.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.ses.api.Inputs;
import io.mailroom.ses.sending.SendRequest;
import java.util.List;

/** Reading v1 message structures (Destination, Message, MessageTag lists). */
final class V1Messages {
    private V1Messages() {
    }

    static SendRequest.Destination destination(JsonNode d) {
        if (d == null) {
            return new SendRequest.Destination(List.of(), List.of(), List.of());
        }
        return new SendRequest.Destination(Inputs.strings(d, "ToAddresses"), Inputs.strings(d, "CcAddresses"),
                Inputs.strings(d, "BccAddresses"));
    }

    static String data(JsonNode content) {
        return content == null ? null : Inputs.text(content, "Data");
    }

    static String charset(JsonNode content) {
        return content == null ? null : Inputs.text(content, "Charset");
    }
}
