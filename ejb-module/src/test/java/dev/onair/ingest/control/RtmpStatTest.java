package dev.onair.ingest.control;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RtmpStatTest {

    private static RtmpStat sample() throws XMLStreamException {
        InputStream xml = RtmpStatTest.class.getResourceAsStream("/nginx/stat-two-streams.xml");
        return RtmpStat.parse(xml, "live");
    }

    @Test
    void readsTheStreamsOfTheApplicationOnly() throws XMLStreamException {
        RtmpStat stat = sample();
        assertEquals(6163, stat.pid());
        assertEquals(List.of("abcdefgh12345678", "waiting000000000"), stat.streams().stream().map(RtmpStat.Stream::name).toList());
    }

    @Test
    void thePublisherIsTheClientMarkedPublishingNotAPlayer() throws XMLStreamException {
        RtmpStat.Stream stream = sample().stream("abcdefgh12345678").orElseThrow();
        assertEquals(Optional.of("7"), stream.publisherId());
        assertEquals(457968, stream.bytesIn());
        assertEquals(4716, stream.timeMillis());
        assertFalse(sample().stream("waiting000000000").orElseThrow().publishing());
    }

    @Test
    void readsTheMedia() throws XMLStreamException {
        RtmpStat.Media media = sample().stream("abcdefgh12345678").orElseThrow().media();
        assertEquals("H264", media.videoCodec());
        assertEquals(1280, media.width());
        assertEquals(720, media.height());
        assertEquals(29.97, media.frameRate(), 0.001);
        assertEquals("AAC", media.audioCodec());
        assertEquals(44100, media.sampleRate());
        RtmpStat.Media empty = sample().stream("waiting000000000").orElseThrow().media();
        assertNull(empty.videoCodec());
        assertNull(empty.audioCodec());
    }

    @Test
    void noStreamsIsAnEmptyList() throws XMLStreamException {
        String xml = "<rtmp><pid>1</pid><server><application><name>live</name><live><nclients>0</nclients></live></application></server></rtmp>";
        assertEquals(List.of(), RtmpStat.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "live").streams());
    }

    @Test
    void externalEntitiesAreNotFollowed() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rtmp [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rtmp><pid>&x;</pid></rtmp>";
        assertThrows(XMLStreamException.class,
                () -> RtmpStat.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "live"));
    }
}
