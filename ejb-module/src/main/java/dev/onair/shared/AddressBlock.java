package dev.onair.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IP address block: an address with a prefix length ({@code 10.0.0.0/8}, {@code 2001:db8::/32};
 * a bare address is a block of one). Parsing never looks a name up: only literals are blocks.
 */
public record AddressBlock(byte[] network, int prefix) {

    /** The longest text an IPv6 literal with an embedded IPv4 address takes. */
    private static final int MAX_LITERAL = 45;
    /** A byte's highest bit. */
    private static final int HIGH_BIT = 0x80;

    /** The block {@code cidr} describes, if it is one. */
    public static Optional<AddressBlock> parse(String cidr) {
        String[] parts = cidr.trim().split("/", 2);
        Optional<InetAddress> address = literalAddress(parts[0]);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        try {
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * Byte.SIZE;
            return prefix < 0 || prefix > bytes.length * Byte.SIZE ? Optional.empty() : Optional.of(new AddressBlock(bytes, prefix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An IP address literal in canonical form; never a host name (no DNS lookups on untrusted text). */
    public static Optional<String> literal(String text) {
        return literalAddress(text).map(InetAddress::getHostAddress);
    }

    private static Optional<InetAddress> literalAddress(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LITERAL || !text.matches("[0-9a-fA-F.:]+") || !text.matches(".*[.:].*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether the literal {@code ip} lies in this block (a name or garbage never does). */
    public boolean contains(String ip) {
        return literalAddress(ip).map(this::contains).orElse(false);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = HIGH_BIT >> (bit % Byte.SIZE);
            if ((candidate[bit / Byte.SIZE] & mask) != (network[bit / Byte.SIZE] & mask)) {
                return false;
            }
        }
        return true;
    }
}
