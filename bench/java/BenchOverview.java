// Times dk.egensag.Engine.overview (Java, through JNA and libegensag): median ns per call
// over ROUNDS rounds of ITERATIONS calls, after a warm-up of 2 s (the JIT compiles the
// binding's Java code), printed as `NS OUTPUT_BYTES` (the format of its Rust twin
// bench/examples/time_overview.rs; bench/java/run.sh compares the two). API `string` times
// overview(String) -> String, `bytes` overviewUtf8(byte[]) -> byte[].
//
//   java -Djna.library.path=DIR -cp CLASSES:jna.jar BenchOverview POLICY REQUEST ITERATIONS ROUNDS API
import dk.egensag.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

public class BenchOverview {
    public static void main(String[] args) throws IOException {
        if (args.length != 5 || !(args[4].equals("string") || args[4].equals("bytes"))) {
            System.err.println("usage: BenchOverview POLICY REQUEST ITERATIONS ROUNDS string|bytes");
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
            double[] samples = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                String out = null;
                byte[] outBytes = null;
                for (int i = 0; i < iterations; i++) {
                    if (strings) {
                        out = engine.overview(request);
                    } else {
                        outBytes = engine.overviewUtf8(requestBytes);
                    }
                }
                samples[r] = (double) (System.nanoTime() - start) / iterations;
                bytes = strings ? out.getBytes(StandardCharsets.UTF_8).length : outBytes.length;
            }
            Arrays.sort(samples);
            System.out.printf("%.0f %d%n", samples[rounds / 2], bytes);
        }
    }
}
