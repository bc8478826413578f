// Reference side of the differential test: reads each HOCON file named on the command line
// with Typesafe Config (parseFile + resolve, environment variables as fallback) and prints one
// line per file: "OK <compact JSON>" or "ERROR <message>". Any throwable (a parse error, a
// StackOverflowError on absurd nesting...) counts as the file being rejected.

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public final class HoconToJson {
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (String file : args) {
            String line;
            try {
                line = "OK " + ConfigFactory.parseFile(new File(file)).resolve().root()
                        .render(ConfigRenderOptions.concise());
            } catch (Throwable error) {
                line = "ERROR " + String.valueOf(error.getMessage()).replace('\n', ' ');
            }
            out.println(line);
        }
    }
}
