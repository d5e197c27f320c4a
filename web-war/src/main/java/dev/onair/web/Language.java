package dev.onair.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a page is rendered in: Korean unless the browser prefers English. An explicit
 * choice (the {@code lang} query parameter, remembered in a cookie) wins over the browser's
 * Accept-Language.
 */
public enum Language {

    KO("ko"), EN("en");

    public static final Language DEFAULT = KO;

    /** A longer Accept-Language is not read (no browser sends one). */
    private static final int MAX_HEADER_LENGTH = 1000;

    /** The cookie that remembers an explicit choice ({@code ?lang=} on a page). */
    public static final String COOKIE = "onair_lang";

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language of a tag such as {@code en-US}, if OnAir speaks it. */
    public static Optional<Language> of(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String primary = tag.trim().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        if (dash >= 0) {
            primary = primary.substring(0, dash);
        }
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The first language of the chosen one, then the header's by descending q, that OnAir speaks; else Korean. */
    public static Language pick(String chosen, String acceptLanguage) {
        return of(chosen).orElseGet(() -> fromHeader(acceptLanguage));
    }

    static Language fromHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER_LENGTH) {
            return DEFAULT;
        }
        record Range(String tag, double q, int order) { }
        List<Range> ranges = new ArrayList<>();
        String[] parts = acceptLanguage.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] fields = parts[i].split(";");
            double q = 1.0;
            for (int f = 1; f < fields.length; f++) {
                String parameter = fields[f].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0) {
                ranges.add(new Range(fields[0], q, i));
            }
        }
        return ranges.stream()
                .sorted(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order))
                .map(r -> of(r.tag()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(DEFAULT);
    }
}
