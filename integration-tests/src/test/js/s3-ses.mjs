// S3 and SES (v1 over Query, v2 over REST-JSON) through the AWS SDK for JavaScript v3: run by JsSdkIT as
// `node s3-ses.mjs ENDPOINT`; prints "ok" when every check holds. In path style this SDK addresses buckets as
// `/bucket/`, sends CRC32 checksums with every upload (of a stream, as a trailer of an aws-chunked body), and
// asks `Expect: 100-continue` for bodies over 2 MB.
import {
  S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command,
  CopyObjectCommand, DeleteObjectsCommand, PutObjectTaggingCommand, GetObjectTaggingCommand, DeleteBucketCommand,
  HeadBucketCommand, NoSuchKey, NotFound,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { SESClient, VerifyEmailIdentityCommand, SendEmailCommand, SendRawEmailCommand, MessageRejected } from "@aws-sdk/client-ses";
import {
  SESv2Client, SendEmailCommand as SendEmailV2Command, CreateEmailIdentityCommand, GetEmailIdentityCommand, NotFoundException,
} from "@aws-sdk/client-sesv2";
import { Readable } from "node:stream";

const endpoint = process.argv[2];
// An account of its own (a 12-digit key selects it): other tests pause sending or change quotas in the default one.
const config = { endpoint, region: "us-east-1", credentials: { accessKeyId: "424242424242", secretAccessKey: "test" }, forcePathStyle: true };
const s3 = new S3Client(config);
const check = (condition, what) => {
  if (!condition) {
    throw new Error("check failed: " + what);
  }
};
const suffix = Date.now().toString(36);
const Bucket = "js-" + suffix;

await s3.send(new CreateBucketCommand({ Bucket }));
await s3.send(new HeadBucketCommand({ Bucket }));
const put = await s3.send(new PutObjectCommand({ Bucket, Key: "a.txt", Body: "hello", ContentType: "text/plain", Metadata: { who: "js" } }));
check(put.ETag === '"5d41402abc4b2a76b9719d911017c592"' && put.ChecksumCRC32 === "NhCmhg==", "PutObject answers ETag and CRC32");
const streamed = await s3.send(new PutObjectCommand({ Bucket, Key: "stream.bin", Body: Readable.from([Buffer.alloc(100000, 7)]), ContentLength: 100000 }));
check(streamed.ChecksumCRC32 === "O3HfiA==", "a streamed upload keeps its trailing checksum");
const got = await s3.send(new GetObjectCommand({ Bucket, Key: "a.txt", ChecksumMode: "ENABLED" }));
check(await got.Body.transformToString() === "hello" && got.ContentType === "text/plain" && got.Metadata.who === "js", "GetObject");
check(got.ChecksumCRC32 === "NhCmhg==", "GetObject answers the stored checksum, which the SDK verifies");
await s3.send(new PutObjectCommand({ Bucket, Key: "large", Body: Buffer.alloc(3 * 1024 * 1024, 1) }));
const multipart = await new Upload({ client: s3, params: { Bucket, Key: "multi", Body: Buffer.alloc(11 * 1024 * 1024, 2) }, partSize: 5 * 1024 * 1024 }).done();
check(multipart.ETag.endsWith('-3"'), "lib-storage uploads in three parts");
const head = await s3.send(new HeadObjectCommand({ Bucket, Key: "multi" }));
check(head.ContentLength === 11 * 1024 * 1024, "HeadObject of the assembled upload");
const listed = await s3.send(new ListObjectsV2Command({ Bucket }));
check(listed.Contents.map((c) => c.Key).join(",") === "a.txt,large,multi,stream.bin", "ListObjectsV2");
await s3.send(new CopyObjectCommand({ Bucket, Key: "b.txt", CopySource: `${Bucket}/a.txt` }));
await s3.send(new PutObjectTaggingCommand({ Bucket, Key: "b.txt", Tagging: { TagSet: [{ Key: "k", Value: "v" }] } }));
const tags = await s3.send(new GetObjectTaggingCommand({ Bucket, Key: "b.txt" }));
check(tags.TagSet.length === 1 && tags.TagSet[0].Value === "v", "tagging");
try {
  await s3.send(new GetObjectCommand({ Bucket, Key: "missing" }));
  check(false, "GetObject of a missing key fails");
} catch (e) {
  check(e instanceof NoSuchKey && e.$metadata.httpStatusCode === 404, "NoSuchKey: " + e.name);
}
try {
  await s3.send(new HeadObjectCommand({ Bucket, Key: "missing" }));
  check(false, "HeadObject of a missing key fails");
} catch (e) {
  check(e instanceof NotFound, "HEAD answers NotFound: " + e.name);
}
const fetched = await fetch(await getSignedUrl(s3, new GetObjectCommand({ Bucket, Key: "b.txt" }), { expiresIn: 60 }));
check(fetched.status === 200 && await fetched.text() === "hello", "presigned GET");
const uploaded = await fetch(await getSignedUrl(s3, new PutObjectCommand({ Bucket, Key: "p.txt" }), { expiresIn: 60 }), { method: "PUT", body: "via url" });
check(uploaded.status === 200, "presigned PUT");
const keys = ["a.txt", "b.txt", "large", "multi", "stream.bin", "p.txt"].map((Key) => ({ Key }));
const deleted = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys } }));
check(deleted.Deleted.length === keys.length, "DeleteObjects");
await s3.send(new DeleteBucketCommand({ Bucket }));

const ses = new SESClient(config);
const from = `js-${suffix}@example.com`;
await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: from }));
const sent = await ses.send(new SendEmailCommand({
  Source: from, Destination: { ToAddresses: ["to@example.com"] }, Message: { Subject: { Data: "js " + suffix }, Body: { Text: { Data: "body" } } },
}));
await ses.send(new SendRawEmailCommand({ RawMessage: { Data: Buffer.from(`From: ${from}\r\nTo: x@example.com\r\nSubject: raw\r\n\r\nraw body`) } }));
try {
  await ses.send(new SendEmailCommand({ Source: "nobody@unverified.example", Destination: { ToAddresses: ["to@example.com"] }, Message: { Subject: { Data: "s" }, Body: { Text: { Data: "b" } } } }));
  check(false, "an unverified sender is refused");
} catch (e) {
  check(e instanceof MessageRejected, "MessageRejected: " + e.name);
}
const v2 = new SESv2Client(config);
const v2From = `v2-${suffix}@example.com`;
await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: v2From }));
check((await v2.send(new GetEmailIdentityCommand({ EmailIdentity: v2From }))).VerifiedForSendingStatus === true, "SES v2 identity");
try {
  await v2.send(new GetEmailIdentityCommand({ EmailIdentity: "none@example.com" }));
  check(false, "an unknown identity is not found");
} catch (e) {
  check(e instanceof NotFoundException, "NotFoundException: " + e.name);
}
await v2.send(new SendEmailV2Command({ FromEmailAddress: v2From, Destination: { ToAddresses: ["a@example.com"] }, Content: { Simple: { Subject: { Data: "s" }, Body: { Text: { Data: "t" } } } } }));
const mailbox = await (await fetch(`${endpoint}/_aws/ses?id=${sent.MessageId}`)).json();
check(mailbox.messages.length === 1 && mailbox.messages[0].Subject === "js " + suffix, "the mail is in the mailbox");
console.log("ok");
