package io.mailroom.sqs.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.sqs.message.AttributeDigest;
import io.mailroom.sqs.message.Message;
import io.mailroom.sqs.message.MessageAttributes;
import io.mailroom.sqs.message.MessageBody;
import io.mailroom.sqs.message.SystemAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIndexTest {

    private static Message message(long serial) {
        return new Message(serial, UUID.randomUUID(), MessageBody.of("b"), AttributeDigest.ofBody("b"), MessageAttributes.NONE, SystemAttributes.NONE, "s",
                0, null, null, null, null, 0, 0);
    }

    @Test
    void behavesLikeAMapUnderRandomPutsAndRemoves() {
        MessageIndex index = new MessageIndex();
        Map<Long, Message> reference = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long key = 1 + random.nextInt(5_000);
            if (random.nextInt(3) == 0) {
                index.remove(key);
                reference.remove(key);
            } else {
                Message m = message(key);
                index.put(key, m);
                reference.put(key, m);
            }
            if (i % 1000 == 0) {
                for (long k = 1; k <= 5_000; k++) {
                    assertThat(index.get(k)).isSameAs(reference.get(k));
                }
                assertThat(index.size()).isEqualTo(reference.size());
            }
        }
        index.clear();
        assertThat(index.size()).isZero();
        assertThat(index.get(1)).isNull();
    }
}
