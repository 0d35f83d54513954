package dk.egensag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The error cases through the Java API: each refusal is an {@link EgensagException} with the
 * library's code, path and JSON (the same bytes as the C test and core expect); misuse of
 * the Java object itself (a closed engine) is an {@link IllegalStateException}.
 */
class ErrorsTest {
    static final String POLICY = "{\"id\": \"p\", \"kle\": {\"include\": [{\"pattern\": \"*\"}]}}";
    static final String REQUEST = "{\"as_of\": \"2026-11-23\", \"subject\": {\"cpr\": \"0101901234\"},"
            + " \"viewer\": {\"cpr\": \"0101901234\", \"role\": \"self\"}}";

    /** Runs {@code call}, expecting a refusal with {@code code} and {@code path}. */
    static EgensagException refused(String code, String path, Executable call) {
        EgensagException e = assertThrows(EgensagException.class, call);
        assertEquals(code, e.getCode(), e.toString());
        if (path != null) {
            assertEquals(path, e.getPath(), e.toString());
        }
        assertFalse(e.getMessage().isEmpty(), "empty message");
        assertTrue(e.getJson().startsWith("{\"code\":\"" + code + "\",\"message\":\""), e.getJson());
        assertFalse(e.getJson().contains("0101901234"), "CPR in " + e.getJson());
        return e;
    }

    @Test
    void policyErrors() {
        EgensagException e = refused("null_argument", "policy", () -> new Engine(null));
        assertEquals("{\"code\":\"null_argument\",\"message\":\"expected a non-NULL pointer\",\"path\":\"policy\"}",
                e.getJson());
        assertEquals("EgensagException: null_argument at policy: expected a non-NULL pointer", e.toString());
        refused("invalid_json", null, () -> new Engine(POLICY.substring(0, POLICY.length() - 3)));
        // An empty string is empty text, not a missing one.
        refused("invalid_json", null, () -> new Engine(""));
        refused("invalid_json", null, () -> new Engine("not json"));
        EgensagException wrong = assertThrows(EgensagException.class, () -> new Engine("{\"id\": 1}"));
        assertTrue(wrong.getCode().equals("invalid_policy") || wrong.getCode().equals("invalid_input"),
                wrong.toString());
        refused("invalid_policy", null, () -> new Engine(POLICY, "<not a catalogue"));
    }

    @Test
    void requestErrors() {
        try (Engine engine = new Engine(POLICY)) {
            EgensagException e = refused("invalid_input", "",
                    () -> engine.overview("{\"as_of\": \"2026-11-23\"}"));
            assertEquals("{\"code\":\"invalid_input\",\"message\":\"missing field `subject`\",\"path\":\"\"}",
                    e.getJson());
            assertEquals("missing field `subject`", e.getMessage());
            refused("invalid_json", null, () -> engine.overview(REQUEST.substring(0, 30)));
            refused("invalid_json", null, () -> engine.explain("{"));
            refused("invalid_json", null, () -> engine.validate("[1,"));
            refused("null_argument", "request", () -> engine.overview(null));
            refused("null_argument", "request", () -> engine.validate(null));

            EgensagException notes = assertThrows(EgensagException.class, () -> engine.notifications("{}", "{}"));
            assertEquals("invalid_input", notes.getCode());
            assertTrue(notes.getPath().startsWith("previous"), notes.getPath());
            refused("null_argument", "current", () -> engine.notifications("{}", null));

            e = refused("invalid_input", "viewer.cpr",
                    () -> engine.represented("{\"as_of\": \"2026-11-23\", \"viewer\": {\"cpr\": \"3102901234\"}}"));
            assertFalse(e.getJson().contains("3102901234"), "CPR in a represented error");

            // The engine still works after all these errors.
            assertEquals("{\"valid\":true,\"problems\":[]}", engine.validate(REQUEST));
            assertEquals("{\"as_of\":\"2026-11-23\",\"policy\":\"p\",\"viewer_role\":\"self\",\"entries\":[]}",
                    engine.explain(REQUEST));
            String overview = engine.overview(REQUEST);
            assertTrue(overview.startsWith("{\"as_of\":\"2026-11-23\""), overview);
            assertFalse(overview.contains("0101901234"), "CPR in the overview");
            assertTrue(engine.notifications(overview, overview).contains("\"notifications\":[]"));
        }
    }

    /** Java text that is not valid UTF-16 reaches the library as bytes that are not UTF-8. */
    @Test
    void unpairedSurrogatesAreInvalidJson() {
        try (Engine engine = new Engine(POLICY)) {
            EgensagException e = refused("invalid_json", "",
                    () -> engine.overview("{\"as_of\": \"2026-11-23\", \"x\": \"\uD800\"}"));
            assertTrue(e.getMessage().startsWith("expected UTF-8 text"), e.getMessage());
            refused("invalid_json", "previous", () -> engine.notifications("\uDC00", "{}"));
            // with a '?' as well (which the encoder also writes for the surrogate), and without
            refused("invalid_json", "", () -> engine.validate("{\"as_of\": \"?\uDBFF\"}"));
            refused("invalid_input", "as_of", () -> engine.validate("{\"as_of\": \"?\", \"x\": \"\uD83D\uDE00\"}"));
            refused("invalid_json", "", () -> new Engine("{\"id\": \"\uD83D\"}"));
        }
        // A pair is one code point and fine: it comes back unchanged.
        try (Engine engine = new Engine("{\"id\": \"p\uD83D\uDE00\u00E6\", \"kle\": {\"include\": []}}")) {
            assertTrue(engine.explain(REQUEST).contains("\"policy\":\"p\uD83D\uDE00\u00E6\""));
        }
    }

