package dev.onair.shared;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How OnAir reads its settings. Each component has one settings bean ({@link Bound}): fields
 * annotated with MicroProfile Config's {@link ConfigProperty} name its keys under its
 * {@link Prefix}, {@link #bind} fills them from MicroProfile Config, and {@link Checked#check()}
 * applies the rules below. The defaults live only in {@code META-INF/microprofile-config.properties}.
 * <p>
 * The rules are the same everywhere, so that a value means the same wherever it is used: an empty
 * value is "not set"; a duration is ISO-8601 and positive, and zero means "off" only where a key
 * says it can be off (the same for a port); a number has a range; a URL is absolute http(s);
 * true/false are the only booleans. A value that breaks a rule stops OnAir at start-up
 * ({@link SettingsCheck}) with an {@link InvalidSetting} naming the key, the rule and the value.
 * {@link #string} reads the few keys whose names are not fixed (a sign-in provider's) or that are
 * read anew on each use.
 * <p>
 * Why not MicroProfile Config's own {@code @ConfigProperties} beans: its implementation here binds
 * them through the thread's context class loader, which in OnAir's EAR is the web module's on a
 * request thread and the EJB module's elsewhere, so a bean first made on a request failed with
 * SRCFG00027 ("Could not find a mapping"). Binding the annotated fields from the injected
 * {@link Config} works from every thread, and keeps the rules and messages ours.
 */
public final class Settings {

    /** The highest TCP port. */
    public static final int MAX_PORT = 65535;

    private Settings() {
    }

    /** The prefix of a settings bean's keys: a field's key is {@code prefix + "." + name}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Prefix {
        String value();
    }

    /**
     * A component's settings bean: bound from MicroProfile Config and checked whenever one is made
     * (a consumer's injection, or {@link SettingsCheck} at start-up). {@code @Dependent}, so that
     * consumers read its fields directly, without a proxy in between.
     */
    public abstract static class Bound implements Checked {

        @Inject
        Config config;

        @PostConstruct
        void load() {
            Settings.bind(config, this);
            check();
        }
    }

    /**
     * Fills {@code target}'s {@link ConfigProperty} fields from {@code config}: String, int,
     * double, {@link Duration}, a comma-separated {@code List<String>}, or {@code Optional} of one of
     * them for a key that may be unset. A required key without a value, or a value of the wrong
     * form, is an {@link InvalidSetting}.
     */
    public static <T> T bind(Config config, T target) {
        String prefix = target.getClass().getAnnotation(Prefix.class).value();
        for (Class<?> type = target.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                ConfigProperty property = field.getAnnotation(ConfigProperty.class);
                if (property == null || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                String key = prefix + "." + property.name();
                Optional<String> value = config.getOptionalValue(key, String.class).filter(v -> !v.trim().isEmpty());
                try {
                    field.setAccessible(true);
                    field.set(target, value(key, value, field.getGenericType()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot set " + field, e);
                }
            }
        }
        return target;
    }

    private static Object value(String key, Optional<String> value, Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            return value.map(text -> convert(key, text, parameterized.getActualTypeArguments()[0]));
        }
        return convert(key, value.orElseThrow(() -> new InvalidSetting(key, "set (its default is in microprofile-config.properties)", "")), type);
    }

    private static Object convert(String key, String text, Type type) {
        String trimmed = text.trim();
        if (type == String.class) {
            return text;
        } else if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        } else if (type == int.class || type == Integer.class) {
            try {
                return Integer.parseInt(trimmed);
            } catch (NumberFormatException e) {
                throw new InvalidSetting(key, "a whole number", text);
            }
        } else if (type == double.class) {
            try {
                return Double.parseDouble(trimmed);
            } catch (NumberFormatException e) {
                throw new InvalidSetting(key, "a number", text);
            }
        } else if (type == Duration.class) {
            try {
                return Duration.parse(trimmed);
            } catch (DateTimeParseException e) {
                throw new InvalidSetting(key, "an ISO-8601 duration such as PT2S", text);
            }
        }
        throw new IllegalArgumentException("settings of type " + type + " are not supported (" + key + ")");
    }

    /** A setting's value broke one of the rules; the message names the key and what it must be. */
    public static final class InvalidSetting extends IllegalStateException {

        private static final long serialVersionUID = 1L;
        private final String key;

        public InvalidSetting(String key, String rule, Object value) {
            super(key + " must be " + rule + ", not '" + value + "'");
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** A component's settings bean: {@link #check()} applies the rules to every value. */
    public interface Checked {

        /** Throws {@link InvalidSetting} for the first value that breaks a rule. */
        void check();
    }

    /** A duration above zero. */
    public static Duration positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new InvalidSetting(key, "a positive ISO-8601 duration such as PT2S", value);
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSetting(key, "a number from " + min + " to " + max, value);
        }
        return value;
    }

    /** A number above zero and below one. */
    public static double fraction(String key, double value) {
        if (!(value > 0 && value < 1)) {
            throw new InvalidSetting(key, "a number between 0 and 1", value);
        }
        return value;
    }

    /** A TCP port a listener binds. */
    public static int port(String key, int value) {
        return between(key, value, 1, MAX_PORT);
    }

    /** A TCP port, or 0 for "off": empty. */
    public static Optional<Integer> portOrOff(String key, int value) {
        if (value < 0 || value > MAX_PORT) {
            throw new InvalidSetting(key, "a port from 1 to 65535, or 0 for off", value);
        }
        return value == 0 ? Optional.empty() : Optional.of(value);
    }

    /** An absolute http or https URL without a query, without its trailing slash. */
    public static URI httpUrl(String key, String value) {
        try {
            URI uri = new URI(value.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new InvalidSetting(key, "an http(s) URL without a query", value);
            }
            String text = uri.toString();
            return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw new InvalidSetting(key, "an http(s) URL without a query", value);
        }
    }

    /** {@code true} or {@code false}, ignoring case: nothing else, so that a typo is not read as false. */
    public static boolean bool(String key, String value) {
        String trimmed = value.trim();
        if (!trimmed.equalsIgnoreCase("true") && !trimmed.equalsIgnoreCase("false")) {
            throw new InvalidSetting(key, "true or false", value);
        }
        return Boolean.parseBoolean(trimmed);
    }

    /** A list's entries trimmed, empty ones left out. */
    public static List<String> entries(Optional<List<String>> values) {
        return values.orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** One of {@code allowed}, ignoring case. */
    public static String oneOf(String key, String value, List<String> allowed) {
        String trimmed = value.trim();
        return allowed.stream().filter(trimmed::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> new InvalidSetting(key, "one of " + String.join(", ", allowed), value));
    }
}
