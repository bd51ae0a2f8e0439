// SQS through the AWS SDK for JavaScript v2 (aws-sdk 2.1490.0, the last release whose SQS client speaks the Query
// protocol: form-encoded requests, XML answers, its own MD5 checks of bodies sent and received). Run by JsSdkIT as
// `node sqs-query-v2.mjs ENDPOINT`; prints "ok" when every check holds.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = "1";
const { default: AWS } = await import("aws-sdk");

const sqs = new AWS.SQS({
  endpoint: process.argv[2], region: "us-east-1", maxRetries: 0,
  credentials: new AWS.Credentials("test", "test"),
});
const check = (condition, what) => {
  if (!condition) {
    throw new Error("check failed: " + what);
  }
};
const fails = async (promise, code, what) => {
  try {
    await promise;
  } catch (e) {
    check(e.code === code, what + ": expected " + code + ", got " + e.code + " (" + e.message + ")");
    return e;
  }
  throw new Error("check failed: " + what + " did not fail");
};
const suffix = Date.now().toString(36);

// Queues: create (with attributes and tags), idempotent create, URL, listing with pages.
const created = await sqs.createQueue({
  QueueName: "jsq-" + suffix, Attributes: { VisibilityTimeout: "45" }, tags: { team: "a" },
}).promise();
const QueueUrl = created.QueueUrl;
check(QueueUrl.endsWith("/000000000000/jsq-" + suffix), "queue URL " + QueueUrl);
check((await sqs.createQueue({ QueueName: "jsq-" + suffix, Attributes: { VisibilityTimeout: "45" } }).promise()).QueueUrl === QueueUrl,
  "create is idempotent with equal attributes");
await fails(sqs.createQueue({ QueueName: "jsq-" + suffix, Attributes: { VisibilityTimeout: "46" } }).promise(),
  "QueueAlreadyExists", "create with other attributes");
check((await sqs.getQueueUrl({ QueueName: "jsq-" + suffix }).promise()).QueueUrl === QueueUrl, "GetQueueUrl");
await fails(sqs.getQueueUrl({ QueueName: "jsq-missing-" + suffix }).promise(),
  "AWS.SimpleQueueService.NonExistentQueue", "GetQueueUrl of a missing queue");
for (let i = 0; i < 3; i++) {
  await sqs.createQueue({ QueueName: "jsq-page-" + suffix + "-" + i }).promise();
}
const pageOne = await sqs.listQueues({ QueueNamePrefix: "jsq-page-" + suffix, MaxResults: 2 }).promise();
check(pageOne.QueueUrls.length === 2 && pageOne.NextToken, "first page of two, with a token");
const pageTwo = await sqs.listQueues({ QueueNamePrefix: "jsq-page-" + suffix, MaxResults: 2, NextToken: pageOne.NextToken }).promise();
check(pageTwo.QueueUrls.length === 1 && !pageTwo.NextToken, "last page");

// Attributes and tags.
let attributes = (await sqs.getQueueAttributes({ QueueUrl, AttributeNames: ["All"] }).promise()).Attributes;
check(attributes.VisibilityTimeout === "45" && attributes.QueueArn.endsWith(":jsq-" + suffix), "GetQueueAttributes All");
await sqs.setQueueAttributes({ QueueUrl, Attributes: { DelaySeconds: "0", MessageRetentionPeriod: "3600" } }).promise();
attributes = (await sqs.getQueueAttributes({ QueueUrl, AttributeNames: ["MessageRetentionPeriod"] }).promise()).Attributes;
check(attributes.MessageRetentionPeriod === "3600" && Object.keys(attributes).length === 1, "SetQueueAttributes");
await fails(sqs.setQueueAttributes({ QueueUrl, Attributes: { VisibilityTimeout: "43201" } }).promise(),
  "InvalidAttributeValue", "a visibility timeout over 12 hours");
await sqs.tagQueue({ QueueUrl, Tags: { env: "test" } }).promise();
await sqs.untagQueue({ QueueUrl, TagKeys: ["team"] }).promise();
check(JSON.stringify((await sqs.listQueueTags({ QueueUrl }).promise()).Tags) === JSON.stringify({ env: "test" }), "tags");
await sqs.addPermission({ QueueUrl, Label: "p1", AWSAccountIds: ["111122223333"], Actions: ["SendMessage"] }).promise();
attributes = (await sqs.getQueueAttributes({ QueueUrl, AttributeNames: ["Policy"] }).promise()).Attributes;
check(JSON.parse(attributes.Policy).Statement[0].Sid === "p1", "AddPermission shows in Policy");
await sqs.removePermission({ QueueUrl, Label: "p1" }).promise();

