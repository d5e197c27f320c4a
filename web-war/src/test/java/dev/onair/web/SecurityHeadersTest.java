package dev.onair.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityHeadersTest {

    @Test
    void scriptsComeFromOnAirOnlyAndThePlayerMayReachTheCdn() {
        String csp = SecurityHeaders.forCdn("https://d111111abcdef8.cloudfront.net/").contentSecurityPolicy();
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        assertTrue(csp.contains("connect-src 'self' https://d111111abcdef8.cloudfront.net;"), csp);
        assertTrue(csp.contains("media-src 'self' blob: https://d111111abcdef8.cloudfront.net;"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
    }

    @Test
    void theCdnOriginIsSchemeHostAndPortOnly() {
        assertEquals("http://127.0.0.1:9088", SecurityHeaders.origin("http://127.0.0.1:9088/some/path"));
        assertEquals("https://cdn.example", SecurityHeaders.origin("HTTPS://CDN.example/"));
        assertEquals("", SecurityHeaders.origin(""));
        assertEquals("", SecurityHeaders.origin("javascript:alert(1)"));
        assertEquals("", SecurityHeaders.origin("not a url"));
        // no CDN: the player may reach OnAir only
        assertTrue(SecurityHeaders.forCdn("").contentSecurityPolicy().contains("connect-src 'self';"));
    }
}
