package dev.onair.webhooks.control;

import dev.onair.shared.AddressBlock;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where OnAir may send a webhook. A receiver's URL is https (http only where the operator allows
 * it, for development), has a host and no user information, and every address its host resolves
 * to is a public unicast address: never loopback, private (RFC 1918, unique local), link-local
 * (with the cloud metadata address 169.254.169.254), carrier-grade NAT, multicast, reserved or
 * documentation ranges, nor an IPv6 form of one (mapped, compatible, NAT64, 6to4), unless it lies
 * in one of the operator's allowed blocks. The same check runs when a subscription is made and
 * when each delivery connects ({@link #resolve}): the client connects to the addresses checked,
 * so a name that changes its answer in between (DNS rebinding) gains nothing.
 */
public final class OutboundGuard {

    /** Blocks no receiver may be in (besides what {@link InetAddress} classifies itself). */
    private static final List<AddressBlock> FORBIDDEN = Stream.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "2001:db8::/32",
            "2001::/32", "100::/64")
            .map(block -> AddressBlock.parse(block).orElseThrow()).toList();
    private static final AddressBlock NAT64 = AddressBlock.parse("64:ff9b::/96").orElseThrow();
    private static final AddressBlock SIX_TO_FOUR = AddressBlock.parse("2002::/16").orElseThrow();
    private static final int IPV6_BYTES = 16;
    /** The two bytes before an IPv4-mapped IPv6 address's IPv4 part (::ffff:a.b.c.d). */
    private static final byte MAPPED = (byte) 0xff;
    private static final int IPV4_BYTES = 4;
    /** Where a 6to4 address holds its IPv4 address. */
    private static final int SIX_TO_FOUR_OFFSET = 2;
    private static final int HTTPS_PORT = 443;
    private static final int HTTP_PORT = 80;

    private final boolean allowHttp;
    private final List<AddressBlock> allowed;

    public OutboundGuard(boolean allowHttp, List<AddressBlock> allowed) {
        this.allowHttp = allowHttp;
        this.allowed = List.copyOf(allowed);
    }

    /** A receiver's URL that was refused, and why (for the caller: no address is echoed beyond the host). */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The URL, checked for its form (not yet for its addresses). */
    public URI url(String text) throws Refused {
        if (text == null || text.isBlank()) {
            throw new Refused("is required");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new Refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not hold user information (put credentials in the path or verify the signature)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        return uri;
    }

    /** The URL's port (its scheme's default when it names none). */
    public static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? HTTPS_PORT : HTTP_PORT;
    }

    /** The addresses {@code host} resolves to, every one allowed; refused if any is not (or none is found). */
    public InetAddress[] resolve(String host) throws Refused {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve");
        }
        Optional<InetAddress> refused = Arrays.stream(addresses).filter(address -> !allowed(address)).findFirst();
        if (refused.isPresent()) {
            throw new Refused("resolves to an address webhooks may not reach (loopback, private, link-local, metadata or reserved)");
        }
        return addresses;
    }

    /** Whether a receiver may be at {@code address}: a public unicast address, or one in an allowed block. */
    public boolean allowed(InetAddress address) {
        if (allowed.stream().anyMatch(block -> block.contains(address))) {
            return true;
        }
        return isPublic(address);
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || FORBIDDEN.stream().anyMatch(block -> block.contains(address))) {
            return false;
        }
        return embeddedIpv4(address).map(OutboundGuard::isPublic).orElse(true);
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if it carries one. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        if (bytes.length != IPV6_BYTES) {
            return Optional.empty();
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < IPV6_BYTES - IPV4_BYTES - 2; i++) {
            zeroPrefix &= bytes[i] == 0;
        }
        boolean mapped = zeroPrefix && bytes[IPV6_BYTES - IPV4_BYTES - 2] == MAPPED && bytes[IPV6_BYTES - IPV4_BYTES - 1] == MAPPED;
        boolean compatible = zeroPrefix && bytes[IPV6_BYTES - IPV4_BYTES - 2] == 0 && bytes[IPV6_BYTES - IPV4_BYTES - 1] == 0;
        if (mapped || compatible || NAT64.contains(address)) {
            return v4(Arrays.copyOfRange(bytes, IPV6_BYTES - IPV4_BYTES, IPV6_BYTES));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return v4(Arrays.copyOfRange(bytes, SIX_TO_FOUR_OFFSET, SIX_TO_FOUR_OFFSET + IPV4_BYTES));
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> v4(byte[] bytes) {
        try {
            InetAddress address = InetAddress.getByAddress(bytes);
            return address instanceof Inet4Address ? Optional.of(address) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