// Messages: the SDK checks MD5OfMessageBody of every send and receive itself.
const body = "héllo \u{1F600} <xml> & \"quoted\" \r\n\t";
const sent = await sqs.sendMessage({
  QueueUrl, MessageBody: body, MessageAttributes: {
    kind: { DataType: "String", StringValue: "order & <co>" },
    count: { DataType: "Number.int", StringValue: "42" },
    raw: { DataType: "Binary", BinaryValue: Buffer.from([0, 1, 255]) },
  },
  MessageSystemAttributes: { AWSTraceHeader: { DataType: "String", StringValue: "Root=1-5759e988-bd862e3fe1be46a994272793" } },
}).promise();
check(sent.MD5OfMessageAttributes && sent.MD5OfMessageAttributes.length === 32, "send answers the attributes' digest");
check(sent.MD5OfMessageSystemAttributes && sent.MD5OfMessageSystemAttributes.length === 32, "and the system attributes'");
let received = await sqs.receiveMessage({
  QueueUrl, AttributeNames: ["All"], MessageAttributeNames: ["All"], WaitTimeSeconds: 1, VisibilityTimeout: 30,
}).promise();
let m = received.Messages[0];
check(received.Messages.length === 1 && m.Body === body, "the body comes back as sent");
check(m.MD5OfMessageAttributes === sent.MD5OfMessageAttributes, "the same attribute digest on receive");
check(m.MessageAttributes.kind.StringValue === "order & <co>" && m.MessageAttributes.count.DataType === "Number.int",
  "string and custom-typed attributes");
check(Buffer.compare(m.MessageAttributes.raw.BinaryValue, Buffer.from([0, 1, 255])) === 0, "binary attribute");
check(m.Attributes.ApproximateReceiveCount === "1" && m.Attributes.AWSTraceHeader.startsWith("Root=1-"), "system attributes");
await fails(sqs.deleteMessage({ QueueUrl, ReceiptHandle: "not-a-handle" }).promise(), "ReceiptHandleIsInvalid",
  "a made-up receipt handle");
await sqs.changeMessageVisibility({ QueueUrl, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 }).promise();
received = await sqs.receiveMessage({ QueueUrl, AttributeNames: ["ApproximateReceiveCount"], WaitTimeSeconds: 1 }).promise();
check(received.Messages[0].Attributes.ApproximateReceiveCount === "2", "visible again, received twice");
await sqs.deleteMessage({ QueueUrl, ReceiptHandle: received.Messages[0].ReceiptHandle }).promise();

// Batches, with a per-entry failure in a batch result.
const goodBatch = await sqs.sendMessageBatch({
  QueueUrl, Entries: [...Array(10).keys()].map((i) => ({ Id: "m" + i, MessageBody: "x".repeat(1000) + i })),
}).promise();
check(goodBatch.Successful.length === 10 && goodBatch.Failed.length === 0, "a batch of ten is sent");
await fails(sqs.sendMessageBatch({ QueueUrl, Entries: [] }).promise(), "AWS.SimpleQueueService.EmptyBatchRequest",
  "an empty batch");
