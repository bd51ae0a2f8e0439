package io.mailroom.sns.filter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Parses IP address literals without ever resolving a host name. */
final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpAddresses() {
    }

    /** The address bytes (4 or 16), or null when the text is not an IP literal. */
    static byte[] parse(String text) {
        var m = IPV4.matcher(text);
        if (m.matches()) {
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(m.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                out[i] = (byte) octet;
            }
            return out;
        }
        if (text.indexOf(':') >= 0 && IPV6.matcher(text).matches()) {
            try {
                byte[] address = InetAddress.getByName(text).getAddress();
                return address.length == 16 ? address : null;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }
}
