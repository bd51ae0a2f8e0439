package io.mailroom.sns.sms;

import java.util.regex.Pattern;

/** Phone numbers SNS sends SMS to: E.164 ({@code +} then up to 15 digits, no leading zero). */
public final class PhoneNumbers {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private PhoneNumbers() {
    }

    public static boolean isValid(String number) {
        return number != null && E164.matcher(number).matches();
    }
}
