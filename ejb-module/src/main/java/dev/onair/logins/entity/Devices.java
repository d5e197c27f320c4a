package dev.onair.logins.entity;

import dev.onair.shared.Digests;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** The coarse keys that decide whether a sign-in comes from a device or network seen before. */
public final class Devices {

    private Devices() {
    }

    /** The User-Agent without its version numbers, hashed: the same browser on the same system. */
    public static String deviceKey(String userAgent) {
        String shape = userAgent == null ? "" : userAgent.replaceAll("[0-9]+", "").toLowerCase(Locale.ROOT).strip();
        return Digests.sha256Hex(shape);
    }

    /** The IPv4 /24 or IPv6 /48 the address is in, or null when there is no valid address. */
    public static String network(String ip) {
        if (ip == null || ip.isEmpty() || !ip.matches("[0-9a-fA-F.:]+")) {
            return null;
        }
        try {
            byte[] address = InetAddress.getByName(ip).getAddress();
            int keep = address.length == 4 ? 3 : 6;
            byte[] prefix = new byte[address.length];
            System.arraycopy(address, 0, prefix, 0, keep);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/" + keep * 8;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
