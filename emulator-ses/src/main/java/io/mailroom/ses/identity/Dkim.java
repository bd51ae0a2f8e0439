package io.mailroom.ses.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Easy DKIM state of a domain identity. AWS publishes three CNAME tokens
 * ({@code token._domainkey.example.com}); locally the DNS check succeeds at once, so status is SUCCESS as
 * soon as tokens exist. Tokens are 32 characters of lowercase base32, like AWS's.
 */
public final class Dkim {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private boolean signingEnabled;
    private List<String> tokens = List.of();
    private String origin = "AWS_SES";
    private String nextKeyLength = "RSA_2048_BIT";
    private String currentKeyLength = "RSA_2048_BIT";
    private long lastKeyGeneration;

    public boolean signingEnabled() {
        return signingEnabled;
    }

    public void signingEnabled(boolean value) {
        signingEnabled = value;
    }

    public List<String> tokens() {
        return tokens;
    }

    /** v2 status: SUCCESS once tokens exist (verification is immediate here), NOT_STARTED before. */
    public String status() {
        return tokens.isEmpty() && !"EXTERNAL".equals(origin) ? "NOT_STARTED" : "SUCCESS";
    }

    public String origin() {
        return origin;
    }

    public String nextKeyLength() {
        return nextKeyLength;
    }

    public String currentKeyLength() {
        return currentKeyLength;
    }

    public long lastKeyGeneration() {
        return lastKeyGeneration;
    }

    /** Easy DKIM: (re)generate tokens and enable signing. */
    public void generate(long now, String keyLength) {
        List<String> t = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            t.add(token());
        }
        tokens = List.copyOf(t);
        origin = "AWS_SES";
        if (keyLength != null) {
            nextKeyLength = keyLength;
            currentKeyLength = keyLength;
        }
        lastKeyGeneration = now;
        signingEnabled = true;
    }

    /** BYODKIM: the caller provides selector and key; no tokens to publish beyond the selector. */
    public void external(String selector, long now) {
        tokens = List.of(selector);
        origin = "EXTERNAL";
        lastKeyGeneration = now;
        signingEnabled = true;
    }

    private static String token() {
        StringBuilder b = new StringBuilder(32);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 32; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
