package dev.onair.system;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document the server publishes, linted by Redocly's CLI under its recommended rules
 * (as an integrator's tooling would read it): no errors. Warnings are printed, not failed on.
 * Every schema shows an example.
 */
class OpenApiLintIT {

    /** The Redocly CLI version, pinned so that a new rule does not fail an old build. */
    private static final String REDOCLY = "@redocly/cli@2.77.0";

    @Test
    void theDocumentLintsWithoutErrors() throws IOException, InterruptedException {
        Api.Reply document = new Api().get("/openapi", null);
        assertEquals(200, document.status());
        Path dir = Files.createDirectories(Path.of("target", "openapi-lint").toAbsolutePath());
        Path file = dir.resolve("openapi.yaml");
        Files.writeString(file, document.body(), StandardCharsets.UTF_8);
        Path output = dir.resolve("lint.txt");
        Process lint = new ProcessBuilder(List.of("npx", "--yes", REDOCLY, "lint", "--format=summary", file.toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(lint.waitFor(5, TimeUnit.MINUTES), "redocly lint finished");
        String report = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(report);
        assertEquals(0, lint.exitValue(), report);
        assertTrue(report.lines().noneMatch(line -> line.startsWith("error")), report);
    }

    @Test
    void everySchemaHasAnExample() {
        JsonObject schemas = new Api().get("/openapi?format=JSON", null).json().getJsonObject("components").getJsonObject("schemas");
        List<String> without = schemas.keySet().stream().filter(name -> !exemplified(schemas.getJsonObject(name))).toList();
        assertEquals(List.of(), without, "schemas without an example");
    }

    /**
     * An example of the whole (OpenAPI 3.1's {@code examples}, or 3.0's {@code example}), an enumeration
     * of its values, or an example (or another schema) for each of its properties.
     */
    private static boolean exemplified(JsonObject schema) {
        if (hasExample(schema) || schema.containsKey("enum")) {
            return true;
        }
        JsonObject properties = schema.getJsonObject("properties");
        return properties != null && properties.values().stream().map(JsonValue::asJsonObject)
                .allMatch(property -> hasExample(property) || property.containsKey("$ref") || property.containsKey("enum"));
    }

    private static boolean hasExample(JsonObject schema) {
        return schema.containsKey("examples") || schema.containsKey("example");
    }
}
