package dev.onair.api;

import dev.onair.shared.AddressBlock;
import dev.onair.signin.entity.Client;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

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

    private List<AddressBlock> trusted = List.of();

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
        return AddressBlock.literal(ip).map(address -> blocks.stream().map(AddressBlock::parse).flatMap(Optional::stream)
                .anyMatch(block -> block.contains(address))).orElse(false);
    }

    /** The client's address given the connection's peer, the X-Forwarded-For headers and the trusted proxies. */
    static String clientIp(String peer, List<String> forwardedFor, List<AddressBlock> trusted) {
        String client = AddressBlock.literal(peer).orElse(null);
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
            Optional<String> hop = AddressBlock.literal(hops.get(i));
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

    private static boolean isTrusted(String ip, List<AddressBlock> trusted) {
        return trusted.stream().anyMatch(block -> block.contains(ip));
    }
}
