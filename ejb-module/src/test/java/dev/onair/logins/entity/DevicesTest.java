package dev.onair.logins.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DevicesTest {

    @Test
    void aBrowserUpdateIsTheSameDeviceAnotherBrowserIsNot() {
        String chrome130 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0.0.0 Safari/537.36";
        String chrome131 = chrome130.replace("130.0.0.0", "131.0.6778.86");
        String firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
        assertEquals(Devices.deviceKey(chrome130), Devices.deviceKey(chrome131));
        assertNotEquals(Devices.deviceKey(chrome130), Devices.deviceKey(firefox));
        assertEquals(Devices.deviceKey(null), Devices.deviceKey(""));
    }

    @Test
    void networksAreIpv4Slash24AndIpv6Slash48() {
        assertEquals("203.0.113.0/24", Devices.network("203.0.113.77"));
        assertEquals(Devices.network("203.0.113.1"), Devices.network("203.0.113.254"));
        assertNotEquals(Devices.network("203.0.113.1"), Devices.network("203.0.114.1"));
        assertEquals("2001:db8:abcd:0:0:0:0:0/48", Devices.network("2001:db8:abcd:12::1"));
        assertNull(Devices.network(null));
        assertNull(Devices.network("not-an-address"));
        assertNull(Devices.network("example.com"), "never a DNS lookup");
    }
}
