/* Times egensag_overview through the C API: median ns per call over ROUNDS rounds of
 * ITERATIONS calls on one request. Its Rust twin is bench/examples/time_overview.rs;
 * bench/c/run.sh runs both in interleaved rounds and prints the ratio.
 *
 * With --serve (ROUNDS is then ignored) it times one round for each line it reads on
 * stdin and prints that round's "NS OUTPUT_BYTES" (bench/serve.sh).
 *
 *   bench_overview [--serve] POLICY.json REQUEST.json ITERATIONS ROUNDS
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "egensag.h"

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(2); }
  buf[n] = 0;
  fclose(f);
  *len = (size_t)n;
  return buf;
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* One round of `iterations` calls: ns per call; the output's length in *out_len. */
static double round_ns(egensag_engine *engine, const char *request, size_t request_len,
                       int iterations, size_t *out_len) {
  egensag_error *err = NULL;
  double start = now_ns();
  for (int i = 0; i < iterations; i++) {
    char *out = NULL;
    if (egensag_overview(engine, request, request_len, &out, out_len, &err) != EGENSAG_OK) {
      fprintf(stderr, "overview: %s\n", egensag_error_json(err));
      exit(1);
    }
    egensag_string_free(out);
  }
  return (now_ns() - start) / iterations;
}

int main(int argc, char **argv) {
  int serve = argc > 1 && strcmp(argv[1], "--serve") == 0;
  if (serve) {
    argc--;
    argv++;
  }
  if (argc != 5) {
    fprintf(stderr, "usage: %s [--serve] POLICY REQUEST ITERATIONS ROUNDS\n", argv[0]);
    return 2;
  }
  size_t policy_len, request_len;
  char *policy = slurp(argv[1], &policy_len);
  char *request = slurp(argv[2], &request_len);
  /* The request file may end with a newline (NDJSON). */
  while (request_len && (request[request_len - 1] == '\n' || request[request_len - 1] == '\r'))
    request_len--;
  int iterations = atoi(argv[3]), rounds = atoi(argv[4]);
  egensag_engine *engine = NULL;
  egensag_error *err = NULL;
  if (egensag_engine_new(policy, policy_len, NULL, 0, &engine, &err) != EGENSAG_OK) {
    fprintf(stderr, "engine: %s\n", egensag_error_json(err));
    return 1;
  }
  size_t out_len = 0;
  if (serve) {
    char line[64];
    round_ns(engine, request, request_len, iterations, &out_len); /* warm up */
    while (fgets(line, sizeof line, stdin)) {
      double ns = round_ns(engine, request, request_len, iterations, &out_len);
      printf("%.0f %zu\n", ns, out_len);
      fflush(stdout);
    }
    egensag_engine_free(engine);
    free(policy);
    free(request);
    return 0;
  }
  double *samples = calloc((size_t)rounds, sizeof(double));
  for (int r = 0; r < rounds; r++) samples[r] = round_ns(engine, request, request_len, iterations, &out_len);
  qsort(samples, (size_t)rounds, sizeof(double), cmp);
  printf("%.0f %zu\n", samples[rounds / 2], out_len);
  egensag_engine_free(engine);
  free(samples);
  free(policy);
  free(request);
  return 0;
}
