package io.mailroom.http.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class UploadFramingTest {

    private static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private static AwsException refused(String operation, HttpHeaders headers) {
        AwsException e = catchThrowableOfType(() -> UploadFraming.check(operation, headers), AwsException.class);
        assertThat(e).as("%s with %s", operation, headers).isNotNull();
        return e;
    }

    @Test
    void anUploadInHttpChunksIsNotImplemented() {
        for (String operation : new String[] {"PutObject", "UploadPart"}) {
            AwsException e = refused(operation, headers("Transfer-Encoding", "chunked"));
            assertThat(e.error()).isEqualTo(S3Errors.NOT_IMPLEMENTED);
            assertThat(e.error().status()).isEqualTo(501);
            assertThat(e.getMessage()).isEqualTo("A header you provided implies functionality that is not implemented");
            assertThat(e.details()).containsExactly(java.util.Map.entry("Header", "Transfer-Encoding"));
        }
        assertThat(refused("PutObject", headers("Transfer-Encoding", "gzip, Chunked")).error())
                .isEqualTo(S3Errors.NOT_IMPLEMENTED);
    }

    @Test
    void awsChunkedFramesMayTravelInHttpChunks() {
        assertThatCode(() -> UploadFraming.check("PutObject", headers("Transfer-Encoding", "chunked",
                "Content-Encoding", "aws-chunked", "x-amz-decoded-content-length", "5")))
                .doesNotThrowAnyException();
        assertThatCode(() -> UploadFraming.check("UploadPart", headers("Transfer-Encoding", "chunked",
                "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"))).doesNotThrowAnyException();
    }

    @Test
    void anUploadWithoutAContentLengthIsRefused() {
        AwsException e = refused("PutObject", headers());
        assertThat(e.error()).isEqualTo(S3Errors.MISSING_CONTENT_LENGTH);
        assertThat(e.error().status()).isEqualTo(411);
        assertThat(e.getMessage()).isEqualTo("You must provide the Content-Length HTTP header.");
        assertThat(refused("UploadPart", headers("Content-Encoding", "aws-chunked")).error())
                .isEqualTo(S3Errors.MISSING_CONTENT_LENGTH);
        assertThatCode(() -> UploadFraming.check("PutObject", headers("Content-Length", "0")))
                .doesNotThrowAnyException();
    }

    @Test
    void otherRequestsAreNotJudgedHere() {
        assertThatCode(() -> UploadFraming.check("CopyObject", headers())).doesNotThrowAnyException();
        assertThatCode(() -> UploadFraming.check("UploadPartCopy", headers())).doesNotThrowAnyException();
        assertThatCode(() -> UploadFraming.check("PutBucketCors", headers("Transfer-Encoding", "chunked")))
                .doesNotThrowAnyException();
    }
}
