package io.mailroom.http.dispatch;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.ErrorCode;
import io.mailroom.protocol.rest.HtmlForm;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a POST Object's {@code multipart/form-data} body with Netty's decoder, in memory. */
final class HtmlFormDecoder {
    /** S3's answers to a form it cannot read (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). */
    static final ErrorCode MALFORMED_POST_REQUEST = ErrorCode.sender("MalformedPOSTRequest", 400);
    static final ErrorCode MAX_POST_PRE_DATA_LENGTH_EXCEEDED = ErrorCode.sender("MaxPostPreDataLengthExceededError", 400);
    /** "The form data and boundaries (excluding the contents of the file) cannot exceed 20KB." */
    static final int MAX_FIELDS_BYTES = 20 * 1024;

    private HtmlFormDecoder() {
    }

    static HtmlForm decode(FullHttpRequest request) {
        HttpPostMultipartRequestDecoder decoder;
        try {
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), request,
                    StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            // Netty's decoder fails in several ways on bodies that are not forms, a missing boundary among them.
            throw malformed();
        }
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            String fileName = null;
            byte[] file = new byte[0];
            int files = 0;
            long fieldBytes = 0;
            List<InterfaceHttpData> parts = decoder.getBodyHttpDatas();
            if (parts.isEmpty()) {
                throw malformed();
            }
            for (InterfaceHttpData data : parts) {
                String name = data.getName().toLowerCase(Locale.ROOT);
                if (name.equals("file")) {
                    if (files++ == 0) {
                        file = bytes(data);
                        fileName = data instanceof FileUpload upload ? upload.getFilename() : null;
                    }
                } else if (files == 0) {
                    byte[] value = bytes(data);
                    fieldBytes += name.length() + value.length;
                    if (fieldBytes > MAX_FIELDS_BYTES) {
                        throw MAX_POST_PRE_DATA_LENGTH_EXCEEDED.exception(
                                "Your POST request fields preceding the upload file were too large.");
                    }
                    fields.putIfAbsent(name, new String(value, StandardCharsets.UTF_8));
                }
            }
            return new HtmlForm(fields, fileName, file, files);
        } catch (AwsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed();
        } finally {
            decoder.destroy();
        }
    }

    private static byte[] bytes(InterfaceHttpData data) {
        try {
            if (data instanceof FileUpload upload) {
                return upload.get();
            }
            if (data instanceof Attribute attribute) {
                return attribute.get();
            }
        } catch (IOException e) {
            throw malformed();
        }
        return new byte[0];
    }

    private static AwsException malformed() {
        return MALFORMED_POST_REQUEST.exception(
                "The body of your POST request is not well-formed multipart/form-data.");
    }
}
