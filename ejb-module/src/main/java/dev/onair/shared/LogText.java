package dev.onair.shared;

/** Text from outside (a URL segment, a partner's error code) made fit for a log line or a problem detail. */
public final class LogText {

    private LogText() {
    }

    /** Printable ASCII only, at most {@code max} characters; "" for null. */
    public static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        String printable = text.codePoints().filter(c -> c >= ' ' && c < '\u007f')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > max ? printable.substring(0, max) : printable;
    }
}
