// SQS and SNS through the AWS SDK for JavaScript v3 (JSON protocol for SQS, with the SDK's own MD5 check of
// every body): run by JsSdkIT as `node sqs-sns.mjs ENDPOINT`; prints "ok" when every check holds.
import {
  SQSClient, CreateQueueCommand, SendMessageCommand, ReceiveMessageCommand, SendMessageBatchCommand,
  DeleteMessageBatchCommand, GetQueueAttributesCommand, ListQueuesCommand, ChangeMessageVisibilityCommand,
  DeleteMessageCommand, GetQueueUrlCommand, ListQueueTagsCommand, QueueDoesNotExist,
} from "@aws-sdk/client-sqs";
import { SNSClient, CreateTopicCommand, SubscribeCommand, PublishCommand, PublishBatchCommand, NotFoundException } from "@aws-sdk/client-sns";

const config = { endpoint: process.argv[2], region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } };
const sqs = new SQSClient(config);
const sns = new SNSClient(config);
const check = (condition, what) => {
  if (!condition) {
    throw new Error("check failed: " + what);
  }
};
const suffix = Date.now().toString(36);

const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "js-" + suffix, tags: { team: "a" } }));
const body = "héllo \u{1F600} \"quoted\" \\ \n";
const sent = await sqs.send(new SendMessageCommand({
  QueueUrl, MessageBody: body, MessageAttributes: {
    kind: { DataType: "String", StringValue: "order" },
    count: { DataType: "Number.int", StringValue: "42" },
    raw: { DataType: "Binary", BinaryValue: new Uint8Array([0, 1, 255]) },
  },
}));
check(sent.MD5OfMessageBody && sent.MD5OfMessageAttributes, "send answers its digests");

let received = await sqs.send(new ReceiveMessageCommand({
  QueueUrl, MessageAttributeNames: ["All"], MessageSystemAttributeNames: ["All"], WaitTimeSeconds: 1,
}));
check(received.Messages.length === 1 && received.Messages[0].Body === body, "the body comes back as sent");
check(received.Messages[0].MessageAttributes.raw.BinaryValue[2] === 255, "binary attribute");
check(received.Messages[0].MessageAttributes.count.DataType === "Number.int", "custom type suffix");
check(received.Messages[0].Attributes.ApproximateReceiveCount === "1", "system attributes");

await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: received.Messages[0].ReceiptHandle, VisibilityTimeout: 0 }));
received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1, MessageSystemAttributeNames: ["ApproximateReceiveCount"] }));
check(received.Messages[0].Attributes.ApproximateReceiveCount === "2", "visible again, received twice");
await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: received.Messages[0].ReceiptHandle }));

const batch = await sqs.send(new SendMessageBatchCommand({
  QueueUrl, Entries: [...Array(10).keys()].map((i) => ({ Id: "m" + i, MessageBody: "x".repeat(1000) + i })),
}));
check(batch.Successful.length === 10, "a batch of ten is sent");
received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
const deleted = await sqs.send(new DeleteMessageBatchCommand({
  QueueUrl, Entries: received.Messages.map((m, i) => ({ Id: "d" + i, ReceiptHandle: m.ReceiptHandle })),
}));
check(received.Messages.length > 0 && deleted.Successful.length === received.Messages.length, "a batch is deleted");

const fifo = (await sqs.send(new CreateQueueCommand({
  QueueName: "js-" + suffix + ".fifo", Attributes: { FifoQueue: "true", ContentBasedDeduplication: "true" },
}))).QueueUrl;
await sqs.send(new SendMessageCommand({ QueueUrl: fifo, MessageBody: "once", MessageGroupId: "g" }));
await sqs.send(new SendMessageCommand({ QueueUrl: fifo, MessageBody: "once", MessageGroupId: "g" }));
received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: fifo, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ["SequenceNumber"] }));
check(received.Messages.length === 1 && received.Messages[0].Attributes.SequenceNumber, "FIFO de-duplication by content");

try {
  await sqs.send(new GetQueueUrlCommand({ QueueName: "js-missing-" + suffix }));
  check(false, "GetQueueUrl of a missing queue fails");
} catch (e) {
  check(e instanceof QueueDoesNotExist && e.$metadata.httpStatusCode === 400, "QueueDoesNotExist, not " + e.name);
}

check((await sqs.send(new ListQueueTagsCommand({ QueueUrl }))).Tags.team === "a", "tags on create");
const attributes = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["All"] }))).Attributes;
check(attributes.QueueArn.endsWith(":js-" + suffix), "queue ARN");
const page = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: "js-" + suffix, MaxResults: 1 }));
check(page.QueueUrls.length === 1 && page.NextToken, "ListQueues pages");

const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "js-" + suffix }));
await sns.send(new SubscribeCommand({ TopicArn, Protocol: "sqs", Endpoint: attributes.QueueArn, Attributes: { RawMessageDelivery: "true" } }));
await sns.send(new PublishCommand({ TopicArn, Message: "published", MessageAttributes: { k: { DataType: "String", StringValue: "v" } } }));
await sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: [{ Id: "a", Message: "batch-1" }, { Id: "b", Message: "batch-2" }] }));
received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ["All"] }));
check(JSON.stringify(received.Messages.map((m) => m.Body).sort()) === JSON.stringify(["batch-1", "batch-2", "published"]), "SNS delivered to SQS");
check(received.Messages.find((m) => m.Body === "published").MessageAttributes.k.StringValue === "v", "raw delivery keeps attributes");
try {
  await sns.send(new PublishCommand({ TopicArn: TopicArn + "-missing", Message: "x" }));
  check(false, "Publish to a missing topic fails");
} catch (e) {
  check(e instanceof NotFoundException && e.$metadata.httpStatusCode === 404, "NotFoundException, not " + e.name);
}
console.log("ok");
