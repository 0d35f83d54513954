import dk.egensag.EgensagException;
import dk.egensag.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints a citizen's overview as JSON: Overview [POLICY.json [REQUEST.json [CATALOGUE.xml]]] */
public class Overview {
    public static void main(String[] args) throws IOException {
        String policy = Files.readString(Path.of(args.length > 0 ? args[0] : "examples/data/policy.json"));
        String request = Files.readString(Path.of(args.length > 1 ? args[1] : "examples/data/anna.json"));
        String catalogue = args.length > 2 ? Files.readString(Path.of(args[2])) : null;
        // Make the engine once per policy and share it (it is thread-safe); close it at the end.
        try (Engine engine = new Engine(policy, catalogue)) {
            System.out.println(engine.overview(request));   // the library's exact JSON text
        } catch (EgensagException e) {
            // e.getCode() "invalid_input", e.getPath() "cases[3].kle"; no personal data in it
            System.err.println(e.getJson());
            System.exit(2);
        }
    }
}
