package dk.egensag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * 100,000 calls through every kind of result the library hands over (overview, explanation,
 * validation report, notifications, an error, a new engine now and then), checking that the
 * process's resident memory (VmRSS) stays flat: everything returned is freed through the
 * library's free functions.
 *
 * <p>Each overview is 13 KB, so leaking only the returned overviews would add about 230 MB
 * over the measured 90,000 calls; leaking only the errors (skipping {@code egensag_error_free})
 * was measured to add 77 MB, and fails this test. The bound
 * (system property {@code egensag.rssBoundKb}, default 8,192 KB) is on growth after a
 * warm-up of 10,000 calls. scripts/test-java.sh fixes the Java heap ({@code -Xms} = {@code
 * -Xmx}, {@code -XX:+AlwaysPreTouch}), so the heap's own growth does not count.
 */
class MemoryTest {
    static final int CALLS = 100_000;
    static final int WARM_UP = 10_000;

    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }

    @Test
    void residentMemoryStaysFlat() throws IOException {
        Path dir = VectorsTest.vectorsDir().resolve("anna-self");
        String policy = VectorsTest.read(dir, "policy.json");
        String catalogue = VectorsTest.read(dir, "catalogue.xml");
        String request = VectorsTest.read(dir, "request.json");
        String expected = VectorsTest.read(dir, "overview.json");
        long bound = Long.getLong("egensag.rssBoundKb", 8192);
        long before = 0;
        long checksum = 0;
        Engine engine = new Engine(policy, catalogue);
        try {
            for (int i = 0; i < CALLS; i++) {
                if (i == WARM_UP) {
                    System.gc();
                    before = rssKb();
                }
                switch (i % 5) {
                    case 0:
                        String overview = engine.overview(request);
                        assertEquals(expected.length(), overview.length());
                        checksum += overview.length();
                        break;
                    case 1:
                        checksum += engine.explain(request).length();
                        break;
                    case 2:
                        checksum += engine.notifications(expected, expected).length();
                        break;
                    case 3:
                        try {
                            engine.overview("{\"as_of\": \"2026-11-23\"}");
                            throw new AssertionError("a request without subject was answered");
                        } catch (EgensagException e) {
                            checksum += e.getJson().length();
                        }
                        break;
                    default:
                        if (i % 1000 == 4) {
                            // the engine, too, is freed (and the cleaner finds nothing left)
                            engine.close();
                            engine = new Engine(policy, catalogue);
                        } else {
                            checksum += engine.validate(request).length();
                        }
                }
            }
        } finally {
            engine.close();
        }
        System.gc();
        long after = rssKb();
        System.out.printf("memory: %,d calls; VmRSS %,d kB after %,d calls, %,d kB at the end (growth %,d kB, bound %,d kB)%n",
                CALLS, before, WARM_UP, after, after - before, bound);
        assertTrue(checksum > 0);
        assertTrue(after - before < bound,
                "VmRSS grew by " + (after - before) + " kB over " + (CALLS - WARM_UP) + " calls");
    }
}
