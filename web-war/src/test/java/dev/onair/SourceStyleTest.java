package dev.onair;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Habits the compiler does not check, on the sources of the EJB module and the WAR: imports in
 * one order (ours and the libraries', then {@code java.*}, then static ones, each sorted), each
 * used, no fully-qualified class names in code (import the class; a name clash is a reason to
 * rename), and no number in code but 0, 1, 2 and a half without a name (a constant, or a standard
 * one such as {@code HttpURLConnection.HTTP_NOT_FOUND}), except in the few files that implement a
 * numeric format.
 */
class SourceStyleTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../ejb-module/src/main/java"));
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.@])(?:java|javax|jakarta|org|software|com|dev)\\.(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*");

    /** A number in code: decimal, hexadecimal or floating point, not part of a name. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])((?:0x[0-9a-fA-F_]+|\\d[\\d_]*(?:\\.\\d+)?)[lLdDfF]?)(?![\\w.])");
    /** Numbers that say what they are where they stand: none, one, a pair, a half. */
    private static final Set<String> PLAIN = Set.of("0", "1", "2", "0.0", "1.0", "0.5");
    /**
     * Files that implement a numeric format, where the numbers are the format's own (offsets, masks,
     * widths as its specification gives them) and naming each would hide the layout it follows.
     */
    private static final Map<String, String> NUMERIC_FORMATS = Map.of(
            "TsTiming.java", "MPEG-TS packet and PES header layout (ISO/IEC 13818-1)",
            "ClientAddresses.java", "IPv4 and IPv6 address bits and CIDR prefixes",
            "RateLimits.java", "IPv4 and IPv6 address bits (a client's /64 or /32)",
            "Devices.java", "IPv4 and IPv6 address bits (the network a sign-in came from)");

    private static List<Path> javaFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void theSourcesAreThere() throws IOException {
        assertTrue(javaFiles().size() > 100, "both modules' sources are read");
    }

    @Test
    void importsAreInOneOrder() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : javaFiles()) {
            List<String> imports = Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")).toList();
            List<String> expected = new ArrayList<>();
            expected.addAll(imports.stream().filter(l -> !l.startsWith("import static ") && !isJava(l)).sorted().toList());
            expected.addAll(imports.stream().filter(SourceStyleTest::isJava).sorted().toList());
            expected.addAll(imports.stream().filter(l -> l.startsWith("import static ")).sorted().toList());
            if (!expected.equals(imports)) {
                wrong.add(file.toString());
            }
        }
        assertEquals(List.of(), wrong, "ours and the libraries' imports, then java.*, then static ones, each sorted");
    }

    @Test
    void codeNamesClassesByTheirImports() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            codeLines(file, (number, line) -> {
                if (QUALIFIED.matcher(withoutStrings(line)).find()) {
                    found.add(file + ":" + number + ": " + line);
                }
            });
        }
        assertEquals(List.of(), found, "import the class instead of naming its package in code");
    }

    @Test
    void numbersHaveNames() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (NUMERIC_FORMATS.containsKey(file.getFileName().toString())) {
                continue;
            }
            codeLines(file, (number, line) -> {
                if (line.startsWith("@") || line.contains("static final ")) {
                    return; // annotations, and the constants that name the numbers
                }
                String code = withoutStrings(line).replaceAll("'(?:[^'\\\\]|\\\\.)+'", "''")
                        .replaceAll("@\\w+\\([^)]*\\)", "").replaceAll("//.*$", "");
                Matcher literal = NUMBER.matcher(code);
                while (literal.find()) {
                    if (!PLAIN.contains(literal.group(1).toLowerCase(Locale.ROOT).replaceAll("[ldf]$", ""))) {
                        found.add(file + ":" + number + ": " + line);
                        return;
                    }
                }
            });
        }
        assertEquals(List.of(), found, "name the number: a constant says what it is and is changed in one place");
    }

    @Test
    void everyImportIsUsed() throws IOException {
        List<String> unused = new ArrayList<>();
        Pattern line = Pattern.compile("^import (?:static )?[\\w.]+\\.(\\w+);$", Pattern.MULTILINE);
        for (Path file : javaFiles()) {
            String text = Files.readString(file);
            String body = text.replaceAll("(?m)^import .*$", "");
            Matcher m = line.matcher(text);
            while (m.find()) {
                if (!Pattern.compile("\\b" + m.group(1) + "\\b").matcher(body).find()) {
                    unused.add(file + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), unused);
    }

    /** Hands each line of code of {@code file} (stripped, with its number) to {@code each}: no comment, import or package line. */
    private static void codeLines(Path file, BiConsumer<Integer, String> each) throws IOException {
        List<String> lines = Files.readAllLines(file);
        boolean comment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("/*")) {
                comment = true;
            }
            boolean skip = comment || line.startsWith("*") || line.startsWith("//") || line.startsWith("import ")
                    || line.startsWith("package ");
            if (line.contains("*/")) {
                comment = false;
            }
            if (!skip) {
                each.accept(i + 1, line);
            }
        }
    }

    private static boolean isJava(String importLine) {
        return importLine.startsWith("import java.") || importLine.startsWith("import javax.");
    }

    private static String withoutStrings(String line) {
        return line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }
}
