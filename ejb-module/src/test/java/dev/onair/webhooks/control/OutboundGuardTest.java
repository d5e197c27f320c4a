package dev.onair.webhooks.control;

import dev.onair.shared.AddressBlock;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundGuardTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void onlyPublicUnicastAddressesAreReceivers() throws UnknownHostException {
        for (String refused : List.of("127.0.0.1", "127.5.5.5", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "192.0.2.1", "::1", "::", "fe80::1", "fd00:ec2::254",
                "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1",
                "2001:db8::1")) {
            assertFalse(OutboundGuard.isPublic(ip(refused)), refused);
        }
        for (String allowed : List.of("93.184.216.34", "1.1.1.1", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34",
                "64:ff9b::808:808", "172.32.0.1", "100.128.0.1")) {
            assertTrue(OutboundGuard.isPublic(ip(allowed)), allowed);
        }
    }

    @Test
    void anOperatorMayAllowBlocksOfItsOwn() throws UnknownHostException {
        OutboundGuard guard = new OutboundGuard(true, List.of(AddressBlock.parse("127.0.0.3/32").orElseThrow()));
        assertTrue(guard.allowed(ip("127.0.0.3")));
        assertFalse(guard.allowed(ip("127.0.0.1")));
        assertEquals(1, assertDoesNotFail(() -> guard.resolve("127.0.0.3")).length);
        assertThrows(OutboundGuard.Refused.class, () -> guard.resolve("127.0.0.1"));
        assertThrows(OutboundGuard.Refused.class, () -> guard.resolve("[::1]"));
        assertThrows(OutboundGuard.Refused.class, () -> guard.resolve("no-such-host.invalid"));
    }

    @Test
    void urlsAreHttpsWithAHostAndNoCredentials() throws OutboundGuard.Refused {
        OutboundGuard strict = new OutboundGuard(false, List.of());
        assertEquals("hooks.example.com", strict.url("https://hooks.example.com/onair?x=1").getHost());
        for (String refused : List.of("http://hooks.example.com/", "ftp://hooks.example.com/", "https://user:pw@hooks.example.com/",
                "https:///path", "https://hooks.example.com/#frag", "not a url", "", "javascript:alert(1)", "file:///etc/passwd")) {
            assertThrows(OutboundGuard.Refused.class, () -> strict.url(refused), refused);
        }
        assertEquals("http", new OutboundGuard(true, List.of()).url("http://hooks.example.com/").getScheme(), "http where allowed");
        assertEquals(443, OutboundGuard.port(strict.url("https://hooks.example.com/")));
        assertEquals(8443, OutboundGuard.port(strict.url("https://hooks.example.com:8443/")));
    }

    private interface Resolving {
        InetAddress[] run() throws OutboundGuard.Refused;
    }

    private static InetAddress[] assertDoesNotFail(Resolving resolving) {
        try {
            return resolving.run();
        } catch (OutboundGuard.Refused e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