    /** The …Utf8 twins: the same answers as bytes, and bytes that are not UTF-8 refused. */
    @Test
    void bytesVariants() {
        byte[] request = REQUEST.getBytes(StandardCharsets.UTF_8);
        try (Engine engine = new Engine(POLICY)) {
            assertArrayEquals(engine.overview(REQUEST).getBytes(StandardCharsets.UTF_8), engine.overviewUtf8(request));
            assertArrayEquals("{\"valid\":true,\"problems\":[]}".getBytes(StandardCharsets.UTF_8),
                    engine.validateUtf8(request));
            EgensagException e = refused("invalid_json", "",
                    () -> engine.overviewUtf8(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'}));
            assertEquals("expected UTF-8 text; invalid byte at offset 6", e.getMessage());
            refused("invalid_json", "previous", () -> engine.notificationsUtf8(new byte[] {(byte) 0x80}, request));
            refused("invalid_json", null, () -> engine.explainUtf8(new byte[0]));
            refused("null_argument", "request", () -> engine.representedUtf8(null));
            refused("null_argument", "sources", () -> engine.addSourcesUtf8(request, null));
        }
        refused("null_argument", "document", () -> Engine.sourcesUtf8("sf1470", null, "2026-11-23", null));
        assertArrayEquals(Engine.sources("sf1470", SAG, "2026-11-23", null).getBytes(StandardCharsets.UTF_8),
                Engine.sourcesUtf8("sf1470", SAG.getBytes(StandardCharsets.UTF_8), "2026-11-23", null));
    }

    @Test
    void closedEngine() {
        Engine engine = new Engine(POLICY);
        assertTrue(engine.overview(REQUEST).startsWith("{\"as_of\""));
        engine.close();
        engine.close(); // a second close does nothing
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> engine.overview(REQUEST));
        assertEquals("the egensag engine is closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> engine.explain(REQUEST));
        assertThrows(IllegalStateException.class, () -> engine.validate(REQUEST));
        assertThrows(IllegalStateException.class, () -> engine.represented(REQUEST));
        assertThrows(IllegalStateException.class, () -> engine.notifications("{}", "{}"));
        assertThrows(IllegalStateException.class, () -> engine.addSources(REQUEST, "{}"));
        assertThrows(IllegalStateException.class, () -> engine.overviewUtf8(new byte[] {'{', '}'}));
    }

    static final String SAG = "<Sag xmlns=\"urn:oio:sts:sagdok:sag:6\"><Registrering><AttributListe><Egenskaber>"
            + "<Sagsnummer>S-1</Sagsnummer><Titel>Sygedagpenge</Titel></Egenskaber>"
            + "</AttributListe></Registrering></Sag>";

    @Test
    void sources() {
        String read = Engine.sources("sf1470", SAG, "2026-11-23", "{\"source\": \"KSD\"}");
        // The case lacks the day it arose: read as a hidden (void) record and reported.
        assertTrue(read.contains("\"id\":\"S-1\"") && read.contains("\"code\":\"record.malformed\""), read);
        assertFalse(read.contains("Sygedagpenge"), "title in the problems");
        assertEquals(read, Engine.sources("sf1470", SAG, "2026-11-23", "{\"source\": \"KSD\"}"));
        try (Engine engine = new Engine(POLICY)) {
            assertTrue(engine.addSources(REQUEST, read).contains("\"S-1\""));
            EgensagException e = assertThrows(EgensagException.class,
                    () -> engine.addSources(REQUEST, "{\"plans\": []}"));
            assertEquals("invalid_input", e.getCode());
            assertTrue(e.getPath().startsWith("sources"), e.getPath());
            refused("null_argument", "sources", () -> engine.addSources(REQUEST, null));
        }
        refused("null_argument", "kind", () -> Engine.sources(null, SAG, "2026-11-23", null));
        refused("null_argument", "as_of", () -> Engine.sources("sf1470", SAG, null, null));
        refused("null_argument", "document", () -> Engine.sources("sf1470", null, "2026-11-23", null));
        refused("invalid_input", "kind", () -> Engine.sources("kombit", SAG, "2026-11-23", null));
        refused("invalid_input", "as_of", () -> Engine.sources("sf1470", SAG, "23-11-2026", null));
        refused("invalid_json", null, () -> Engine.sources("sf1470", SAG.substring(0, SAG.length() - 5),
                "2026-11-23", null));
        // A C string cannot hold a NUL: refused before the call rather than cut short.
        assertThrows(IllegalArgumentException.class, () -> Engine.sources("sf1470\0x", SAG, "2026-11-23", null));
        assertThrows(IllegalArgumentException.class, () -> Engine.sources("sf1470", SAG, "2026-11-23\0", null));
    }

    @Test
    void versions() {
        String expected = System.getProperty("egensag.expectedVersion");
        String version = Engine.version();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
        if (expected != null) {
            assertEquals(expected, version);
        }
        assertEquals(Integer.parseInt(version.substring(0, version.indexOf('.'))), Engine.abiVersion());
    }
}
