// Times dk.egensag.Engine.overview (Java, through JNA and libegensag): median ns per call
// over ROUNDS rounds of ITERATIONS calls, after a warm-up of 2 s (the JIT compiles the
// binding's Java code), printed as `NS OUTPUT_BYTES` (the format of its Rust twin
// bench/examples/time_overview.rs; bench/java/run.sh compares the two). API `string` times
// overview(String) -> String, `bytes` overviewUtf8(byte[]) -> byte[].
//
// With `--serve` first (ROUNDS is then ignored) it times one round for each line it reads
// on stdin and prints that round's `NS OUTPUT_BYTES` (bench/serve.sh; run.sh interleaves).
//
//   java -Djna.library.path=DIR -cp CLASSES:jna.jar BenchOverview [--serve] POLICY REQUEST ITERATIONS ROUNDS API
import dk.egensag.Engine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

public class BenchOverview {
    public static void main(String[] args) throws IOException {
        boolean serve = args.length > 0 && args[0].equals("--serve");
        if (serve) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length != 5 || !(args[4].equals("string") || args[4].equals("bytes"))) {
            System.err.println("usage: BenchOverview [--serve] POLICY REQUEST ITERATIONS ROUNDS string|bytes");
            System.exit(2);
        }
        String policy = Files.readString(Path.of(args[0]));
        // The request file may end with a newline (NDJSON).
        String request = Files.readString(Path.of(args[1])).replaceAll("[\r\n]+$", "");
        int iterations = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        boolean strings = args[4].equals("string");
        byte[] requestBytes = request.getBytes(StandardCharsets.UTF_8);
        long bytes = 0;
        try (Engine engine = new Engine(policy)) {
            // Warm-up: at least 3 calls and 2 s, so that the JIT has compiled the binding.
            long warm = System.nanoTime() + 2_000_000_000L;
            for (int i = 0; i < 3 || System.nanoTime() < warm; i++) {
                bytes += strings ? engine.overview(request).length() : engine.overviewUtf8(requestBytes).length;
            }
            if (serve) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                while (in.readLine() != null) {
                    long start = System.nanoTime();
                    long length = round(engine, strings, request, requestBytes, iterations);
                    System.out.printf("%.0f %d%n", (double) (System.nanoTime() - start) / iterations, length);
                    System.out.flush();
                }
                return;
            }
            double[] samples = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                bytes = round(engine, strings, request, requestBytes, iterations);
                samples[r] = (double) (System.nanoTime() - start) / iterations;
            }
            Arrays.sort(samples);
            System.out.printf("%.0f %d%n", samples[rounds / 2], bytes);
        }
    }

    /** One round of `iterations` calls; the last output's length in UTF-8 bytes. */
    static long round(Engine engine, boolean strings, String request, byte[] requestBytes, int iterations) {
        String out = null;
        byte[] outBytes = null;
        for (int i = 0; i < iterations; i++) {
            if (strings) {
                out = engine.overview(request);
            } else {
                outBytes = engine.overviewUtf8(requestBytes);
            }
        }
        return strings ? out.getBytes(StandardCharsets.UTF_8).length : outBytes.length;
    }
}
