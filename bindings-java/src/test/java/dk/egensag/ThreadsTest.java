package dk.egensag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One engine shared by many threads, and closed while they use it. */
class ThreadsTest {
    static final int THREADS = 8;

    @Test
    void oneEngineManyThreads() throws Exception {
        Path dir = VectorsTest.vectorsDir().resolve("anna-self");
        String expected = VectorsTest.read(dir, "overview.json");
        String request = VectorsTest.read(dir, "request.json");
        int iterations = Integer.getInteger("egensag.threadIterations", 200);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (Engine engine = new Engine(VectorsTest.read(dir, "policy.json"), VectorsTest.read(dir, "catalogue.xml"))) {
            List<Future<Integer>> jobs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                jobs.add(pool.submit(() -> {
                    int same = 0;
                    for (int i = 0; i < iterations; i++) {
                        same += engine.overview(request).equals(expected) ? 1 : 0;
                    }
                    return same;
                }));
            }
            int same = 0;
            for (Future<Integer> job : jobs) {
                same += job.get();
            }
            assertEquals(THREADS * iterations, same, "overviews that equal overview.json");
        } finally {
            pool.shutdown();
        }
    }

    /**
     * close() while other threads call: every call either answers correctly or throws
     * IllegalStateException, and none that began after close() returned answers.
     */
    @Test
    void closeWhileInUse() throws Exception {
        Engine engine = new Engine(ErrorsTest.POLICY);
        String expected = engine.overview(ErrorsTest.REQUEST);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger answeredAfterClose = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            jobs.add(pool.submit(() -> {
                while (true) {
                    boolean wasClosed = closed.get();
                    try {
                        String got = engine.overview(ErrorsTest.REQUEST);
                        answered.incrementAndGet();
                        if (!got.equals(expected)) {
                            wrong.incrementAndGet();
                        }
                        if (wasClosed) {
                            answeredAfterClose.incrementAndGet();
                        }
                    } catch (IllegalStateException e) {
                        return;
                    }
                }
            }));
        }
        while (answered.get() < 1000) {
            Thread.onSpinWait();
        }
        engine.close();
        closed.set(true);
        for (Future<?> job : jobs) {
            job.get();
        }
        pool.shutdown();
        assertEquals(0, wrong.get(), "wrong answers");
        assertEquals(0, answeredAfterClose.get(), "answers to calls begun after close() returned");
        assertTrue(answered.get() >= 1000);
    }
}
