/*
 * test_egensag.c: the C API's tests.
 *
 *   test_egensag [VECTORS_DIR]     (default tests/vectors, run from the repository root)
 *
 * 1. Every conformance vector under VECTORS_DIR, run through the C API exactly as
 *    core/tests/vectors.rs runs it through the Rust JSON entry points, compared byte for
 *    byte with the expected files.
 *    A vector with sf1470.xml and/or ydelsesindeks.xml (and optionally
 *    source-profile.json) first reads them with egensag_sources for the request's as_of
 *    and adds their records with egensag_add_sources. A vector with
 *    represented-request.json also runs egensag_represented on it (represented.json).
 * 2. Misuse: NULL arguments, truncated JSON, invalid UTF-8, an engine used after an
 *    error, freeing NULL, error accessors on NULL.
 * 3. Versions: the header's macros against the library's functions (and, when the
 *    EGENSAG_EXPECTED_VERSION environment variable is set, against it).
 * 4. Threads: 8 threads share one engine, each making EGENSAG_TEST_ITERATIONS (default
 *    200) overviews of the first vector and comparing them with the expected bytes.
 *
 * The last line printed is "N passed, N failed"; the exit status is 0 when none failed.
 */
#include <egensag.h>

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed = 0;
static int failed = 0;

#define CHECK(cond, ...)                                                                 \
    do {                                                                                 \
        if (cond) {                                                                      \
            passed++;                                                                    \
        } else {                                                                         \
            failed++;                                                                    \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);              \
            fprintf(stderr, __VA_ARGS__);                                                \
            fputc('\n', stderr);                                                         \
        }                                                                                \
    } while (0)

/* ---- small helpers ------------------------------------------------------------------ */

/* A byte buffer we own (data is NUL-terminated for convenience; len excludes it). */
typedef struct {
    char *data;
    size_t len;
} buffer;

static void buffer_free(buffer *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
}

static buffer buffer_of(const char *data, size_t len)
{
    buffer b;
    b.data = malloc(len + 1);
    b.len = 0;
    if (b.data != NULL) {
        memcpy(b.data, data, len);
        b.data[len] = '\0';
        b.len = len;
    }
    return b;
}

/* Reads a whole file; data is NULL when it does not exist or cannot be read. */
static buffer read_file(const char *dir, const char *name)
{
    buffer b = {NULL, 0};
    char path[4096];
    FILE *f;
    size_t cap = 0, got;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "rb");
    if (f == NULL) {
        return b;
    }
    do {
        if (b.len + 1 >= cap) {
            char *bigger = realloc(b.data, cap = cap ? cap * 2 : 65536);
            if (bigger == NULL) {
                buffer_free(&b);
                fclose(f);
                return b;
            }
            b.data = bigger;
        }
        got = fread(b.data + b.len, 1, cap - b.len - 1, f);
        b.len += got;
    } while (got > 0);
    b.data[b.len] = '\0';
    fclose(f);
    return b;
}

static int equal_bytes(const buffer *a, const char *data, size_t len)
{
    return a->data != NULL && data != NULL && a->len == len && memcmp(a->data, data, len) == 0;
}

