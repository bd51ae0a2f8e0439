package io.mailroom.ses.inbound;

import java.security.SecureRandom;

/**
 * Ids of received mail. They differ from sent-mail ids: AWS's examples show lowercase base32hex strings
 * ({@code 0-9a-v}) such as {@code o3vrnil0e2ic28trm7dfhrc2v0cnbeccl4nbp0g1}, the same id the {@code Received}
 * trace header names ("with SMTP id ...") and the S3 action uses as object key
 * (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html).
 */
public final class InboundMessageIds {
    private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final int LENGTH = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InboundMessageIds() {
    }

    public static String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = BASE32HEX[RANDOM.nextInt(BASE32HEX.length)];
        }
        return new String(id);
    }
}
