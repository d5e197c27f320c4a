package dev.onair;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Habits the compiler does not check, on the sources of the EJB module and the WAR: imports in
 * one order (ours and the libraries', then {@code java.*}, then static ones, each sorted), each
 * used, and no fully-qualified class names in code (import the class; a name clash is a reason
 * to rename).
 */
class SourceStyleTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../ejb-module/src/main/java"));
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.@])(?:java|javax|jakarta|org|software|com|dev)\\.(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*");

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
                if (!skip && QUALIFIED.matcher(withoutStrings(line)).find()) {
                    found.add(file + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertEquals(List.of(), found, "import the class instead of naming its package in code");
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

    private static boolean isJava(String importLine) {
        return importLine.startsWith("import java.") || importLine.startsWith("import javax.");
    }

    private static String withoutStrings(String line) {
        return line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }
}
