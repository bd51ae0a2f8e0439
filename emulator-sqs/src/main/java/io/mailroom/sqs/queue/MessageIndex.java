package io.mailroom.sqs.queue;

import io.mailroom.sqs.message.Message;

/**
 * Receipt handle lookups: message serial → message, open addressing over primitive keys (a HashMap would
 * cost a boxed key and an entry object per message, and queues hold millions).
 */
final class MessageIndex {
    private long[] keys = new long[16];
    private Message[] values = new Message[16];
    private int size;

    Message get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return null;
            }
        }
    }

    void put(long key, Message value) {
        if ((size + 1) * 3 > keys.length * 2) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    void remove(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != key) {
            if (keys[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        // Backward-shift deletion keeps probe chains intact without tombstones.
        int gap = i;
        for (int j = (gap + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        keys[gap] = 0;
        values[gap] = null;
        size--;
    }

    int size() {
        return size;
    }

    void clear() {
        keys = new long[16];
        values = new Message[16];
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        Message[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Message[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