static int streq(const char *a, const char *b)
{
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static int starts_with(const char *s, const char *prefix)
{
    return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Takes the error's JSON as an owned buffer and frees the error. */
static buffer take_error_json(egensag_error *err)
{
    const char *json = egensag_error_json(err);
    buffer b = buffer_of(json ? json : "", json ? strlen(json) : 0);
    egensag_error_free(err);
    return b;
}

/* Takes a returned string as an owned buffer and frees it. */
static buffer take_string(char *s, size_t len)
{
    buffer b = buffer_of(s, len);
    egensag_string_free(s);
    return b;
}

/* ---- 1. conformance vectors --------------------------------------------------------- */

enum { OUT_OVERVIEW, OUT_EXPLANATION, OUT_NOTIFICATIONS, OUT_REPRESENTED, OUT_ERROR, OUT_COUNT };
static const char *const OUTPUT_NAMES[OUT_COUNT] = {
    "overview.json", "explanation.json", "notifications.json", "represented.json",
    "error.json"};

/* The request's as_of ("YYYY-MM-DD") into as_of[11]: the vectors' request.json files are
 * written by the project, with one "as_of" key at the top level. */
static int request_as_of(const buffer *request, char as_of[11])
{
    const char *key = strstr(request->data, "\"as_of\"");
    const char *quote = key ? strchr(key + 7, '"') : NULL;
    if (quote == NULL || strlen(quote) < 12 || quote[11] != '"') {
        return 0;
    }
    memcpy(as_of, quote + 1, 10);
    as_of[10] = '\0';
    return 1;
}

/* Adds the records of the vector's index documents to *request, as core/tests/vectors.rs
 * does; on failure returns 0 and stores the error JSON in *error. */
static int add_vector_sources(const char *dir, egensag_engine *engine, buffer *request,
                              buffer *error)
{
    static const char *const KINDS[2] = {"sf1470", "ydelsesindeks"};
    buffer profile = read_file(dir, "source-profile.json");
    egensag_error *err = NULL;
    char as_of[11];
    int ok = 1, k;
    for (k = 0; k < 2 && ok; k++) {
        char name[64], *read = NULL, *merged = NULL;
        size_t read_len = 0, merged_len = 0;
        buffer document;
        snprintf(name, sizeof name, "%s.xml", KINDS[k]);
        document = read_file(dir, name);
        if (document.data == NULL) {
            continue;
        }
        CHECK(request_as_of(request, as_of), "%s: request.json has no as_of", dir);
        if (egensag_sources(KINDS[k], document.data, document.len, as_of, profile.data,
                            profile.len, &read, &read_len, &err)
                != EGENSAG_OK
            || egensag_add_sources(engine, request->data, request->len, read, read_len, &merged,
                                   &merged_len, &err)
                   != EGENSAG_OK) {
            *error = take_error_json(err);
            ok = 0;
        } else {
            buffer_free(request);
            *request = take_string(merged, merged_len);
        }
        egensag_string_free(read);
        buffer_free(&document);
    }
    buffer_free(&profile);
    return ok;
}

/* Runs one vector as core/tests/vectors.rs does; outputs[i].data is NULL when absent. */
static void run_vector(const char *dir, buffer outputs[OUT_COUNT])
{
    buffer policy = read_file(dir, "policy.json");
    buffer request = read_file(dir, "request.json");
    buffer catalogue = read_file(dir, "catalogue.xml");
    buffer previous = read_file(dir, "previous.json");
    buffer represented = read_file(dir, "represented-request.json");
    egensag_engine *engine = NULL;
    egensag_error *err = NULL;
    char *out = NULL;
    size_t out_len = 0;
    int i;

    for (i = 0; i < OUT_COUNT; i++) {
        outputs[i].data = NULL;
        outputs[i].len = 0;
    }
    if (catalogue.data == NULL) {
        catalogue = read_file(dir, "catalogue.json");
    }
    CHECK(policy.data != NULL && request.data != NULL, "%s: policy.json and request.json", dir);
    if (policy.data == NULL || request.data == NULL) {
        goto done;
    }
    if (egensag_engine_new(policy.data, policy.len, catalogue.data, catalogue.len, &engine,
                           &err) != EGENSAG_OK) {
        outputs[OUT_ERROR] = take_error_json(err);
        goto done;
    }
    if (!add_vector_sources(dir, engine, &request, &outputs[OUT_ERROR])) {
        goto done;
    }
    if (egensag_overview(engine, request.data, request.len, &out, &out_len, &err)
        != EGENSAG_OK) {
        outputs[OUT_ERROR] = take_error_json(err);
        goto done;
    }
    outputs[OUT_OVERVIEW] = take_string(out, out_len);
    if (egensag_explain(engine, request.data, request.len, &out, &out_len, &err)
        == EGENSAG_OK) {
        outputs[OUT_EXPLANATION] = take_string(out, out_len);
    } else {
        outputs[OUT_EXPLANATION] = take_error_json(err);
    }
    if (previous.data != NULL) {
        if (egensag_notifications(engine, previous.data, previous.len,
                                  outputs[OUT_OVERVIEW].data, outputs[OUT_OVERVIEW].len, &out,
                                  &out_len, &err)
            == EGENSAG_OK) {
            outputs[OUT_NOTIFICATIONS] = take_string(out, out_len);
        } else {
            outputs[OUT_NOTIFICATIONS] = take_error_json(err);
        }
    }
    if (represented.data != NULL) {
        if (egensag_represented(engine, represented.data, represented.len, &out, &out_len, &err)
            == EGENSAG_OK) {
            outputs[OUT_REPRESENTED] = take_string(out, out_len);
        } else {
            outputs[OUT_REPRESENTED] = take_error_json(err);
        }
    }
done:
    egensag_engine_free(engine);
    buffer_free(&policy);
    buffer_free(&request);
    buffer_free(&catalogue);
    buffer_free(&previous);
    buffer_free(&represented);
}

static int is_vector(const struct dirent *entry)
{
    return entry->d_name[0] != '.';
}

/* Runs every vector folder; returns how many there were. */
static int test_vectors(const char *root)
{
    struct dirent **entries = NULL;
    int n = scandir(root, &entries, is_vector, alphasort);
    int i, k, count = 0;
    CHECK(n > 0, "cannot list %s", root);
    for (i = 0; i < n; i++) {
        char dir[4096];
        buffer outputs[OUT_COUNT];
        buffer probe;
        snprintf(dir, sizeof dir, "%s/%s", root, entries[i]->d_name);
        probe = read_file(dir, "request.json");
        if (probe.data == NULL) { /* not a vector folder */
            free(entries[i]);
            continue;
        }
        buffer_free(&probe);
        count++;
        run_vector(dir, outputs);
        for (k = 0; k < OUT_COUNT; k++) {
            buffer expected = read_file(dir, OUTPUT_NAMES[k]);
            int same = expected.data == NULL
                           ? outputs[k].data == NULL
                           : equal_bytes(&expected, outputs[k].data, outputs[k].len);
            CHECK(same, "%s: %s differs (expected %s, got %s)", entries[i]->d_name,
                  OUTPUT_NAMES[k], expected.data ? "a file" : "none",
                  outputs[k].data ? "output" : "none");
            buffer_free(&expected);
            buffer_free(&outputs[k]);
        }
        free(entries[i]);
    }
    free(entries);
    CHECK(count >= 3, "expected at least 3 vectors, found %d", count);
    printf("%d conformance vectors\n", count);
    return count;
}

/* ---- 2. misuse ---------------------------------------------------------------------- */

static const char POLICY[] = "{\"id\": \"p\", \"kle\": {\"include\": [{\"pattern\": \"*\"}]}}";
static const char REQUEST[] = "{\"as_of\": \"2026-11-23\", \"subject\": {\"cpr\": \"0101901234\"},"
                              " \"viewer\": {\"cpr\": \"0101901234\", \"role\": \"self\"}}";

/* Checks an error's fields against the expected status, code and path. */
static void check_error(int status, egensag_error *err, int want_status, const char *want_code,
                        const char *want_path, const char *what)
{
    char json_prefix[256];
    CHECK(status == want_status, "%s: status %d, want %d", what, status, want_status);
    CHECK(err != NULL, "%s: no error object", what);
    if (err == NULL) {
        return;
    }
    CHECK(egensag_error_status(err) == status, "%s: error status %d", what,
          egensag_error_status(err));
    CHECK(streq(egensag_error_code(err), want_code), "%s: code %s, want %s", what,
          egensag_error_code(err), want_code);
    CHECK(egensag_error_message(err) != NULL && egensag_error_message(err)[0] != '\0',
          "%s: empty message", what);
    if (want_path != NULL) {
        CHECK(streq(egensag_error_path(err), want_path), "%s: path '%s', want '%s'", what,
              egensag_error_path(err), want_path);
    }
    snprintf(json_prefix, sizeof json_prefix, "{\"code\":\"%s\",\"message\":\"", want_code);
    CHECK(starts_with(egensag_error_json(err), json_prefix), "%s: json %s", what,
          egensag_error_json(err));
    CHECK(strstr(egensag_error_json(err), "0101901234") == NULL, "%s: CPR in error", what);
}

static void test_engine_new_misuse(void)
{
    egensag_engine *engine = (egensag_engine *)&engine; /* must be overwritten with NULL */
    egensag_error *err = (egensag_error *)&err;         /* must be overwritten */
    int status;
    static const char bad_utf8[] = "{\"id\": \"\xff\xfe\", \"kle\": {\"include\": []}}";

    status = egensag_engine_new(NULL, 0, NULL, 0, &engine, &err);
    check_error(status, err, EGENSAG_NULL_ARGUMENT, "null_argument", "policy", "NULL policy");
    CHECK(engine == NULL, "engine not cleared on error");
    CHECK(streq(egensag_error_json(err), "{\"code\":\"null_argument\",\"message\":\"expected a "
                                         "non-NULL pointer\",\"path\":\"policy\"}"),
          "null json %s", egensag_error_json(err));
    egensag_error_free(err);

    status = egensag_engine_new(POLICY, strlen(POLICY), NULL, 0, NULL, &err);
    check_error(status, err, EGENSAG_NULL_ARGUMENT, "null_argument", "out", "NULL out");
    egensag_error_free(err);

    /* err may be NULL: only the status is reported. */
    status = egensag_engine_new(NULL, 0, NULL, 0, &engine, NULL);
    CHECK(status == EGENSAG_NULL_ARGUMENT, "status without err %d", status);

    status = egensag_engine_new(POLICY, strlen(POLICY) - 3, NULL, 0, &engine, &err);
    check_error(status, err, EGENSAG_INVALID_JSON, "invalid_json", NULL, "truncated policy");
    CHECK(engine == NULL, "engine after truncated policy");
    egensag_error_free(err);

    status = egensag_engine_new(bad_utf8, sizeof bad_utf8 - 1, NULL, 0, &engine, &err);
    check_error(status, err, EGENSAG_INVALID_JSON, "invalid_json", "", "invalid UTF-8 policy");
    egensag_error_free(err);

    status = egensag_engine_new(POLICY, 0, NULL, 0, &engine, &err);
    check_error(status, err, EGENSAG_INVALID_JSON, "invalid_json", NULL, "empty policy");
    egensag_error_free(err);

    status = egensag_engine_new("{\"id\": 1}", 9, NULL, 0, &engine, &err);
    CHECK(status == EGENSAG_INVALID_POLICY || status == EGENSAG_INVALID_INPUT,
          "wrong policy: status %d", status);
    CHECK(egensag_error_status(err) == status, "wrong policy: error status");
    egensag_error_free(err);

    status = egensag_engine_new(POLICY, strlen(POLICY), "<KLE-Emneplan>", 14, &engine, &err);
    CHECK(status != EGENSAG_OK && streq(egensag_error_path(err), "catalogue"),
          "bad catalogue: status %d path %s", status, egensag_error_path(err));
    CHECK(engine == NULL, "engine after bad catalogue");
    egensag_error_free(err);

    status = egensag_engine_new(POLICY, strlen(POLICY), "\xff", 1, &engine, &err);
    check_error(status, err, EGENSAG_INVALID_JSON, "invalid_json", "catalogue",
                "invalid UTF-8 catalogue");
    egensag_error_free(err);

    /* A NULL catalogue with a non-zero length means no catalogue. */
    status = egensag_engine_new(POLICY, strlen(POLICY), NULL, 99, &engine, &err);
    CHECK(status == EGENSAG_OK && engine != NULL && err == NULL, "NULL catalogue: %d", status);
    egensag_engine_free(engine);
}

static void test_call_misuse(void)
{
    egensag_engine *engine = NULL;
    egensag_error *err = NULL;
    char *out = (char *)&out;
    size_t out_len = 12345;
    int status;
    static const char bad_utf8[] = "{\"as_of\": \"2026-11-23\xc3\x28\"}";
    static const char with_nul[] = "{\"as_of\"\0: 1}";

    status = egensag_engine_new(POLICY, strlen(POLICY), NULL, 0, &engine, &err);
    CHECK(status == EGENSAG_OK && engine != NULL && err == NULL, "engine: %d", status);
    if (engine == NULL) {
        return;
    }

    status = egensag_overview(NULL, REQUEST, strlen(REQUEST), &out, &out_len, &err);
    check_error(status, err, EGENSAG_NULL_ARGUMENT, "null_argument", "engine", "NULL engine");
    CHECK(out == NULL && out_len == 0, "out not cleared");
    egensag_error_free(err);

    status = egensag_overview(engine, NULL, 10, &out, &out_len, &err);
    check_error(status, err, EGENSAG_NULL_ARGUMENT, "null_argument", "request", "NULL request");
    egensag_error_free(err);

    status = egensag_explain(engine, REQUEST, strlen(REQUEST), NULL, &out_len, &err);
    check_error(status, err, EGENSAG_NULL_ARGUMENT, "null_argument", "out_json", "NULL out");
    egensag_error_free(err);

    status = egensag_validate(engine, REQUEST, strlen(REQUEST) / 2, &out, &out_len, &err);
    check_error(status, err, EGENSAG_INVALID_JSON, "invalid_json", NULL, "truncated request");
    CHECK(out == NULL, "out after truncated request");
    egensag_error_free(err);

    status = egensag_overview(engine, bad_utf8, sizeof bad_utf8 - 1, &out, &out_len, &err);
    check_error(status, err, EGENSAG_INVALID_JSON, "invalid_json", "", "invalid UTF-8 request");
    egensag_error_free(err);

    status = egensag_overview(engine, with_nul, sizeof with_nul - 1, &out, &out_len, &err);
    check_error(status, err, EGENSAG_INVALID_JSON, "invalid_json", NULL, "embedded NUL");
    egensag_error_free(err);

    status = egensag_overview(engine, "{\"as_of\": \"2026-11-23\"}", 23u, &out, &out_len, &err);
    check_error(status, err, EGENSAG_INVALID_INPUT, "invalid_input", "", "missing subject");
    CHECK(streq(egensag_error_json(err), "{\"code\":\"invalid_input\",\"message\":\"missing "
                                         "field `subject`\",\"path\":\"\"}"),
          "same bytes as core: %s", egensag_error_json(err));
    egensag_error_free(err);

    status = egensag_notifications(engine, "{}", 2, "{}", 2, &out, &out_len, &err);
    CHECK(status == EGENSAG_INVALID_INPUT && starts_with(egensag_error_path(err), "previous"),
          "notifications of {}: %d %s", status, egensag_error_path(err));
    egensag_error_free(err);

    status = egensag_notifications(engine, "{}", 2, NULL, 0, &out, &out_len, &err);
    check_error(status, err, EGENSAG_NULL_ARGUMENT, "null_argument", "current", "NULL current");
    egensag_error_free(err);

    status = egensag_notifications(engine, "\x80", 1, "{}", 2, &out, &out_len, &err);
    check_error(status, err, EGENSAG_INVALID_JSON, "invalid_json", "previous", "UTF-8 previous");
    egensag_error_free(err);

    status = egensag_represented(engine, NULL, 0, &out, &out_len, &err);
    check_error(status, err, EGENSAG_NULL_ARGUMENT, "null_argument", NULL, "NULL represented");
    egensag_error_free(err);

    {
        static const char impossible[] =
            "{\"as_of\": \"2026-11-23\", \"viewer\": {\"cpr\": \"3102901234\"}}";
        status = egensag_represented(engine, impossible, sizeof impossible - 1, &out, &out_len,
                                     &err);
    }
    check_error(status, err, EGENSAG_INVALID_INPUT, "invalid_input", "viewer.cpr",
                "represented with an impossible CPR");
    CHECK(strstr(egensag_error_json(err), "3102901234") == NULL, "CPR in a represented error");
    egensag_error_free(err);

    {
        static const char represented[] =
            "{\"as_of\": \"2026-11-23\", \"viewer\": {\"cpr\": \"0202804321\"}, \"mandates\": "
            "[{\"id\": \"F-1\", \"kind\": \"fuldmagt\", \"holder\": \"0202804321\", "
            "\"subject\": \"0101901234\", \"valid_from\": \"2026-01-01\", \"privileges\": "
            "[\"read\"]}]}";
        status = egensag_represented(engine, represented, sizeof represented - 1, &out,
                                     &out_len, &err);
        CHECK(status == EGENSAG_OK
                  && strstr(out, "\"subject\":\"010190-XXXX\",\"role\":\"proxy\","
                                 "\"mandate_id\":\"F-1\"") != NULL
                  && strstr(out, "0101901234") == NULL,
              "represented: %d %s", status, out ? out : "(null)");
        egensag_string_free(out);
        out = NULL;
    }

    /* The engine still works after all these errors; err and out_len may be NULL. */
    status = egensag_validate(engine, REQUEST, strlen(REQUEST), &out, NULL, NULL);
    CHECK(status == EGENSAG_OK && streq(out, "{\"valid\":true,\"problems\":[]}"),
          "validate after errors: %d %s", status, out ? out : "(null)");
    egensag_string_free(out);

    err = (egensag_error *)&err;
    status = egensag_explain(engine, REQUEST, strlen(REQUEST), &out, &out_len, &err);
    CHECK(status == EGENSAG_OK && err == NULL, "err cleared on success");
    CHECK(out != NULL && out_len == strlen(out)
              && streq(out, "{\"as_of\":\"2026-11-23\",\"policy\":\"p\",\"viewer_role\":"
                            "\"self\",\"entries\":[]}"),
          "explain after errors: %s", out ? out : "(null)");
    egensag_string_free(out);

    status = egensag_overview(engine, REQUEST, strlen(REQUEST), &out, &out_len, &err);
    CHECK(status == EGENSAG_OK && starts_with(out, "{\"as_of\":\"2026-11-23\"")
              && out_len == strlen(out) && strstr(out, "0101901234") == NULL,
          "overview after errors: %s", out ? out : "(null)");
    if (status == EGENSAG_OK) {
        char *notes = NULL;
        size_t notes_len = 0;
        status = egensag_notifications(engine, out, out_len, out, out_len, &notes, &notes_len,
                                       &err);
        CHECK(status == EGENSAG_OK && notes != NULL && notes_len == strlen(notes)
                  && strstr(notes, "\"notifications\":[]") != NULL,
              "notifications of the same overview: %s", notes ? notes : "(null)");
        egensag_string_free(notes);
    }
    egensag_string_free(out);
    egensag_engine_free(engine);
}

/* Index documents: read, added to a request, shown; misuse gets errors with paths. */
static void test_sources(void)
{
    static const char SAG[] =
        "<Sag xmlns=\"urn:oio:sts:sagdok:sag:6\"><Registrering><AttributListe><Egenskaber>"
        "<Sagsnummer>S-1</Sagsnummer><Titel>Sygedagpenge</Titel></Egenskaber>"
        "</AttributListe></Registrering></Sag>";
    static const char PROFILE[] = "{\"source\": \"KSD\"}";
    static const char WRONG[] = "{\"plans\": []}";
    egensag_engine *engine = NULL;
    egensag_error *err = NULL;
    char *read = NULL, *merged = NULL;
    size_t read_len = 0, merged_len = 0;
    int status;

    status = egensag_sources("sf1470", SAG, strlen(SAG), "2026-11-23", PROFILE, strlen(PROFILE),
                             &read, &read_len, &err);
    CHECK(status == EGENSAG_OK && err == NULL, "sources: %d", status);
    /* The case lacks the day it arose: read as a hidden (void) record and reported. */
    CHECK(read != NULL && strstr(read, "\"id\":\"S-1\"") != NULL
              && strstr(read, "\"code\":\"record.malformed\"") != NULL
              && strstr(read, "Sygedagpenge") == NULL,
          "sources output: %s", read ? read : "(null)");
    CHECK(read != NULL && read_len == strlen(read), "sources length");

    status = egensag_engine_new(POLICY, strlen(POLICY), NULL, 0, &engine, &err);
    CHECK(status == EGENSAG_OK, "engine: %d", status);
    status = egensag_add_sources(engine, REQUEST, strlen(REQUEST), read, read_len, &merged,
                                 &merged_len, &err);
    CHECK(status == EGENSAG_OK && merged != NULL && strstr(merged, "\"S-1\"") != NULL,
          "add_sources: %d", status);
    egensag_string_free(merged);
    egensag_string_free(read);
    read = NULL;

    status = egensag_sources(NULL, SAG, strlen(SAG), "2026-11-23", NULL, 0, &read, &read_len,
                             &err);
    check_error(status, err, EGENSAG_NULL_ARGUMENT, "null_argument", "kind", "NULL kind");
    CHECK(read == NULL && read_len == 0, "out not cleared");
    egensag_error_free(err);
    status = egensag_sources("kombit", SAG, strlen(SAG), "2026-11-23", NULL, 0, &read,
                             &read_len, &err);
    check_error(status, err, EGENSAG_INVALID_INPUT, "invalid_input", "kind", "unknown kind");
    egensag_error_free(err);
    status = egensag_sources("sf1470", SAG, strlen(SAG), "23-11-2026", NULL, 0, &read,
                             &read_len, &err);
    check_error(status, err, EGENSAG_INVALID_INPUT, "invalid_input", "as_of", "bad as_of");
    egensag_error_free(err);
    status = egensag_sources("sf1470", SAG, strlen(SAG) - 5, "2026-11-23", NULL, 0, &read,
                             &read_len, &err);
    check_error(status, err, EGENSAG_INVALID_JSON, "invalid_json", NULL, "truncated XML");
    egensag_error_free(err);
    status = egensag_add_sources(engine, REQUEST, strlen(REQUEST), WRONG, strlen(WRONG),
                                 &merged, &merged_len, &err);
    CHECK(status == EGENSAG_INVALID_INPUT && err != NULL
              && starts_with(egensag_error_path(err), "sources"),
          "add_sources with a wrong result: %d", status);
    egensag_error_free(err);
    status = egensag_add_sources(NULL, REQUEST, strlen(REQUEST), "{}", 2, &merged, &merged_len,
                                 &err);
    check_error(status, err, EGENSAG_NULL_ARGUMENT, "null_argument", "engine", "NULL engine");
    egensag_error_free(err);
    egensag_engine_free(engine);
}

static void test_null_frees_and_accessors(void)
{
    egensag_engine_free(NULL);
    egensag_string_free(NULL);
    egensag_error_free(NULL);
    CHECK(egensag_error_code(NULL) == NULL, "code of NULL");
    CHECK(egensag_error_message(NULL) == NULL, "message of NULL");
    CHECK(egensag_error_path(NULL) == NULL, "path of NULL");
    CHECK(egensag_error_json(NULL) == NULL, "json of NULL");
    CHECK(egensag_error_status(NULL) == EGENSAG_NULL_ARGUMENT, "status of NULL");
}

/* ---- 3. versions -------------------------------------------------------------------- */

static void test_versions(void)
{
    char from_macros[64];
    const char *expected = getenv("EGENSAG_EXPECTED_VERSION");
    snprintf(from_macros, sizeof from_macros, "%d.%d.%d", EGENSAG_VERSION_MAJOR,
             EGENSAG_VERSION_MINOR, EGENSAG_VERSION_PATCH);
    CHECK(streq(egensag_version(), from_macros), "library %s, header %s", egensag_version(),
          from_macros);
    CHECK(egensag_abi_version() == EGENSAG_ABI_VERSION, "ABI %u, header %d",
          (unsigned)egensag_abi_version(), EGENSAG_ABI_VERSION);
    if (expected != NULL) {
        CHECK(streq(egensag_version(), expected), "library %s, Cargo.toml %s",
              egensag_version(), expected);
    }
    printf("libegensag %s (ABI %u)\n", egensag_version(), (unsigned)egensag_abi_version());
}

/* ---- 4. threads --------------------------------------------------------------------- */

#define THREADS 8

typedef struct {
    const egensag_engine *engine;
    const buffer *request;
    const buffer *expected;
    int iterations;
    int mismatches;
} thread_job;

static void *overview_worker(void *arg)
{
    thread_job *job = arg;
    int i;
    for (i = 0; i < job->iterations; i++) {
        char *out = NULL;
        size_t out_len = 0;
        egensag_error *err = NULL;
        if (egensag_overview(job->engine, job->request->data, job->request->len, &out,
                             &out_len, &err)
                != EGENSAG_OK
            || !equal_bytes(job->expected, out, out_len)) {
            job->mismatches++;
        }
        egensag_string_free(out);
        egensag_error_free(err);
    }
    return NULL;
}

static void test_threads(const char *root)
{
    char dir[4096];
    struct dirent **entries = NULL;
    int n = scandir(root, &entries, is_vector, alphasort);
    buffer policy = {NULL, 0}, catalogue = {NULL, 0}, request = {NULL, 0}, expected = {NULL, 0};
    egensag_engine *engine = NULL;
    egensag_error *err = NULL;
    pthread_t threads[THREADS];
    thread_job jobs[THREADS];
    const char *env = getenv("EGENSAG_TEST_ITERATIONS");
    int iterations = env != NULL ? atoi(env) : 200;
    int i, started = 0, mismatches = 0;

    /* The first vector with an expected overview. */
    for (i = 0; i < n; i++) {
        if (policy.data == NULL) {
            snprintf(dir, sizeof dir, "%s/%s", root, entries[i]->d_name);
            expected = read_file(dir, "overview.json");
            if (expected.data != NULL) {
                policy = read_file(dir, "policy.json");
                request = read_file(dir, "request.json");
                catalogue = read_file(dir, "catalogue.xml");
                if (catalogue.data == NULL) {
                    catalogue = read_file(dir, "catalogue.json");
                }
            }
        }
        free(entries[i]);
    }
    free(entries);
    CHECK(policy.data != NULL && request.data != NULL, "no vector with an overview");
    if (policy.data == NULL || request.data == NULL ||
        egensag_engine_new(policy.data, policy.len, catalogue.data, catalogue.len, &engine,
                           &err) != EGENSAG_OK) {
        CHECK(0, "engine for the thread test: %s", egensag_error_json(err));
        goto done;
    }
    for (i = 0; i < THREADS; i++) {
        jobs[i].engine = engine;
        jobs[i].request = &request;
        jobs[i].expected = &expected;
        jobs[i].iterations = iterations;
        jobs[i].mismatches = 0;
        if (pthread_create(&threads[i], NULL, overview_worker, &jobs[i]) == 0) {
            started++;
        }
    }
    for (i = 0; i < started; i++) {
        pthread_join(threads[i], NULL);
        mismatches += jobs[i].mismatches;
    }
    CHECK(started == THREADS, "started %d threads", started);
    CHECK(mismatches == 0, "%d of %d overviews differed", mismatches, THREADS * iterations);
    printf("%d threads x %d overviews on one engine\n", started, iterations);
done:
    egensag_error_free(err);
    egensag_engine_free(engine);
    buffer_free(&policy);
    buffer_free(&catalogue);
    buffer_free(&request);
    buffer_free(&expected);
}

int main(int argc, char **argv)
{
    const char *vectors = argc > 1 ? argv[1] : "tests/vectors";
    test_versions();
    test_vectors(vectors);
    test_engine_new_misuse();
    test_call_misuse();
    test_null_frees_and_accessors();
    test_sources();
    test_threads(vectors);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
