package dk.egensag;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A compiled egensag policy (with an optional KLE catalogue), calling libegensag.
 *
 * <p>Everything goes in and out as JSON text: each method returns the library's exact JSON,
 * the same bytes as the Rust, C and JavaScript APIs (parse it with the JSON library of your
 * choice). A refused input throws {@link EgensagException} with a code and a path. Each
 * method has a {@code …Utf8} twin taking and returning UTF-8 bytes, which saves the
 * conversion to and from {@code String} when the JSON library reads and writes bytes
 * anyway (for a megabyte request that conversion is a noticeable part of the call).
 *
 * <pre>{@code
 * try (Engine engine = new Engine(policyJson, catalogueXml)) {  // compile once, reuse
 *     String overview = engine.overview(requestJson);             // {"as_of":…}
 * } catch (EgensagException e) {
 *     System.err.println(e.getCode() + " " + e.getPath());        // invalid_input cases[3].kle
 * }
 * }</pre>
 *
 * <p><b>Threads</b>: an engine is immutable; any number of threads may call it at once.
 * {@link #close} waits for calls in progress, frees the C engine, and makes later calls
 * throw {@link IllegalStateException}. An engine that is never closed is freed when it
 * becomes unreachable.
 *
 * <p><b>Loading</b>: the native library {@code libegensag} is found through the system
 * property {@code jna.library.path}, {@code LD_LIBRARY_PATH} or the system's library paths.
 */
public final class Engine implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    /** The C engine; shared with the cleaner, which must not refer to the Engine. */
    private static final class Handle implements Runnable {
        private volatile long peer;

        Handle(long peer) {
            this.peer = peer;
        }

        @Override
        public void run() {
            long engine = peer;
            peer = 0;
            LibEgensag.egensag_engine_free(engine);
        }
    }

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    /** Calls hold the read lock; {@link #close} takes the write lock. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * Compiles a policy without a KLE catalogue.
     *
     * @param policy the policy (JSON)
     * @throws EgensagException when the policy is refused ({@code invalid_json},
     *     {@code invalid_policy}, {@code null_argument} for {@code null}, …)
     */
    public Engine(String policy) {
        this(policy, null);
    }

    /**
     * Compiles a policy with a KLE catalogue.
     *
     * @param policy the policy (JSON)
     * @param catalogue the KLE catalogue: KLE-online XML (recognised by a leading {@code <})
     *     or JSON; {@code null} for none
     * @throws EgensagException when the policy or the catalogue is refused
     */
    public Engine(String policy, String catalogue) {
        byte[] p = LibEgensag.utf8(policy);
        byte[] c = LibEgensag.utf8(catalogue);
        long[] out = new long[1];
        long[] err = new long[1];
        int status = LibEgensag.egensag_engine_new(
                p, LibEgensag.length(p), c, LibEgensag.length(c), out, err);
        if (status != LibEgensag.OK) {
            throw LibEgensag.takeError(status, err[0]);
        }
        handle = new Handle(out[0]);
        cleanable = CLEANER.register(this, handle);
    }

    /**
     * The citizen's overview: a request (JSON) in, the overview (JSON) out.
     *
     * @throws EgensagException when the request is refused
     * @throws IllegalStateException when the engine is closed
     */
    public String overview(String request) {
        return call(LibEgensag::egensag_overview, request);
    }

    /** {@link #overview} on UTF-8 bytes: the request's bytes in, the overview's bytes out. */
    public byte[] overviewUtf8(byte[] request) {
        return call(LibEgensag::egensag_overview, request);
    }

    /**
     * Every record's decision with its reasons and rules: a request (JSON) in, the
     * explanation (JSON) out.
     *
     * @throws EgensagException when the request is refused
     * @throws IllegalStateException when the engine is closed
     */
    public String explain(String request) {
        return call(LibEgensag::egensag_explain, request);
    }

    /** {@link #explain} on UTF-8 bytes. */
    public byte[] explainUtf8(byte[] request) {
        return call(LibEgensag::egensag_explain, request);
    }

    /**
     * What the engine would hide because a source wrote it wrong: a request (JSON) in, the
     * report (JSON, {@code {"valid":…,"problems":[…]}}) out.
     *
     * @throws EgensagException when the request is refused
     * @throws IllegalStateException when the engine is closed
     */
    public String validate(String request) {
        return call(LibEgensag::egensag_validate, request);
    }

    /** {@link #validate} on UTF-8 bytes. */
    public byte[] validateUtf8(byte[] request) {
        return call(LibEgensag::egensag_validate, request);
    }

    /**
     * Whom the viewer may act for: a represented request (JSON: {@code as_of},
     * {@code viewer}, {@code mandates}, …) in, one entry per usable mandate (JSON) out.
     *
     * @throws EgensagException when the request is refused
     * @throws IllegalStateException when the engine is closed
     */
    public String represented(String request) {
        return call(LibEgensag::egensag_represented, request);
    }

    /** {@link #represented} on UTF-8 bytes. */
    public byte[] representedUtf8(byte[] request) {
        return call(LibEgensag::egensag_represented, request);
    }

    /**
     * The notifications from an earlier overview to a later one of the same subject: two
     * overviews (JSON, as {@link #overview} returns them) in, notifications (JSON) out. Error
     * paths start with {@code previous} or {@code current}.
     *
     * @throws EgensagException when an overview is refused
     * @throws IllegalStateException when the engine is closed
     */
    public String notifications(String previous, String current) {
        return call(LibEgensag::egensag_notifications, previous, current);
    }

    /** {@link #notifications} on UTF-8 bytes. */
    public byte[] notificationsUtf8(byte[] previous, byte[] current) {
        return call(LibEgensag::egensag_notifications, previous, current);
    }

    /**
     * Adds the records of a {@link #sources} result to a request: the request with those
     * records after its own (JSON) out, ready for {@link #overview}. Error paths in the
     * sources result start with {@code sources}.
     *
     * @throws EgensagException when the request or the sources result is refused
     * @throws IllegalStateException when the engine is closed
     */
    public String addSources(String request, String sources) {
        return call(LibEgensag::egensag_add_sources, request, sources);
    }

    /** {@link #addSources} on UTF-8 bytes. */
    public byte[] addSourcesUtf8(byte[] request, byte[] sources) {
        return call(LibEgensag::egensag_add_sources, request, sources);
    }

    /**
     * Reads a KOMBIT index document into egensag's records (no engine needed).
     *
     * @param kind {@code "sf1470"} (an SF1470 {@code Sag} document, into cases) or
     *     {@code "ydelsesindeks"} ({@code BevillingIndeks} and
     *     {@code OekonomiskEffektueringIndeks}, into benefits)
     * @param document the index document (XML)
     * @param asOf the day relations are evaluated on, {@code "YYYY-MM-DD"}
     * @param profile the source profile (JSON), or {@code null} for the published defaults
     * @return {@code {"cases": […], "problems": […]}} (or {@code "benefits"}), for
     *     {@link #addSources}
     * @throws EgensagException when an argument is refused
     * @throws IllegalArgumentException when {@code kind} or {@code asOf} contains a NUL
     *     character (a C string cannot hold one)
     */
    public static String sources(String kind, String document, String asOf, String profile) {
        return LibEgensag.text(sourcesUtf8(kind, LibEgensag.utf8(document), asOf, LibEgensag.utf8(profile)));
    }

    /**
     * {@link #sources} with the document and the profile as UTF-8 bytes ({@code kind} and
     * {@code asOf} are short C strings either way), giving the result's UTF-8 bytes.
     */
    public static byte[] sourcesUtf8(String kind, byte[] document, String asOf, byte[] profile) {
        byte[] k = LibEgensag.cString(kind, "kind");
        byte[] a = LibEgensag.cString(asOf, "asOf");
        long[] out = new long[1];
        long[] len = new long[1];
        long[] err = new long[1];
        int status = LibEgensag.egensag_sources(k, document, LibEgensag.length(document), a, profile,
                LibEgensag.length(profile), out, len, err);
        return LibEgensag.takeBytes(status, out[0], len[0], err[0]);
    }

    /** The loaded library's version, e.g. {@code 0.1.0}. */
    public static String version() {
        return LibEgensag.string(LibEgensag.egensag_version());
    }

    /** The loaded library's ABI version (the number in its SONAME, {@code libegensag.so.0}). */
    public static int abiVersion() {
        return LibEgensag.egensag_abi_version();
    }

    /**
     * Frees the C engine, after the calls in progress have returned. Calling it again does
     * nothing.
     */
    @Override
    public void close() {
        Lock write = lock.writeLock();
        write.lock();
        try {
            cleanable.clean();
        } finally {
            write.unlock();
        }
    }

    private String call(LibEgensag.RequestCall function, String request) {
        return LibEgensag.text(call(function, LibEgensag.utf8(request)));
    }

    private String call(LibEgensag.PairCall function, String first, String second) {
        return LibEgensag.text(call(function, LibEgensag.utf8(first), LibEgensag.utf8(second)));
    }

    private byte[] call(LibEgensag.RequestCall function, byte[] request) {
        long[] out = new long[1];
        long[] len = new long[1];
        long[] err = new long[1];
        int status;
        Lock read = lock.readLock();
        read.lock();
        try {
            status = function.call(live(), request, LibEgensag.length(request), out, len, err);
        } finally {
            read.unlock();
            Reference.reachabilityFence(this);
        }
        return LibEgensag.takeBytes(status, out[0], len[0], err[0]);
    }

    private byte[] call(LibEgensag.PairCall function, byte[] first, byte[] second) {
        long[] out = new long[1];
        long[] len = new long[1];
        long[] err = new long[1];
        int status;
        Lock read = lock.readLock();
        read.lock();
        try {
            status = function.call(live(), first, LibEgensag.length(first), second,
                    LibEgensag.length(second), out, len, err);
        } finally {
            read.unlock();
            Reference.reachabilityFence(this);
        }
        return LibEgensag.takeBytes(status, out[0], len[0], err[0]);
    }

    /** The C engine; the caller holds the read lock. */
    private long live() {
        long peer = handle.peer;
        if (peer == 0) {
            throw new IllegalStateException("the egensag engine is closed");
        }
        return peer;
    }
}
