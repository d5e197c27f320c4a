package dev.onair.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' HTML, from templates with four kinds of placeholders: {@code {{>partial}}} (another
 * template, {@code _partial.html}), {@code {{key}}} (a message of
 * {@code messages_<lang>.properties}, HTML-escaped), {@code {{$name}}} (a value of this one
 * render, HTML-escaped) and {@code {{@lang}}} / {@code {{@messages}}} (the language tag; the
 * {@code js.*} messages as JSON for the scripts, in a data block that the CSP lets through because
 * it is never executed). Pages without values are rendered once per language and kept. A missing
 * key, value or partial fails the render: a page never shows a raw placeholder.
 */
public final class Templates {

    /** Hex digits of the body's SHA-256 in its ETag (128 bits). */
    private static final int ETAG_LENGTH = 32;
    /** Templates include templates this deep at most (a loop stops there). */
    private static final int MAX_INCLUDE_DEPTH = 4;
    /** Room for what the values add to a template, so the builder seldom grows. */
    private static final int HEADROOM = 1024;
    /** Room for the escapes of a JSON string. */
    private static final int ESCAPES_HEADROOM = 16;

    /** One rendered page: its bytes and their ETag. */
    public record Rendered(byte[] body, String etag) { }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([>@$]?)([A-Za-z0-9_.-]+)\\s*}}");
    private static final String BUNDLE = "dev.onair.web.messages";
    private static final String SCRIPT_PREFIX = "js.";

    private final Function<String, Optional<String>> source;
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    /** @param source the text of a template by file name ({@code home.html}), if there is one */
    public Templates(Function<String, Optional<String>> source) {
        this.source = source;
    }

    public static Templates fromClassLoader(ClassLoader loader, String folder) {
        return new Templates(name -> {
            try (InputStream in = loader.getResourceAsStream(folder + "/" + name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public Rendered page(String name, Language language) {
        return rendered.computeIfAbsent(name + "/" + language.tag(), key -> {
            byte[] body = render(name, language).getBytes(StandardCharsets.UTF_8);
            return new Rendered(body, "\"" + sha256(body).substring(0, ETAG_LENGTH) + "\"");
        });
    }

    String render(String name, Language language) {
        return render(name, language, Map.of());
    }

    /** A page with values of its own ({@code {{$name}}}), rendered anew each time. */
    public String render(String name, Language language, Map<String, String> values) {
        return expand(name, messages(language), values, language, 0);
    }

    /** The message of a key in a language, if there is one. */
    public static Optional<String> message(String key, Language language) {
        ResourceBundle messages = messages(language);
        return messages.containsKey(key) ? Optional.of(messages.getString(key)) : Optional.empty();
    }

    private static ResourceBundle messages(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private String expand(String name, ResourceBundle messages, Map<String, String> values, Language language, int depth) {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw new IllegalStateException("partials nest too deep at " + name);
        }
        String template = source.apply(name).orElseThrow(() -> new IllegalStateException("no template " + name));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + HEADROOM);
        while (m.find()) {
            String kind = m.group(1);
            String key = m.group(2);
            String value = switch (kind) {
                case ">" -> expand("_" + key + ".html", messages, values, language, depth + 1);
                case "$" -> {
                    if (!values.containsKey(key)) {
                        throw new IllegalStateException("no value " + key + " for " + name);
                    }
                    yield escapeHtml(values.get(key));
                }
                case "@" -> switch (key) {
                    case "lang" -> language.tag();
                    case "messages" -> scriptMessages(messages);
                    default -> throw new IllegalStateException("unknown {{@" + key + "}} in " + name);
                };
                default -> {
                    if (!messages.containsKey(key)) {
                        throw new IllegalStateException("no message " + key + " (" + language.tag() + ") for " + name);
                    }
                    yield escapeHtml(messages.getString(key));
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The js.* messages as a JSON object (keys without the prefix), safe inside a script data block. */
    static String scriptMessages(ResourceBundle messages) {
        Map<String, String> sorted = new TreeMap<>();
        for (String key : messages.keySet()) {
            if (key.startsWith(SCRIPT_PREFIX)) {
                sorted.put(key.substring(SCRIPT_PREFIX.length()), messages.getString(key));
            }
        }
        StringBuilder json = new StringBuilder("{");
        sorted.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(jsonString(key)).append(':').append(jsonString(value));
        });
        return json.append('}').toString();
    }

    static String jsonString(String value) {
        StringBuilder s = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                // never "</script" or "<!--" inside the data block
                case '<' -> s.append("\\u003c");
                case '>' -> s.append("\\u003e");
                case '&' -> s.append("\\u0026");
                case '\u2028' -> s.append("\\u2028");
                case '\u2029' -> s.append("\\u2029");
                default -> {
                    if (c < ' ') {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    static String escapeHtml(String text) {
        StringBuilder s = new StringBuilder(text.length() + ESCAPES_HEADROOM);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
