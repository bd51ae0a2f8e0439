package io.mailroom.protocol.query;

import io.mailroom.core.error.AwsException;
import io.mailroom.protocol.XmlOutput;
import java.io.ByteArrayOutputStream;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Query protocol errors:
 * {@code <ErrorResponse><Error><Type>Sender</Type><Code>..</Code><Message>..</Message><Detail/></Error><RequestId>}.
 */
public final class QueryErrorEncoder {
    /**
     * SES's and SNS's Query errors end at the message: recordings of AWS's answers show an empty
     * {@code Detail} for SQS and none for SES or SNS (LocalStack's AWS-recorded SNS snapshots parse raw error
     * XML with no {@code Detail} key; boto3 would otherwise report {@code "Detail": None}).
     */
    private static final Set<String> WITHOUT_DETAIL = Set.of("http://ses.amazonaws.com/doc/2010-12-01/",
            "http://sns.amazonaws.com/doc/2010-03-31/");

    private QueryErrorEncoder() {
    }

    public static byte[] encode(String xmlNamespace, AwsException error, String requestId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try {
            XMLStreamWriter w = XmlOutput.writer(bytes);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("ErrorResponse");
            if (xmlNamespace != null) {
                w.writeDefaultNamespace(xmlNamespace);
            }
            w.writeStartElement("Error");
            text(w, "Type", error.error().fault().wireName());
            text(w, "Code", error.error().code());
            text(w, "Message", error.queryMessage() == null ? "" : error.queryMessage());
            if (xmlNamespace == null || !WITHOUT_DETAIL.contains(xmlNamespace)) {
                w.writeEmptyElement("Detail");
            }
            w.writeEndElement();
            text(w, "RequestId", requestId);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML error", e);
        }
        return bytes.toByteArray();
    }

    private static void text(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
