package io.mailroom.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.model.ShapeType;
import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.EncodedResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestXmlTest {
    private static final ServiceModel S3 = ModelLoader.fromResource(RestXmlTest.class, "/models/s3-2006-03-01.json");
    private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private final RestRouter router = new RestRouter(S3);

    private String route(String method, String path, Map<String, List<String>> query, Map<String, String> headers) {
        RestRouter.Match match = router.find(method, path, query, headers::get);
        return match == null ? null : match.operation().name();
    }

    @Test
    void routesS3ByMethodPathQueryLiteralAndRequiredHeader() {
        assertThat(route("GET", "/", Map.of(), Map.of())).isEqualTo("ListBuckets");
        assertThat(route("PUT", "/b", Map.of(), Map.of())).isEqualTo("CreateBucket");
        assertThat(route("GET", "/b", Map.of("list-type", List.of("2")), Map.of())).isEqualTo("ListObjectsV2");
        assertThat(route("GET", "/b", Map.of(), Map.of())).isEqualTo("ListObjects");
        assertThat(route("POST", "/b", Map.of("delete", List.of("")), Map.of())).isEqualTo("DeleteObjects");
        assertThat(route("PUT", "/b", Map.of("notification", List.of("")), Map.of()))
                .isEqualTo("PutBucketNotificationConfiguration");
        assertThat(route("PUT", "/b/dir/file.txt", Map.of(), Map.of())).isEqualTo("PutObject");
        assertThat(route("PUT", "/b/dir/file.txt", Map.of(), Map.of("x-amz-copy-source", "/a/k"))).isEqualTo("CopyObject");
        assertThat(route("GET", "/b/dir/file.txt", Map.of(), Map.of())).isEqualTo("GetObject");
        assertThat(route("HEAD", "/b/k", Map.of(), Map.of())).isEqualTo("HeadObject");
    }

    @Test
    void bindsLabelsGreedyKeysHeadersMetadataAndTheBlobPayload() {
        RestRouter.Match put = router.find("PUT", "/b/dir/a%20b.txt", Map.of(), h -> null);
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        ObjectNode input = RestXmlCodec.decode(put.operation(), put.labels(), Map.of(),
                Map.of("Content-Type", "text/plain")::get,
                List.of(Map.entry("x-amz-meta-Owner", "me"), Map.entry("Content-Type", "text/plain")), body);
        assertThat(input.get("Bucket").asText()).isEqualTo("b");
        assertThat(input.get("Key").asText()).isEqualTo("dir/a b.txt");
        assertThat(input.get("ContentType").asText()).isEqualTo("text/plain");
        assertThat(input.get("Metadata").toString()).isEqualTo("{\"owner\":\"me\"}");
        assertThat(input.get("Body").isBinary()).isTrue();
    }

    @Test
    void repeatedMetadataHeadersInAnyCaseAreOneCommaDelimitedValue() {
        RestRouter.Match put = router.find("PUT", "/b/k", Map.of(), h -> null);
        ObjectNode input = RestXmlCodec.decode(put.operation(), put.labels(), Map.of(), h -> null,
                List.of(Map.entry("x-amz-meta-to", "a@example.com"), Map.entry("X-Amz-Meta-From", "me"),
                        Map.entry("X-AMZ-META-TO", "b@example.com"), Map.entry("x-amz-meta-To", "c@example.com")),
                "x".getBytes(StandardCharsets.UTF_8));
        assertThat(input.get("Metadata").toString())
                .isEqualTo("{\"to\":\"a@example.com,b@example.com,c@example.com\",\"from\":\"me\"}");
    }

    @Test
    void aListBoundToAHeaderIsItsCommaSeparatedItems() {
        // GetObjectAttributes always sends x-amz-object-attributes; reading it as one scalar failed the request.
        Map<String, String> headers = Map.of("x-amz-object-attributes", "ETag, Checksum,ObjectSize");
        RestRouter.Match get = router.find("GET", "/b/k", Map.of("attributes", List.of("")), headers::get);
        assertThat(get.operation().name()).isEqualTo("GetObjectAttributes");
        ObjectNode input = RestXmlCodec.decode(get.operation(), get.labels(), Map.of(), headers::get, List.of(), new byte[0]);
        assertThat(input.get("ObjectAttributes").toString()).isEqualTo("[\"ETag\",\"Checksum\",\"ObjectSize\"]");
        RestRouter.Match list = router.find("GET", "/b", Map.of("list-type", List.of("2")), h -> null);
        input = RestXmlCodec.decode(list.operation(), list.labels(), Map.of("list-type", List.of("2")),
                Map.of("x-amz-optional-object-attributes", "RestoreStatus")::get, List.of(), new byte[0]);
        assertThat(input.get("OptionalObjectAttributes").toString()).isEqualTo("[\"RestoreStatus\"]");

        // The Java SDK sends one header line per item.
        List<Map.Entry<String, String>> lines = List.of(Map.entry("X-Amz-Object-Attributes", "ETag"),
                Map.entry("Host", "localhost"), Map.entry("x-amz-object-attributes", "ObjectParts, ObjectSize"));
        input = RestXmlCodec.decode(get.operation(), get.labels(), Map.of(),
                h -> h.equalsIgnoreCase("x-amz-object-attributes") ? "ETag" : null, lines, new byte[0]);
        assertThat(input.get("ObjectAttributes").toString()).isEqualTo("[\"ETag\",\"ObjectParts\",\"ObjectSize\"]");
    }

    @Test
    void readsXmlPayloadsByTheModel() {
        OperationModel delete = S3.operation("DeleteObjects").orElseThrow();
        byte[] xml = ("<Delete xmlns=\"" + NS + "\"><Object><Key>a</Key></Object><Object><Key>b/c</Key></Object>"
                + "<Quiet>true</Quiet></Delete>").getBytes(StandardCharsets.UTF_8);
        ObjectNode input = RestXmlCodec.decode(delete, Map.of("Bucket", "bk"), Map.of(), h -> null, List.of(), xml);
        assertThat(input.get("Delete").toString())
                .isEqualTo("{\"Objects\":[{\"Key\":\"a\"},{\"Key\":\"b/c\"}],\"Quiet\":true}");

        assertThatThrownBy(() -> RestXmlCodec.decode(delete, Map.of("Bucket", "bk"), Map.of(), h -> null, List.of(),
                "<Delete><Object>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(AwsException.class, e ->
                        assertThat(e.error().code()).isEqualTo("MalformedXML"));
    }

    /** The SDKs ignore the root element; parsers that bind it by name (Go's encoding/xml, say) do not. */
    @Test
    void documentsHaveTheRootElementsS3AnswersWith() {
        Map<String, String> roots = Map.ofEntries(Map.entry("ListBuckets", "ListAllMyBucketsResult"),
                Map.entry("ListObjects", "ListBucketResult"), Map.entry("ListObjectsV2", "ListBucketResult"),
                Map.entry("DeleteObjects", "DeleteResult"),
                Map.entry("CreateMultipartUpload", "InitiateMultipartUploadResult"),
                Map.entry("CompleteMultipartUpload", "CompleteMultipartUploadResult"),
                Map.entry("ListParts", "ListPartsResult"), Map.entry("ListMultipartUploads", "ListMultipartUploadsResult"),
                Map.entry("GetObjectTagging", "Tagging"), Map.entry("GetBucketTagging", "Tagging"),
                Map.entry("GetObjectAcl", "AccessControlPolicy"), Map.entry("GetBucketAcl", "AccessControlPolicy"),
                Map.entry("GetBucketNotificationConfiguration", "NotificationConfiguration"),
                Map.entry("GetBucketVersioning", "VersioningConfiguration"),
                Map.entry("GetObjectAttributes", "GetObjectAttributesResponse"));
        roots.forEach((operation, root) -> {
            OperationModel op = S3.operation(operation).orElseThrow();
            ObjectNode output = Canonical.NODES.objectNode();
            op.output().members().values().stream().filter(m -> m.location() == null).findFirst()
                    .ifPresent(m -> output.set(m.name(), m.shape().type() == ShapeType.LIST
                            ? Canonical.NODES.arrayNode() : Canonical.NODES.textNode("x")));
            String xml = new String(RestXmlCodec.success(op, output, NS, false, "req").body(), StandardCharsets.UTF_8);
            assertThat(xml).as(operation).startsWith("<?xml version='1.0' encoding='UTF-8'?><" + root + " xmlns=");
        });
        // A bucket that never had versioning: the document is there, empty, as on S3.
        String never = new String(RestXmlCodec.success(S3.operation("GetBucketVersioning").orElseThrow(),
                Canonical.NODES.objectNode(), NS, false, "req").body(), StandardCharsets.UTF_8);
        assertThat(never).isEqualTo("<?xml version='1.0' encoding='UTF-8'?><VersioningConfiguration xmlns=\"" + NS + "\"/>");
    }

    @Test
    void granteeTypesAreXsiTypeAttributesBothWays() {
        ObjectNode acl = Canonical.NODES.objectNode();
        acl.putArray("Grants").addObject().put("Permission", "READ").putObject("Grantee").put("Type", "Group")
                .put("URI", "http://acs.amazonaws.com/groups/global/AllUsers");
        String xml = new String(RestXmlCodec.success(S3.operation("GetObjectAcl").orElseThrow(), acl, NS, false, "req")
                .body(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<AccessControlList><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:type=\"Group\"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee>"
                + "<Permission>READ</Permission></Grant></AccessControlList>");

        byte[] body = ("<AccessControlPolicy xmlns=\"" + NS + "\"><AccessControlList><Grant>"
                + "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
                + "<ID>abc</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant></AccessControlList>"
                + "</AccessControlPolicy>").getBytes(StandardCharsets.UTF_8);
        ObjectNode input = RestXmlCodec.decode(S3.operation("PutObjectAcl").orElseThrow(),
                Map.of("Bucket", "bk", "Key", "k"), Map.of(), h -> null, List.of(), body);
        assertThat(input.at("/AccessControlPolicy/Grants/0").toString())
                .isEqualTo("{\"Grantee\":{\"ID\":\"abc\",\"Type\":\"CanonicalUser\"},\"Permission\":\"FULL_CONTROL\"}");
    }

    @Test
    void writesHeadersPayloadsAndDocuments() {
        ObjectNode get = Canonical.NODES.objectNode();
        get.put("ContentType", "text/plain").put("ETag", "\"5d41402abc4b2a76b9719d911017c592\"")
                .put("LastModified", 1_700_000_000.0).put("ContentLength", 5)
                .set("Body", Canonical.NODES.binaryNode("hello".getBytes(StandardCharsets.UTF_8)));
        get.putObject("Metadata").put("owner", "me");
        EncodedResponse object = RestXmlCodec.success(S3.operation("GetObject").orElseThrow(), get, NS, false, "req");
        assertThat(object.contentType()).isEqualTo("text/plain");
        assertThat(new String(object.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(object.headers()).containsEntry("ETag", "\"5d41402abc4b2a76b9719d911017c592\"")
                .containsEntry("Last-Modified", "Tue, 14 Nov 2023 22:13:20 GMT")
                .containsEntry("x-amz-meta-owner", "me");

        ObjectNode list = Canonical.NODES.objectNode();
        list.put("Name", "bk").put("KeyCount", 1).put("IsTruncated", false)
                .putArray("Contents").addObject().put("Key", "a").put("Size", 5);
        String xml = new String(RestXmlCodec.success(S3.operation("ListObjectsV2").orElseThrow(), list, NS, false, "req")
                .body(), StandardCharsets.UTF_8);
        // S3's order, not the model's: the listing's header before Contents (the SDK for Java v1 copies the Name
        // read so far into each object summary).
        assertThat(xml).isEqualTo("<?xml version='1.0' encoding='UTF-8'?><ListBucketResult xmlns=\"" + NS + "\">"
                + "<Name>bk</Name><KeyCount>1</KeyCount><IsTruncated>false</IsTruncated>"
                + "<Contents><Key>a</Key><Size>5</Size></Contents></ListBucketResult>");

        EncodedResponse head = RestXmlCodec.success(S3.operation("HeadObject").orElseThrow(), get, NS, true, "req");
        assertThat(head.body()).isEmpty();
        assertThat(head.headers()).containsEntry("Content-Length", "5");
    }

    @Test
    void errorDetailsFollowTheMessageInTheirOrder() {
        AwsException refused = io.mailroom.core.error.ErrorCode.sender("InvalidArgument", 400)
                .exception("Unable to validate the following destination configurations")
                .with("ArgumentName1", "arn:aws:sqs:us-east-1:000000000000:a")
                .with("ArgumentValue1", "The destination queue does not exist")
                .with("ArgumentName2", null);
        EncodedResponse error = RestXmlCodec.error(refused, "req", false);
        assertThat(error.status()).isEqualTo(400);
        assertThat(new String(error.body(), StandardCharsets.UTF_8)).isEqualTo("<?xml version='1.0' encoding='UTF-8'?>"
                + "<Error><Code>InvalidArgument</Code><Message>Unable to validate the following destination"
                + " configurations</Message><ArgumentName1>arn:aws:sqs:us-east-1:000000000000:a</ArgumentName1>"
                + "<ArgumentValue1>The destination queue does not exist</ArgumentValue1><ArgumentName2></ArgumentName2>"
                + "<RequestId>req</RequestId><HostId>cmVx</HostId></Error>");
    }

    @Test
    void decodesAwsChunkedUploadsWithTrailers() {
        String framed = "5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n0;chunk-signature=0\r\n"
                + "x-amz-checksum-crc32:AAAAAA==\r\n\r\n";
        assertThat(AwsChunkedBody.applies(null, "STREAMING-UNSIGNED-PAYLOAD-TRAILER")).isTrue();
        AwsChunkedBody.Decoded decoded = AwsChunkedBody.decode(framed.getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(decoded.body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(decoded.trailers()).containsEntry("x-amz-checksum-crc32", "AAAAAA==");
        assertThatThrownBy(() -> AwsChunkedBody.decode("5\r\nhel".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(AwsException.class);
    }

    @Test
    void anEmptyNumberInTheQueryStringIsAbsentAsS3TakesIt() {
        RestRouter.Match parts = router.find("GET", "/b/k", Map.of("uploadId", List.of("u")), h -> null);
        ObjectNode input = RestXmlCodec.decode(parts.operation(), parts.labels(),
                Map.of("uploadId", List.of("u"), "part-number-marker", List.of(""), "max-parts", List.of("")),
                h -> null, List.of(), new byte[0]);
        assertThat(input.has("PartNumberMarker")).isFalse();
        assertThat(input.has("MaxParts")).isFalse();
        assertThat(input.get("UploadId").asText()).isEqualTo("u");
        // A string stays as given, empty or not.
        RestRouter.Match list = router.find("GET", "/b", Map.of("list-type", List.of("2")), h -> null);
        ObjectNode listing = RestXmlCodec.decode(list.operation(), list.labels(),
                Map.of("list-type", List.of("2"), "delimiter", List.of("")), h -> null, List.of(), new byte[0]);
        assertThat(listing.get("Delimiter").asText()).isEmpty();
    }

    @Test
    void httpDatesAreReadFromQueryStringsAndWrittenWithTwoDigitDays() {
        // boto3 and the SDKs send response-expires (timestampFormat rfc822) as an HTTP-date.
        Map<String, List<String>> query = Map.of("response-expires", List.of("Wed, 01 Jan 2031 00:00:00 GMT"));
        RestRouter.Match get = router.find("GET", "/b/k", query, h -> null);
        ObjectNode input = RestXmlCodec.decode(get.operation(), get.labels(), query, h -> null, List.of(), new byte[0]);
        assertThat(input.get("ResponseExpires").asDouble()).isEqualTo(1924992000.0);

        OperationModel head = S3.operation("HeadObject").orElseThrow();
        ObjectNode output = Canonical.NODES.objectNode().put("LastModified", 1924992000.0);
        assertThat(RestXmlCodec.success(head, output, NS, true, "req").headers())
                .containsEntry("Last-Modified", "Wed, 01 Jan 2031 00:00:00 GMT");
    }
}
