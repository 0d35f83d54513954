/*
 * overview.c: a vendor-style program that prints a citizen's overview as JSON.
 *
 *   cc overview.c $(pkg-config --cflags --libs egensag) -o overview
 *   ./overview [POLICY.json [REQUEST.json [CATALOGUE.xml]]]
 *
 * Defaults: examples/data/policy.json and examples/data/anna.json (run from the
 * repository root). Exit status 0 with the overview on stdout, 2 with the error JSON on
 * stderr when the library refuses an input, 1 when a file cannot be read.
 */
#include <egensag.h>

#include <stdio.h>
#include <stdlib.h>

/* Reads a whole file into a new buffer; NULL if it cannot be read. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (f == NULL) {
        return NULL;
    }
    do {
        if (n == cap) {
            char *bigger = realloc(buf, cap = cap ? cap * 2 : 65536);
            if (bigger == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = bigger;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    if (ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    const char *policy_path = argc > 1 ? argv[1] : "examples/data/policy.json";
    const char *request_path = argc > 2 ? argv[2] : "examples/data/anna.json";
    const char *catalogue_path = argc > 3 ? argv[3] : NULL;
    size_t policy_len = 0, request_len = 0, catalogue_len = 0, out_len = 0;
    char *policy = read_file(policy_path, &policy_len);
    char *request = read_file(request_path, &request_len);
    char *catalogue = catalogue_path ? read_file(catalogue_path, &catalogue_len) : NULL;
    egensag_engine *engine = NULL;
    egensag_error *err = NULL;
    char *out = NULL;
    int status = 1;

    if (policy == NULL || request == NULL || (catalogue_path != NULL && catalogue == NULL)) {
        fprintf(stderr, "cannot read %s\n",
                policy == NULL ? policy_path : request == NULL ? request_path : catalogue_path);
        goto done;
    }
    /* One engine per policy: make it once and share it between threads and requests. */
    if (egensag_engine_new(policy, policy_len, catalogue, catalogue_len, &engine, &err)
            != EGENSAG_OK
        || egensag_overview(engine, request, request_len, &out, &out_len, &err)
            != EGENSAG_OK) {
        fprintf(stderr, "%s\n", egensag_error_json(err));
        status = 2;
        goto done;
    }
    fwrite(out, 1, out_len, stdout);
    putchar('\n');
    status = 0;

done:
    egensag_string_free(out);
    egensag_error_free(err);
    egensag_engine_free(engine);
    free(policy);
    free(request);
    free(catalogue);
    return status;
}
