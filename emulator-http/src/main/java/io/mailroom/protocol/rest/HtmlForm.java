package io.mailroom.protocol.rest;

import java.util.Map;

/**
 * A {@code multipart/form-data} upload as S3's POST Object reads it: the fields before the file, the file, and
 * how many file parts there were. S3 ignores the fields after the file
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html).
 *
 * @param fields    the fields before the file, by lower-case name (the first of a repeated name)
 * @param fileName  the file part's file name, or null
 * @param file      the file's bytes (empty when there is none)
 * @param fileCount the number of parts named {@code file}
 */
public record HtmlForm(Map<String, String> fields, String fileName, byte[] file, int fileCount) {

    public HtmlForm {
        fields = Map.copyOf(fields);
    }
}
