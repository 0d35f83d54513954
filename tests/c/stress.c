/* Stress test of libegensag: one engine shared by 8 threads, 1,000,000 calls in total
 * (overview, explain, validate, notifications; succeeding and failing input mixed,
 * invalid UTF-8 included). RSS is sampled from /proc/self/status at the start, middle
 * and end; it must not grow by more than 16 MB after warm-up. Not part of the default
 * test command: run scripts/stress.sh. Prints a final line "N passed, N failed". */
#include "egensag.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 8
#ifndef CALLS
#define CALLS 1000000L
#endif

static egensag_engine *engine;
static const char *policy_text = "{\"id\": \"p\", \"kle\": {\"include\": [{\"pattern\": \"*\"}]}}";
static const char *good =
    "{\"as_of\": \"2026-11-23\", \"subject\": {\"cpr\": \"0101901234\"},"
    " \"viewer\": {\"cpr\": \"0101901234\", \"role\": \"self\"},"
    " \"cases\": [{\"id\": \"S-1\", \"source\": \"KSD\", \"title\": \"T\", \"kle\": \"32.30.04\","
    " \"parties\": [{\"cpr\": \"0101901234\", \"role\": \"primary\"}], \"created\": \"2026-11-02\","
    " \"progress\": [{\"state\": \"oplyst\", \"at\": \"2026-11-05\"}]}]}";
static const char *bad_json = "{\"as_of\": ";
static const char *bad_input = "{\"as_of\": \"2026-13-01\"}";
static const char bad_utf8[] = "{\"as_of\": \"\xff\xfe\"}";
static long answered[THREADS], failures[THREADS], wrong[THREADS];

static long rss_kb(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kb = -1;
  if (!f) return -1;
  while (fgets(line, sizeof line, f))
    if (strncmp(line, "VmRSS:", 6) == 0) kb = strtol(line + 6, NULL, 10);
  fclose(f);
  return kb;
}

static long rss_mid = -1;

static void *worker(void *arg) {
  long id = (long)arg;
  long calls = CALLS / THREADS;
  long i;
  for (i = 0; i < calls; i++) {
    char *out = NULL;
    size_t len = 0;
    egensag_error *err = NULL;
    int status, expect_ok = 0;
    switch (i % 6) {
      case 0: status = egensag_overview(engine, good, strlen(good), &out, &len, &err); expect_ok = 1; break;
      case 1: status = egensag_explain(engine, good, strlen(good), &out, &len, &err); expect_ok = 1; break;
      case 2: status = egensag_validate(engine, bad_json, strlen(bad_json), &out, &len, &err); break;
      case 3: status = egensag_overview(engine, bad_input, strlen(bad_input), &out, &len, &err); break;
      case 4: status = egensag_explain(engine, bad_utf8, sizeof bad_utf8 - 1, &out, &len, &err); break;
      default: status = egensag_notifications(engine, "{}", 2, "[", 1, &out, &len, &err); break;
    }
    answered[id]++;
    if (expect_ok != (status == EGENSAG_OK)) wrong[id]++;
    if (status == EGENSAG_OK) {
      if (!out || strlen(out) != len || err) wrong[id]++;
    } else {
      failures[id]++;
      if (out || !err || egensag_error_status(err) != status || !egensag_error_code(err)) wrong[id]++;
      if (i % 6 == 4 && status != EGENSAG_INVALID_JSON) wrong[id]++;
    }
    egensag_string_free(out);
    egensag_error_free(err);
    if (id == 0 && i == calls / 2) rss_mid = rss_kb();
  }
  return NULL;
}

int main(void) {
  pthread_t threads[THREADS];
  egensag_error *err = NULL;
  long rss_start, rss_end, total = 0, failed = 0, bad = 0, t;
  int passed = 0, fails = 0;
  if (egensag_engine_new(policy_text, strlen(policy_text), NULL, 0, &engine, &err) != EGENSAG_OK) {
    fprintf(stderr, "engine_new failed\n");
    return 1;
  }
  /* Warm up the allocator, then take the baseline. */
  {
    char *out = NULL;
    int k;
    for (k = 0; k < 1000; k++) {
      egensag_overview(engine, good, strlen(good), &out, NULL, NULL);
      egensag_string_free(out);
    }
  }
  rss_start = rss_kb();
  for (t = 0; t < THREADS; t++) pthread_create(&threads[t], NULL, worker, (void *)t);
  for (t = 0; t < THREADS; t++) pthread_join(threads[t], NULL);
  rss_end = rss_kb();
  for (t = 0; t < THREADS; t++) { total += answered[t]; failed += failures[t]; bad += wrong[t]; }
  printf("calls %ld answered, %ld failing by design, %ld wrong\n", total, failed, bad);
  printf("rss kB: start %ld, middle %ld, end %ld\n", rss_start, rss_mid, rss_end);
  if (total == (CALLS / THREADS) * THREADS) passed++; else fails++;
  if (bad == 0) passed++; else fails++;
  if (rss_end - rss_start < 16 * 1024 && rss_end - rss_mid < 8 * 1024) passed++; else fails++;
  egensag_engine_free(engine);
  printf("%d passed, %d failed\n", passed, fails);
  return fails ? 1 : 0;
}
