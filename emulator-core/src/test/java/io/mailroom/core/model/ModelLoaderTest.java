package io.mailroom.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelLoaderTest {

    @Test
    void readsTheFullJsonModel() {
        ServiceModel sqs = ModelLoader.fromResource(getClass(), "/models/sqs-2012-11-05.json");
        assertThat(sqs.protocol()).isEqualTo("json");
        assertThat(sqs.targetPrefix()).isEqualTo("AmazonSQS");
        assertThat(sqs.queryCompatible()).isTrue();
        assertThat(sqs.operations()).hasSize(23);

        OperationModel send = sqs.operation("SendMessage").orElseThrow();
        assertThat(send.input().required()).containsExactly("QueueUrl", "MessageBody");
        Member attributes = send.input().member("MessageAttributes");
        assertThat(attributes.shape().type()).isEqualTo(ShapeType.MAP);
        assertThat(attributes.isFlattened()).isTrue();
        assertThat(attributes.shape().mapValue().shape().member("BinaryValue").shape().type())
                .isEqualTo(ShapeType.BLOB);
        assertThat(sqs.shape("QueueAttributeName").enumValues()).contains("VisibilityTimeout", "All");
    }

    @Test
    void readsTheMinifiedQueryModelWithInlineShapes() {
        ServiceModel sqs = ModelLoader.fromResource(getClass(), "/models/sqs-2012-11-05.query-protocol.json");
        assertThat(sqs.protocol()).isEqualTo("query");
        assertThat(sqs.xmlNamespace()).isEqualTo("http://queue.amazonaws.com/doc/2012-11-05/");

        OperationModel receive = sqs.operation("ReceiveMessage").orElseThrow();
        assertThat(receive.resultWrapper()).isEqualTo("ReceiveMessageResult");
        Member messages = receive.output().member("Messages");
        assertThat(messages.isFlattened()).isTrue();
        assertThat(messages.shape().listMember().wireName()).isEqualTo("Message");

        Member delay = sqs.operation("SendMessage").orElseThrow().input().member("DelaySeconds");
        assertThat(delay.shape().type()).isEqualTo(ShapeType.INTEGER);
        Member body = sqs.operation("SendMessage").orElseThrow().input().member("MessageBody");
        assertThat(body.shape().type()).isEqualTo(ShapeType.STRING);
        assertThat(sqs.operation("SendMessage").orElseThrow().input().member("MessageAttributes").wireName())
                .isEqualTo("MessageAttribute");
    }
}
