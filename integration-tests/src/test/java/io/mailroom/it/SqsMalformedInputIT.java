package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind gets an answer, never a 5xx or a dropped connection: requests for every SQS
 * operation, built from valid ones by replacing, dropping and adding members (wrong types, out-of-range
 * numbers, characters XML cannot carry, oversized strings) and by corrupting the bytes, sent in both
 * protocols. Seeded, so a failure names a request that can be replayed.
 */
class SqsMalformedInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/us-east-1/sqs/aws4_request,"
            + " SignedHeaders=host, Signature=0";
    private static final int REQUESTS = 3_000;
    private static Map<String, ObjectNode> templates;
    private static List<JsonNode> oddValues;

    @BeforeAll
    static void queuesAndTemplates() throws Exception {
        String name = Sqs.name("SqsMalformedInputIT");
        String url = json("CreateQueue", "{\"QueueName\":\"" + name + "\"}").path("QueueUrl").asText();
        String fifo = json("CreateQueue", "{\"QueueName\":\"" + name + ".fifo\",\"Attributes\":{\"FifoQueue\":\"true\"}}")
                .path("QueueUrl").asText();
        json("SendMessage", "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"hello\"}");
        String handle = json("ReceiveMessage", "{\"QueueUrl\":\"" + url + "\",\"VisibilityTimeout\":0}")
                .path("Messages").path(0).path("ReceiptHandle").asText();
        String arn = Sqs.arn(name);
        String attribute = "{\"DataType\":\"String\",\"StringValue\":\"v\"}";
        templates = Map.ofEntries(
                template("CreateQueue", "{'QueueName':'" + name + "-2','Attributes':{'DelaySeconds':'0','RedrivePolicy':"
                        + "'{\\\"deadLetterTargetArn\\\":\\\"" + arn + "\\\",\\\"maxReceiveCount\\\":3}'},'tags':{'a':'b'}}"),
                template("GetQueueUrl", "{'QueueName':'" + name + "','QueueOwnerAWSAccountId':'000000000000'}"),
                template("ListQueues", "{'QueueNamePrefix':'Sqs','MaxResults':5,'NextToken':'abc'}"),
                template("DeleteQueue", "{'QueueUrl':'" + url + "-gone'}"),
                template("PurgeQueue", "{'QueueUrl':'" + url + "'}"),
                template("GetQueueAttributes", "{'QueueUrl':'" + url + "','AttributeNames':['All']}"),
                template("SetQueueAttributes", "{'QueueUrl':'" + url + "','Attributes':{'VisibilityTimeout':'30',"
                        + "'RedriveAllowPolicy':'{\\\"redrivePermission\\\":\\\"allowAll\\\"}'}}"),
                template("TagQueue", "{'QueueUrl':'" + url + "','Tags':{'k':'v'}}"),
                template("UntagQueue", "{'QueueUrl':'" + url + "','TagKeys':['k']}"),
                template("ListQueueTags", "{'QueueUrl':'" + url + "'}"),
                template("AddPermission", "{'QueueUrl':'" + url + "','Label':'l','AWSAccountIds':['000000000000'],"
                        + "'Actions':['SendMessage']}"),
                template("RemovePermission", "{'QueueUrl':'" + url + "','Label':'l'}"),
                template("SendMessage", "{'QueueUrl':'" + fifo + "','MessageBody':'b','DelaySeconds':0,'MessageAttributes':"
                        + "{'a':" + attribute + ",'n':{'DataType':'Number','StringValue':'1'},'b':{'DataType':'Binary',"
                        + "'BinaryValue':'AAE='}},'MessageSystemAttributes':{'AWSTraceHeader':" + attribute + "},"
                        + "'MessageGroupId':'g','MessageDeduplicationId':'d'}"),
                template("SendMessageBatch", "{'QueueUrl':'" + url + "','Entries':[{'Id':'a','MessageBody':'x',"
                        + "'MessageAttributes':{'a':" + attribute + "}},{'Id':'b','MessageBody':'y','DelaySeconds':1}]}"),
                template("ReceiveMessage", "{'QueueUrl':'" + url + "','MaxNumberOfMessages':10,'VisibilityTimeout':0,"
                        + "'WaitTimeSeconds':0,'AttributeNames':['All'],'MessageAttributeNames':['All','a.*'],"
                        + "'MessageSystemAttributeNames':['All'],'ReceiveRequestAttemptId':'r'}"),
                template("DeleteMessage", "{'QueueUrl':'" + url + "','ReceiptHandle':'" + handle + "'}"),
                template("DeleteMessageBatch", "{'QueueUrl':'" + url + "','Entries':[{'Id':'a','ReceiptHandle':'" + handle + "'}]}"),
                template("ChangeMessageVisibility", "{'QueueUrl':'" + url + "','ReceiptHandle':'" + handle
                        + "','VisibilityTimeout':10}"),
                template("ChangeMessageVisibilityBatch", "{'QueueUrl':'" + url + "','Entries':[{'Id':'a','ReceiptHandle':'"
                        + handle + "','VisibilityTimeout':5}]}"),
                template("ListDeadLetterSourceQueues", "{'QueueUrl':'" + url + "','MaxResults':2,'NextToken':'x'}"),
                template("StartMessageMoveTask", "{'SourceArn':'" + arn + "','DestinationArn':'" + arn
                        + "-2','MaxNumberOfMessagesPerSecond':10}"),
                template("CancelMessageMoveTask", "{'TaskHandle':'abc'}"),
                template("ListMessageMoveTasks", "{'SourceArn':'" + arn + "','MaxResults':3}"));
        oddValues = new ArrayList<>();
        for (String v : new String[] {"null", "true", "0", "-1", "2147483648", "9223372036854775808", "1e400", "-0.0",
                "1.5", "\"\"", "\"-1\"", "\"1e5\"", "\"99999999999999999999\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\uffff\"",
                "\"\\u0001x\"", "\"All\"", "\".*\"", "\" \"", "[]", "[1]", "[\"x\"]", "{}", "{\"a\":1}",
                "{\"DataType\":null}", "\"" + arn + "\"", "\"" + handle + "\"", "\"" + handle.substring(3) + "\"", "\"AAE\""}) {
            oddValues.add(JSON.readTree(v));
        }
        oddValues.add(NODES.textNode("\u00e9".repeat(300)));
        oddValues.add(NODES.textNode("a".repeat(300_000)));
    }

    private static JsonNode json(String operation, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(TestServer.endpoint())
                .header("Authorization", AUTH).header("X-Amz-Target", "AmazonSQS." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", operation, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Map.Entry<String, ObjectNode> template(String operation, String singleQuoted) throws IOException {
        return Map.entry(operation, (ObjectNode) JSON.readTree(singleQuoted.replace('\'', '"')));
    }

    @Test
    void noMalformedRequestGetsAServerErrorOrNoAnswer() throws Exception {
        Random random = new Random(20261121);
        List<String> operations = new ArrayList<>(templates.keySet());
        operations.sort(null);
        int answered = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String operation = operations.get(random.nextInt(operations.size()));
            JsonNode input = mutate(templates.get(operation), random, 0);
            HttpRequest.Builder request = HttpRequest.newBuilder(TestServer.endpoint()).header("Authorization", AUTH);
            String shown;
            if (random.nextInt(10) < 6) {
                byte[] body = JSON.writeValueAsBytes(input);
                if (random.nextInt(10) == 0) {
                    body = corrupt(body, random);
                }
                shown = "JSON " + operation + " " + new String(body, StandardCharsets.UTF_8);
                request.header("X-Amz-Target", "AmazonSQS." + operation).header("x-amzn-query-mode", "true")
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            } else {
                String form = form(operation, input, random);
                shown = "Query " + form;
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form));
            }
            HttpResponse<String> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError("no answer (" + e + ") to request " + i + ": " + abbreviated(shown), e);
            }
            assertThat(response.statusCode()).as("request %d: %s -> %s", i, abbreviated(shown),
                    abbreviated(response.body())).isBetween(200, 499);
            answered++;
        }
        assertThat(answered).isEqualTo(REQUESTS);
    }

    private static JsonNode mutate(JsonNode node, Random random, int depth) {
        if (depth > 3 || random.nextInt(10) < 3) {
            return oddValues.get(random.nextInt(oddValues.size())).deepCopy();
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            List<String> names = new ArrayList<>();
            copy.fieldNames().forEachRemaining(names::add);
            if (!names.isEmpty() && random.nextInt(10) < 3) {
                copy.remove(names.remove(random.nextInt(names.size())));
            } else if (random.nextInt(10) < 2) {
                copy.set(List.of("Extra", "", "Id", "QueueUrl").get(random.nextInt(4)), mutate(null, random, depth + 1));
            }
            if (!names.isEmpty()) {
                String name = names.get(random.nextInt(names.size()));
                copy.set(name, mutate(copy.get(name), random, depth + 1));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.deepCopy();
            if (random.nextInt(10) < 3) {
                int times = new int[] {0, 2, 11}[random.nextInt(3)];
                ArrayNode repeated = NODES.arrayNode();
                for (int t = 0; t < times; t++) {
                    repeated.addAll(copy.deepCopy());
                }
                copy = repeated;
            }
            if (!copy.isEmpty()) {
                int at = random.nextInt(copy.size());
                copy.set(at, mutate(copy.get(at), random, depth + 1));
            }
            return copy;
        }
        return oddValues.get(random.nextInt(oddValues.size())).deepCopy();
    }

    private static byte[] corrupt(byte[] body, Random random) {
        byte[] out = body.clone();
        for (int n = 1 + random.nextInt(3); n > 0 && out.length > 0; n--) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    /** The JSON input in the Query protocol's shape, loosely: maps as numbered Name/Key and Value pairs, lists numbered. */
    private static String form(String operation, JsonNode input, Random random) {
        List<String> pairs = new ArrayList<>(List.of("Action=" + operation, "Version=2012-11-05"));
        flatten("", input, pairs, random);
        return String.join("&", pairs);
    }

    private static void flatten(String prefix, JsonNode node, List<String> pairs, Random random) {
        if (node.isObject()) {
            boolean map = prefix.endsWith("Attributes") || prefix.endsWith("Tags") || prefix.equals("tags");
            int i = 1;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); i++) {
                Map.Entry<String, JsonNode> e = it.next();
                if (map) {
                    pairs.add(encode(prefix + "." + i + (prefix.contains("Attribute") ? ".Name" : ".Key")) + "="
                            + encode(e.getKey()));
                    flatten(prefix + "." + i + ".Value", e.getValue(), pairs, random);
                } else {
                    flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), pairs, random);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + (random.nextBoolean() ? ".member." : ".") + (i + 1), node.get(i), pairs, random);
            }
        } else {
            pairs.add(encode(prefix) + "=" + encode(node.isNull() ? "" : node.asText()));
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "... (" + s.length() + " characters)";
    }
}
