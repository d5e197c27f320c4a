package dev.onair.api;

import dev.onair.signin.entity.Client;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Who is on the other end of a request. {@code X-Forwarded-For} is believed only when the
 * connection comes from one of {@code onair.http.trusted-proxies} (addresses or CIDR blocks):
 * the list is then read from the right, past the trusted proxies, and the first address that is
 * not one of them is the client. Without trusted proxies the header is ignored, so nobody can
 * put an address of their choosing into the login history.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    WebConfig settings;

    private List<Block> trusted = List.of();

    @PostConstruct
    void init() {
        trusted = settings.trustedProxies();
    }

    public Client of(HttpServletRequest request) {
        List<String> forwarded = request.getHeaders("X-Forwarded-For") == null ? List.of()
                : Collections.list(request.getHeaders("X-Forwarded-For"));
        return new Client(clientIp(request.getRemoteAddr(), forwarded, trusted), request.getHeader("User-Agent"));
    }

    /** Whether {@code ip} (a literal) lies in one of {@code blocks} (addresses or CIDR blocks; unparsable ones match nothing). */
    public static boolean inAny(String ip, List<String> blocks) {
        return literal(ip).map(address -> blocks.stream().map(Block::parse).flatMap(Optional::stream)
                .anyMatch(block -> block.contains(address))).orElse(false);
    }

    /** The client's address given the connection's peer, the X-Forwarded-For headers and the trusted proxies. */
    static String clientIp(String peer, List<String> forwardedFor, List<Block> trusted) {
        String client = literal(peer).orElse(null);
        if (client == null || !isTrusted(client, trusted)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
            if (!isTrusted(client, trusted)) {
                return client;
            }
        }
        return client;
    }

    private static boolean isTrusted(String ip, List<Block> trusted) {
        return trusted.stream().anyMatch(block -> block.contains(ip));
    }

    /** An IP address literal in canonical form; never a host name (no DNS lookups on request data). */
    static Optional<String> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45 || !text.matches("[0-9a-fA-F.:]+") || !text.matches(".*[.:].*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address block: an address with a prefix length. */
    record Block(byte[] network, int prefix) {

        static Optional<Block> parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            Optional<String> address = literal(parts[0]);
            if (address.isEmpty()) {
                return Optional.empty();
            }
            try {
                byte[] bytes = InetAddress.getByName(address.get()).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * 8;
                return prefix < 0 || prefix > bytes.length * 8 ? Optional.empty() : Optional.of(new Block(bytes, prefix));
            } catch (UnknownHostException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        boolean contains(String ip) {
            byte[] candidate;
            try {
                candidate = InetAddress.getByName(ip).getAddress();
            } catch (UnknownHostException e) {
                return false;
            }
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
