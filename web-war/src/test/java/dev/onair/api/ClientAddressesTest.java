package dev.onair.api;

import dev.onair.shared.AddressBlock;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressesTest {

    private static List<AddressBlock> trusted(String... blocks) {
        return Arrays.stream(blocks).map(AddressBlock::parse).flatMap(Optional::stream).toList();
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("198.51.100.9", ClientAddresses.clientIp("198.51.100.9", List.of("203.0.113.1"), List.of()));
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() {
        assertEquals("198.51.100.9", ClientAddresses.clientIp("198.51.100.9", List.of("203.0.113.1"), trusted("10.0.0.0/8")));
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        List<AddressBlock> proxies = trusted("10.0.0.0/8", "127.0.0.1");
        assertEquals("203.0.113.5", ClientAddresses.clientIp("127.0.0.1", List.of("203.0.113.5"), proxies));
        assertEquals("203.0.113.5", ClientAddresses.clientIp("10.1.2.3",
                List.of("1.2.3.4, 203.0.113.5", "10.0.0.7"), proxies), "a spoofed leftmost entry is not believed");
        assertEquals("10.0.0.7", ClientAddresses.clientIp("10.1.2.3", List.of("10.0.0.7"), proxies),
                "all hops trusted: the leftmost one");
        assertEquals("10.1.2.3", ClientAddresses.clientIp("10.1.2.3", List.of(), proxies));
    }

    @Test
    void garbageInTheHeaderStopsTheWalk() {
        List<AddressBlock> proxies = trusted("127.0.0.1");
        assertEquals("127.0.0.1", ClientAddresses.clientIp("127.0.0.1", List.of("evil.example"), proxies));
        assertEquals("127.0.0.1", ClientAddresses.clientIp("127.0.0.1", List.of("<script>"), proxies));
    }

    @Test
    void ipv6BlocksAndLiteralsWork() {
        List<AddressBlock> proxies = trusted("2001:db8::/32");
        assertEquals("2001:db9:0:0:0:0:0:1", ClientAddresses.clientIp("2001:db8::1", List.of("2001:db9::1"), proxies));
        assertNull(AddressBlock.literal("localhost").orElse(null), "never a DNS lookup");
        assertEquals(List.of(), trusted("not-a-block", "10.0.0.0/99"));
    }

    @Test
    void ingestCallersAreMatchedAgainstLoopbackAndConfiguredBlocks() {
        List<String> loopback = List.of("127.0.0.0/8", "::1");
        assertTrue(ClientAddresses.inAny("127.0.0.1", loopback));
        assertTrue(ClientAddresses.inAny("0:0:0:0:0:0:0:1", loopback));
        assertFalse(ClientAddresses.inAny("10.0.0.5", loopback));
        assertTrue(ClientAddresses.inAny("10.0.0.5", List.of("10.0.0.0/24")));
        assertFalse(ClientAddresses.inAny("10.0.1.5", List.of("10.0.0.0/24", "garbage")));
        assertFalse(ClientAddresses.inAny("localhost", loopback), "a name is not an address");
        assertFalse(ClientAddresses.inAny(null, loopback));
    }
}
