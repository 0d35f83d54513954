// Times dk.egensag.Engine.overview (Java, through JNA and libegensag): median ns per call
// over ROUNDS rounds of ITERATIONS calls, after a warm-up of one round (the JIT compiles the
// binding's Java code), printed as `NS OUTPUT_BYTES` (the format of its Rust twin
// bench/examples/time_overview.rs; bench/java/run.sh compares the two).
//
//   java -Djna.library.path=DIR -cp CLASSES:jna.jar BenchOverview.java POLICY REQUEST ITERATIONS ROUNDS
import dk.egensag.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

public class BenchOverview {
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: BenchOverview POLICY REQUEST ITERATIONS ROUNDS");
            System.exit(2);
        }
        String policy = Files.readString(Path.of(args[0]));
        // The request file may end with a newline (NDJSON).
        String request = Files.readString(Path.of(args[1])).replaceAll("[\r\n]+$", "");
        int iterations = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        long bytes = 0;
        try (Engine engine = new Engine(policy)) {
            for (int i = 0; i < Math.max(iterations, 3); i++) {
                bytes += engine.overview(request).length();
            }
            double[] samples = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                String out = null;
                for (int i = 0; i < iterations; i++) {
                    out = engine.overview(request);
                }
                samples[r] = (double) (System.nanoTime() - start) / iterations;
                bytes = out.getBytes(StandardCharsets.UTF_8).length;
            }
            Arrays.sort(samples);
            System.out.printf("%.0f %d%n", samples[rounds / 2], bytes);
        }
    }
}
