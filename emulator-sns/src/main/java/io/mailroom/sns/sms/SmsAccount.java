package io.mailroom.sns.sms;

import io.mailroom.sns.SnsErrors;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SMS state of one account in one region: SMS attributes, opted-out numbers, and the SMS sandbox's
 * destination numbers. New accounts are in the sandbox, as on AWS.
 */
public final class SmsAccount {
    public static final Set<String> ATTRIBUTES = Set.of("MonthlySpendLimit", "DeliveryStatusIAMRole",
            "DeliveryStatusSuccessSamplingRate", "DefaultSenderID", "DefaultSMSType", "UsageReportS3Bucket");
    /** AWS lets a number be opted in again only once every 30 days. */
    private static final long OPT_IN_INTERVAL_MILLIS = 30L * 24 * 3600 * 1000;
    /** AWS's quota of sandbox destination numbers per account. */
    public static final int MAX_SANDBOX_NUMBERS = 10;

    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final TreeMap<String, Long> optedOut = new TreeMap<>();
    private final Map<String, Long> lastOptIn = new LinkedHashMap<>();
    private final TreeMap<String, SandboxNumber> sandbox = new TreeMap<>();
    private final SecureRandom random = new SecureRandom();

    /** A destination number in the sandbox; the one-time password is what AWS would text it. */
    public record SandboxNumber(String phoneNumber, boolean verified, String oneTimePassword) {
    }

    public synchronized void setAttributes(Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            if (!ATTRIBUTES.contains(name)) {
                throw SnsErrors.invalid(name + " is not a valid attribute");
            }
            if (name.equals("DefaultSMSType") && !value.equals("Promotional") && !value.equals("Transactional")) {
                throw SnsErrors.invalid("DefaultSMSType Reason: Invalid value " + value);
            }
            if (name.equals("DeliveryStatusSuccessSamplingRate") || name.equals("MonthlySpendLimit")) {
                try {
                    int n = Integer.parseInt(value);
                    if (n < 0 || (name.startsWith("Delivery") && n > 100)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException ex) {
                    throw SnsErrors.invalid(name + " Reason: Invalid value " + value);
                }
            }
            if (name.equals("DefaultSenderID") && !value.matches("(?=.*[A-Za-z])[A-Za-z0-9]{1,11}")) {
                throw SnsErrors.invalid("DefaultSenderID Reason: must be 1-11 alphanumeric characters with at least one letter");
            }
        }
        attributes.putAll(values);
    }

    /** The attributes set, all of them or those named. */
    public synchronized Map<String, String> attributes(List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (names.isEmpty() || names.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    public synchronized boolean isOptedOut(String number) {
        return optedOut.containsKey(number);
    }

    public synchronized void optOut(String number, long now) {
        optedOut.put(number, now);
    }

    public synchronized void optIn(String number, long now) {
        Long last = lastOptIn.get(number);
        if (optedOut.containsKey(number) && last != null && now - last < OPT_IN_INTERVAL_MILLIS) {
            throw SnsErrors.invalid("Phone number can be opted in only once every 30 days");
        }
        if (optedOut.remove(number) != null) {
            lastOptIn.put(number, now);
        }
    }

    /** Opted-out numbers in order, after {@code after} (exclusive) when not null. */
    public synchronized List<String> optedOut(String after, int limit) {
        return (after == null ? optedOut.keySet() : optedOut.tailMap(after, false).keySet())
                .stream().limit(limit).toList();
    }

    public synchronized SandboxNumber addSandboxNumber(String number) {
        SandboxNumber existing = sandbox.get(number);
        if (existing != null && existing.verified()) {
            return existing;
        }
        if (existing == null && sandbox.size() >= MAX_SANDBOX_NUMBERS) {
            throw SnsErrors.USER_ERROR.exception("You have reached the maximum number of sandbox destination phone numbers");
        }
        if (isOptedOut(number)) {
            throw SnsErrors.OPTED_OUT.exception("Phone number is opted out");
        }
        String otp = String.format("%06d", random.nextInt(1_000_000));
        SandboxNumber pending = new SandboxNumber(number, false, otp);
        sandbox.put(number, pending);
        return pending;
    }

    public synchronized void verifySandboxNumber(String number, String otp) {
        SandboxNumber n = sandbox.get(number);
        if (n == null) {
            throw SnsErrors.RESOURCE_NOT_FOUND.exception("Phone number does not exist in the sandbox");
        }
        if (n.verified()) {
            return;
        }
        if (!n.oneTimePassword().equals(otp)) {
            throw SnsErrors.VERIFICATION.exception("Invalid one-time password");
        }
        sandbox.put(number, new SandboxNumber(number, true, n.oneTimePassword()));
    }

    public synchronized void deleteSandboxNumber(String number) {
        if (sandbox.remove(number) == null) {
            throw SnsErrors.RESOURCE_NOT_FOUND.exception("Phone number does not exist in the sandbox");
        }
    }

    public synchronized List<SandboxNumber> sandboxNumbers(String after, int limit) {
        return (after == null ? sandbox.values() : sandbox.tailMap(after, false).values())
                .stream().limit(limit).toList();
    }
}
