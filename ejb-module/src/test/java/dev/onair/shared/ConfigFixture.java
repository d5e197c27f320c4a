package dev.onair.shared;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A component's settings bean bound as in the server, for unit tests: the defaults from
 * {@code META-INF/microprofile-config.properties} (with their {@code ${key:default}} expressions
 * resolved, as MicroProfile Config resolves them), a test's values over them, through
 * {@link Settings#bind}. Not checked: a test calls {@link Settings.Checked#check()} when the rules
 * are what it is about.
 */
public final class ConfigFixture {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    private ConfigFixture() {
    }

    /** The defaults file, as keys and values. */
    public static Map<String, String> defaults() {
        Properties properties = new Properties();
        try (InputStream in = ConfigFixture.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    /** The defaults with {@code values} over them, as MicroProfile Config would answer. */
    public static MapConfig config(Map<String, String> values) {
        Map<String, String> all = defaults();
        all.putAll(values);
        Map<String, String> resolved = new HashMap<>();
        all.forEach((key, value) -> resolved.put(key, resolve(all, value)));
        return new MapConfig(resolved);
    }

    /** {@code type} bound to the defaults with {@code values} over them. */
    public static <T> T bind(Class<T> type, Map<String, String> values) {
        try {
            return Settings.bind(config(values), type.getDeclaredConstructor().newInstance());
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys {@code type} binds. */
    public static List<String> keys(Class<?> type) {
        String prefix = type.getAnnotation(Settings.Prefix.class).value();
        return Arrays.stream(type.getDeclaredFields()).map(field -> field.getAnnotation(ConfigProperty.class))
                .filter(Objects::nonNull).map(property -> prefix + "." + property.name()).toList();
    }

    private static String resolve(Map<String, String> all, String value) {
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String referenced = all.get(matcher.group(1));
            String replacement = referenced == null || referenced.isEmpty() ? matcher.group(2) : referenced;
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement == null ? "" : replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
