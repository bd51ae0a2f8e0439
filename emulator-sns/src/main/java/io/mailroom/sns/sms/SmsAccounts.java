package io.mailroom.sns.sms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SMS state per account and region. */
public final class SmsAccounts {
    private final Map<String, SmsAccount> accounts = new ConcurrentHashMap<>();

    public SmsAccount of(String accountId, String region) {
        return accounts.computeIfAbsent(accountId + "/" + region, k -> new SmsAccount());
    }

    public void clear() {
        accounts.clear();
    }
}