await fails(sqs.sendMessageBatch({ QueueUrl, Entries: [{ Id: "a", MessageBody: "1" }, { Id: "a", MessageBody: "2" }] }).promise(),
  "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "repeated batch entry ids");
received = await sqs.receiveMessage({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }).promise();
check(received.Messages.length > 0, "a batch is received");
const changed = await sqs.changeMessageVisibilityBatch({
  QueueUrl, Entries: received.Messages.slice(0, 9).map((msg, i) => ({ Id: "c" + i, ReceiptHandle: msg.ReceiptHandle, VisibilityTimeout: 60 }))
    .concat([{ Id: "stale", ReceiptHandle: "not-a-handle", VisibilityTimeout: 60 }]),
}).promise();
check(changed.Successful.length === Math.min(9, received.Messages.length) && changed.Failed.length === 1
  && changed.Failed[0].Code === "ReceiptHandleIsInvalid" && changed.Failed[0].SenderFault === true, "visibility batch, one failure");
const deleted = await sqs.deleteMessageBatch({
  QueueUrl, Entries: received.Messages.map((msg, i) => ({ Id: "d" + i, ReceiptHandle: msg.ReceiptHandle })),
}).promise();
check(deleted.Successful.length === received.Messages.length, "a batch is deleted");
await sqs.purgeQueue({ QueueUrl }).promise();
attributes = (await sqs.getQueueAttributes({ QueueUrl, AttributeNames: ["ApproximateNumberOfMessages"] }).promise()).Attributes;
check(attributes.ApproximateNumberOfMessages === "0", "purged");

// FIFO: de-duplication by content, sequence numbers, group order.
const fifo = (await sqs.createQueue({
  QueueName: "jsq-" + suffix + ".fifo", Attributes: { FifoQueue: "true", ContentBasedDeduplication: "true" },
}).promise()).QueueUrl;
const first = await sqs.sendMessage({ QueueUrl: fifo, MessageBody: "once", MessageGroupId: "g" }).promise();
const again = await sqs.sendMessage({ QueueUrl: fifo, MessageBody: "once", MessageGroupId: "g" }).promise();
check(first.SequenceNumber && first.MessageId === again.MessageId, "FIFO de-duplication by content");
await sqs.sendMessage({ QueueUrl: fifo, MessageBody: "twice", MessageGroupId: "g" }).promise();
received = await sqs.receiveMessage({ QueueUrl: fifo, MaxNumberOfMessages: 10, AttributeNames: ["SequenceNumber", "MessageGroupId"] }).promise();
check(received.Messages.map((x) => x.Body).join() === "once,twice" && received.Messages[0].Attributes.MessageGroupId === "g",
  "FIFO order within a group");
await fails(sqs.sendMessage({ QueueUrl: fifo, MessageBody: "no group" }).promise(), "MissingParameter",
  "a FIFO send without a group");

// Dead-letter queues and a message move task back to the source.
const dlq = (await sqs.createQueue({ QueueName: "jsq-dlq-" + suffix }).promise()).QueueUrl;
const dlqArn = (await sqs.getQueueAttributes({ QueueUrl: dlq, AttributeNames: ["QueueArn"] }).promise()).Attributes.QueueArn;
const source = (await sqs.createQueue({
  QueueName: "jsq-src-" + suffix,
  Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 1 }), VisibilityTimeout: "0" },
}).promise()).QueueUrl;
check((await sqs.listDeadLetterSourceQueues({ QueueUrl: dlq }).promise()).queueUrls[0] === source, "ListDeadLetterSourceQueues");
await sqs.sendMessage({ QueueUrl: source, MessageBody: "poison" }).promise();
await sqs.receiveMessage({ QueueUrl: source }).promise();
received = await sqs.receiveMessage({ QueueUrl: source }).promise();
check(!received.Messages || received.Messages.length === 0, "moved on the receive over maxReceiveCount");
received = await sqs.receiveMessage({ QueueUrl: dlq, AttributeNames: ["DeadLetterQueueSourceArn"], VisibilityTimeout: 0 }).promise();
check(received.Messages[0].Body === "poison" && received.Messages[0].Attributes.DeadLetterQueueSourceArn.endsWith(":jsq-src-" + suffix),
  "in the dead-letter queue, naming its source");
const task = await sqs.startMessageMoveTask({ SourceArn: dlqArn, MaxNumberOfMessagesPerSecond: 10 }).promise();
check(task.TaskHandle, "StartMessageMoveTask");
const tasks = await sqs.listMessageMoveTasks({ SourceArn: dlqArn }).promise();
check(tasks.Results.length === 1 && ["RUNNING", "COMPLETED"].includes(tasks.Results[0].Status), "ListMessageMoveTasks");
if (tasks.Results[0].Status === "RUNNING") {
  const cancelled = await sqs.cancelMessageMoveTask({ TaskHandle: task.TaskHandle }).promise();
  check(typeof cancelled.ApproximateNumberOfMessagesMoved === "number", "CancelMessageMoveTask");
} else {
  await fails(sqs.cancelMessageMoveTask({ TaskHandle: task.TaskHandle }).promise(), "FailedPrecondition",
    "cancelling a finished task");
}

// The legacy form: the queue URL as the request path, no QueueUrl parameter.
const legacy = new AWS.SQS({
  endpoint: process.argv[2], region: "us-east-1", maxRetries: 0, credentials: new AWS.Credentials("test", "test"),
});
legacy.config.paramValidation = false;
const pathRequest = legacy.getQueueAttributes({ AttributeNames: ["QueueArn"] });
pathRequest.on("build", (request) => {
  request.httpRequest.path = new URL(QueueUrl).pathname;
});
check((await pathRequest.promise()).Attributes.QueueArn.endsWith(":jsq-" + suffix), "queue URL as the request path");

for (const url of [QueueUrl, fifo, dlq, source]) {
  await sqs.deleteQueue({ QueueUrl: url }).promise();
}
await fails(sqs.getQueueAttributes({ QueueUrl, AttributeNames: ["All"] }).promise(),
  "AWS.SimpleQueueService.NonExistentQueue", "a deleted queue");
console.log("ok");
