package dk.egensag;

/**
 * An error returned by libegensag: a stable machine code, a message in English and a path
 * saying where in the input the error is.
 *
 * <p>The code is one of {@code invalid_json} (also for text that is not UTF-8),
 * {@code invalid_input}, {@code invalid_policy}, {@code limit_exceeded}, {@code internal} (a
 * defect in the library: please report it) and {@code null_argument} (a required argument was
 * {@code null}; the path names the parameter). The message never contains the offending
 * value, so neither a CPR number nor a record title reaches a log through it.
 *
 * <pre>{@code
 * try (Engine engine = new Engine(policy)) {
 *     engine.overview("{\"as_of\": \"2026-11-23\"}");
 * } catch (EgensagException e) {
 *     e.getCode();    // "invalid_input"
 *     e.getPath();    // "" (the whole request: it lacks "subject")
 *     e.getMessage(); // "missing field `subject`"
 *     e.getJson();    // {"code":"invalid_input","message":"missing field `subject`","path":""}
 * }
 * }</pre>
 */
public final class EgensagException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String path;
    private final String json;

    EgensagException(String code, String message, String path, String json) {
        super(message);
        this.code = code;
        this.path = path;
        this.json = json;
    }

    /** The stable machine code, e.g. {@code invalid_input}. */
    public String getCode() {
        return code;
    }

    /** Where in the input the error is, e.g. {@code cases[3].kle}; empty for the whole input. */
    public String getPath() {
        return path;
    }

    /**
     * The error as JSON, {@code {"code":…,"message":…,"path":…}}: the same bytes the Rust,
     * C and JavaScript APIs give for the same input.
     */
    public String getJson() {
        return json;
    }

    /** The code, the path (when there is one) and the message. */
    @Override
    public String toString() {
        String where = path == null || path.isEmpty() ? "" : " at " + path;
        return "EgensagException: " + code + where + ": " + getMessage();
    }
}
