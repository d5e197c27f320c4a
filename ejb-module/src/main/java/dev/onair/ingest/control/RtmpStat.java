package dev.onair.ingest.control;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What nginx-rtmp's {@code rtmp_stat all} reported about one application: the streams and,
 * per stream, its publisher and media. Parsed with StAX, without DTDs or external entities.
 */
public record RtmpStat(long pid, List<Stream> streams) {

    /** One stream; {@code publisherId} is the client id of its publisher, when it has one. */
    public record Stream(String name, long bytesIn, long timeMillis, Optional<String> publisherId, Media media) {

        public boolean publishing() {
            return publisherId.isPresent();
        }
    }

    /** The stream's metadata as the encoder announced it; empty fields when it announced none. */
    public record Media(String videoCodec, int width, int height, double frameRate, String audioCodec, int sampleRate) {

        static final Media UNKNOWN = new Media(null, 0, 0, 0, null, 0);
    }

    public Optional<Stream> stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Parses the statistics of {@code application}; other applications are skipped. */
    public static RtmpStat parse(InputStream xml, String application) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader in = factory.createXMLStreamReader(xml);
        try {
            long pid = 0;
            List<Stream> streams = new ArrayList<>();
            while (in.hasNext()) {
                if (in.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (in.getLocalName()) {
                    case "pid" -> pid = number(in.getElementText());
                    case "application" -> readApplication(in, application, streams);
                    default -> { }
                }
            }
            return new RtmpStat(pid, List.copyOf(streams));
        } finally {
            in.close();
        }
    }

    private static void readApplication(XMLStreamReader in, String wanted, List<Stream> streams) throws XMLStreamException {
        String name = null;
        int depth = 1;
        while (depth > 0 && in.hasNext()) {
            int event = in.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && "name".equals(in.getLocalName())) {
                    name = in.getElementText();
                } else if ("stream".equals(in.getLocalName())) {
                    Stream stream = readStream(in);
                    if (wanted.equals(name)) {
                        streams.add(stream);
                    }
                } else {
                    depth++;
                }
            }
        }
    }

    private static Stream readStream(XMLStreamReader in) throws XMLStreamException {
        String name = null;
        long bytesIn = 0;
        long time = 0;
        String publisher = null;
        Media media = Media.UNKNOWN;
        int depth = 1;
        while (depth > 0 && in.hasNext()) {
            int event = in.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                switch (depth == 1 ? in.getLocalName() : "") {
                    case "name" -> name = in.getElementText();
                    case "bytes_in" -> bytesIn = number(in.getElementText());
                    case "time" -> time = number(in.getElementText());
                    case "client" -> {
                        String id = readClient(in);
                        if (id != null) {
                            publisher = id;
                        }
                    }
                    case "meta" -> media = readMeta(in);
                    default -> depth++;
                }
            }
        }
        return new Stream(name, bytesIn, time, Optional.ofNullable(publisher), media);
    }

    /** The client's id if it is the publisher, else null. */
    private static String readClient(XMLStreamReader in) throws XMLStreamException {
        String id = null;
        boolean publishing = false;
        int depth = 1;
        while (depth > 0 && in.hasNext()) {
            int event = in.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && "id".equals(in.getLocalName())) {
                    id = in.getElementText();
                } else {
                    publishing |= depth == 1 && "publishing".equals(in.getLocalName());
                    depth++;
                }
            }
        }
        return publishing ? id : null;
    }

    private static Media readMeta(XMLStreamReader in) throws XMLStreamException {
        String section = "";
        String videoCodec = null;
        String audioCodec = null;
        int width = 0;
        int height = 0;
        int sampleRate = 0;
        double frameRate = 0;
        int depth = 1;
        while (depth > 0 && in.hasNext()) {
            int event = in.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String element = in.getLocalName();
                if (depth == 1) {
                    section = element;
                    depth++;
                    continue;
                }
                String text = in.getElementText();
                if ("video".equals(section)) {
                    switch (element) {
                        case "codec" -> videoCodec = text;
                        case "width" -> width = (int) number(text);
                        case "height" -> height = (int) number(text);
                        case "frame_rate" -> frameRate = decimal(text);
                        default -> { }
                    }
                } else if ("audio".equals(section)) {
                    switch (element) {
                        case "codec" -> audioCodec = text;
                        case "sample_rate" -> sampleRate = (int) number(text);
                        default -> { }
                    }
                }
            }
        }
        return new Media(blankToNull(videoCodec), width, height, frameRate, blankToNull(audioCodec), sampleRate);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double decimal(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
