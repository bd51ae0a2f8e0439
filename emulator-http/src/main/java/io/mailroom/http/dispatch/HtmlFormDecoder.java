package io.mailroom.http.dispatch;

import io.mailroom.core.error.AwsException;
import io.mailroom.protocol.rest.HtmlForm;
import io.mailroom.s3.S3Errors;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a POST Object's {@code multipart/form-data} body with Netty's decoder, in memory. */
final class HtmlFormDecoder {
    /** "The form data and boundaries (excluding the contents of the file) cannot exceed 20KB." */
    static final int MAX_FIELDS_BYTES = 20 * 1024;

    private HtmlFormDecoder() {
    }

    static HtmlForm decode(FullHttpRequest request) {
        HttpPostMultipartRequestDecoder decoder;
        try {
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), request,
                    StandardCharsets.UTF_8);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException | IllegalArgumentException e) {
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
                    String value = new String(bytes(data), StandardCharsets.UTF_8);
                    fieldBytes += name.length() + value.length();
                    if (fieldBytes > MAX_FIELDS_BYTES) {
                        throw S3Errors.MAX_POST_PRE_DATA_LENGTH_EXCEEDED.exception(
                                "Your POST request fields preceding the upload file were too large.");
                    }
                    fields.putIfAbsent(name, value);
                }
            }
            return new HtmlForm(fields, fileName, file, files);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException | IllegalArgumentException e) {
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
        return S3Errors.MALFORMED_POST_REQUEST.exception(
                "The body of your POST request is not well-formed multipart/form-data.");
    }
}
