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
 * Every vector runs twice: through the String methods and through their {@code …Utf8} twins.
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

    /**
     * The engine's calls on UTF-8 bytes, through either the String methods or their
     * {@code …Utf8} twins: the runner below is the same for both.
     */
    interface Api {
        byte[] sources(String kind, byte[] document, String asOf, byte[] profile);

        byte[] addSources(Engine engine, byte[] request, byte[] sources);

        byte[] overview(Engine engine, byte[] request);

        byte[] explain(Engine engine, byte[] request);

        byte[] notifications(Engine engine, byte[] previous, byte[] current);

        byte[] represented(Engine engine, byte[] request);
    }

    static String s(byte[] utf8) {
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static final Api STRINGS = new Api() {
        public byte[] sources(String kind, byte[] document, String asOf, byte[] profile) {
            return b(Engine.sources(kind, s(document), asOf, s(profile)));
        }

        public byte[] addSources(Engine engine, byte[] request, byte[] sources) {
            return b(engine.addSources(s(request), s(sources)));
        }

        public byte[] overview(Engine engine, byte[] request) {
            return b(engine.overview(s(request)));
        }

        public byte[] explain(Engine engine, byte[] request) {
            return b(engine.explain(s(request)));
        }

        public byte[] notifications(Engine engine, byte[] previous, byte[] current) {
            return b(engine.notifications(s(previous), s(current)));
        }

        public byte[] represented(Engine engine, byte[] request) {
            return b(engine.represented(s(request)));
        }
    };

    static final Api BYTES = new Api() {
        public byte[] sources(String kind, byte[] document, String asOf, byte[] profile) {
            return Engine.sourcesUtf8(kind, document, asOf, profile);
        }

        public byte[] addSources(Engine engine, byte[] request, byte[] sources) {
            return engine.addSourcesUtf8(request, sources);
        }

        public byte[] overview(Engine engine, byte[] request) {
            return engine.overviewUtf8(request);
        }

        public byte[] explain(Engine engine, byte[] request) {
            return engine.explainUtf8(request);
        }

        public byte[] notifications(Engine engine, byte[] previous, byte[] current) {
            return engine.notificationsUtf8(previous, current);
        }

        public byte[] represented(Engine engine, byte[] request) {
            return engine.representedUtf8(request);
        }
    };

    static byte[] bytes(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readAllBytes(file) : null;
    }

    /** The request with the records of the vector's index documents added. */
    static byte[] addSources(Api api, Path dir, Engine engine, byte[] request) throws IOException {
        byte[] profile = bytes(dir, "source-profile.json");
        for (String kind : List.of("sf1470", "ydelsesindeks")) {
            byte[] document = bytes(dir, kind + ".xml");
            if (document == null) {
                continue;
            }
            byte[] records = api.sources(kind, document, asOf(s(request)), profile);
            request = api.addSources(engine, request, records);
        }
        return request;
    }

    /** The outputs of one vector, by file name (mirrors run_vector in core/tests/vectors.rs). */
    static Map<String, byte[]> run(Api api, Path dir) throws IOException {
        String policy = read(dir, "policy.json");
        byte[] request = bytes(dir, "request.json");
        assertNotNull(policy, dir + ": policy.json");
        String catalogue = read(dir, "catalogue.xml");
        if (catalogue == null) {
            catalogue = read(dir, "catalogue.json");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        Engine engine;
        try {
            engine = new Engine(policy, catalogue);
        } catch (EgensagException e) {
            out.put("error.json", b(e.getJson()));
            return out;
        }
        try (engine) {
            byte[] withSources;
            byte[] overview;
            try {
                withSources = addSources(api, dir, engine, request);
                overview = api.overview(engine, withSources);
            } catch (EgensagException e) {
                out.put("error.json", b(e.getJson()));
                return out;
            }
            out.put("overview.json", overview);
            out.put("explanation.json", orError(() -> api.explain(engine, withSources)));
            byte[] previous = bytes(dir, "previous.json");
            if (previous != null) {
                out.put("notifications.json", orError(() -> api.notifications(engine, previous, overview)));
            }
            byte[] represented = bytes(dir, "represented-request.json");
            if (represented != null) {
                out.put("represented.json", orError(() -> api.represented(engine, represented)));
            }
        }
        return out;
    }

    interface Call {
        byte[] call();
    }

    static byte[] orError(Call call) {
        try {
            return call.call();
        } catch (EgensagException e) {
            return b(e.getJson());
        }
    }

    /** Every vector through {@code api}, each output compared byte for byte. */
    static Stream<DynamicTest> runAll(Api api) throws IOException {
        List<Path> dirs = vectors();
        assertTrue(dirs.size() >= 100, "expected the conformance vectors, found " + dirs.size());
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Map<String, byte[]> outputs = run(api, dir);
            for (String name : OUTPUTS) {
                Path expected = dir.resolve(name);
                byte[] got = outputs.get(name);
                if (Files.exists(expected)) {
                    assertNotNull(got, name + " expected but not produced");
                    assertArrayEquals(Files.readAllBytes(expected), got, name + " differs");
                } else {
                    assertNull(got, name + " produced but not expected");
                }
            }
        }));
    }

    /** Through the String methods (files decoded as UTF-8, outputs encoded back). */
    @TestFactory
    Stream<DynamicTest> everyVector() throws IOException {
        return runAll(STRINGS);
    }

    /** Through the {@code …Utf8} methods (the files' bytes in, bytes out). */
    @TestFactory
    Stream<DynamicTest> everyVectorAsBytes() throws IOException {
        return runAll(BYTES);
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
