package dk.egensag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conformance vector under {@code tests/vectors/} (the system property
 * {@code egensag.vectors}, default {@code tests/vectors}) through the Java API exactly as
 * {@code core/tests/vectors.rs} and the C and JavaScript runners do, and compares each output
 * byte for byte with its expected file; an expected file that is absent must not be produced.
 */
class VectorsTest {
    static final List<String> OUTPUTS = List.of(
            "overview.json", "explanation.json", "notifications.json", "represented.json",
            "error.json");

    static Path vectorsDir() {
        return Path.of(System.getProperty("egensag.vectors", "tests/vectors"));
    }

    /** The vector folders (those with a request.json), sorted by name. */
    static List<Path> vectors() throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> entries = Files.list(vectorsDir())) {
            entries.filter(d -> Files.isRegularFile(d.resolve("request.json")))
                    .sorted()
                    .forEach(dirs::add);
        }
        return dirs;
    }

    static String read(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    private static final Pattern AS_OF = Pattern.compile("\"as_of\"\\s*:\\s*\"([^\"]*)\"");

    /** The request's as_of: the vectors' request.json files have one at the top level. */
    static String asOf(String request) {
        Matcher m = AS_OF.matcher(request);
        if (!m.find()) {
            fail("request.json has no as_of");
        }
        return m.group(1);
    }

    /** The request with the records of the vector's index documents added. */
    static String addSources(Path dir, Engine engine, String request) throws IOException {
        String profile = read(dir, "source-profile.json");
        for (String kind : List.of("sf1470", "ydelsesindeks")) {
            String document = read(dir, kind + ".xml");
            if (document == null) {
                continue;
            }
            String records = Engine.sources(kind, document, asOf(request), profile);
            request = engine.addSources(request, records);
        }
        return request;
    }

    /** The outputs of one vector, by file name (mirrors run_vector in core/tests/vectors.rs). */
    static Map<String, String> run(Path dir) throws IOException {
        String policy = read(dir, "policy.json");
        String request = read(dir, "request.json");
        assertNotNull(policy, dir + ": policy.json");
        String catalogue = read(dir, "catalogue.xml");
        if (catalogue == null) {
            catalogue = read(dir, "catalogue.json");
        }
        Map<String, String> out = new LinkedHashMap<>();
        Engine engine;
        try {
            engine = new Engine(policy, catalogue);
        } catch (EgensagException e) {
            out.put("error.json", e.getJson());
            return out;
        }
        try (engine) {
            String withSources;
            String overview;
            try {
                withSources = addSources(dir, engine, request);
                overview = engine.overview(withSources);
            } catch (EgensagException e) {
                out.put("error.json", e.getJson());
                return out;
            }
            out.put("overview.json", overview);
            out.put("explanation.json", orError(() -> engine.explain(withSources)));
            String previous = read(dir, "previous.json");
            if (previous != null) {
                out.put("notifications.json", orError(() -> engine.notifications(previous, overview)));
            }
            String represented = read(dir, "represented-request.json");
            if (represented != null) {
                out.put("represented.json", orError(() -> engine.represented(represented)));
            }
        }
        return out;
    }

    interface Call {
        String call();
    }

    static String orError(Call call) {
        try {
            return call.call();
        } catch (EgensagException e) {
            return e.getJson();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVector() throws IOException {
        List<Path> dirs = vectors();
        assertTrue(dirs.size() >= 100, "expected the conformance vectors, found " + dirs.size());
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Map<String, String> outputs = run(dir);
            for (String name : OUTPUTS) {
                Path expected = dir.resolve(name);
                String got = outputs.get(name);
                if (Files.exists(expected)) {
                    assertNotNull(got, name + " expected but not produced");
                    assertArrayEquals(Files.readAllBytes(expected), got.getBytes(StandardCharsets.UTF_8),
                            name + " differs");
                } else {
                    assertNull(got, name + " produced but not expected");
                }
            }
        }));
    }

    /** Every kind of expected output occurs somewhere, so none of the branches above is idle. */
    @TestFactory
    Stream<DynamicTest> everyOutputIsExercised() throws IOException {
        List<Path> dirs = vectors();
        return OUTPUTS.stream().map(name -> DynamicTest.dynamicTest(name, () ->
                assertFalse(dirs.stream().noneMatch(d -> Files.exists(d.resolve(name))),
                        "no vector expects " + name)));
    }
}
