package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark programs under {@code bench/} run as single-file sources against the CLI jar, so
 * nothing in the build compiles them: this test does, against the same classes, so a change to
 * the incident model cannot leave a benchmark that no longer starts.
 */
class BenchSourcesTest {

    @TempDir
    Path out;

    @Test
    void everyBenchmarkProgramCompilesAgainstTheCurrentClasses() throws IOException {
        Path bench = TestFleet.samples().getParent().resolve("bench");
        List<String> sources;
        try (Stream<Path> files = Files.list(bench)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "no benchmark sources in " + bench);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (String source : sources) {
            // One at a time, as `java File.java` compiles them: each declares its own top-level class.
            List<String> args = new ArrayList<>(List.of("-proc:none", "-d", out.resolve(Path.of(source).getFileName()
                    .toString()).toString(), "-cp", System.getProperty("java.class.path"), source));
            StringWriter errors = new StringWriter();
            int code = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    errors.write(b);
                }
            }), args.toArray(new String[0]));
            assertEquals(0, code, source + " does not compile:\n" + errors);
        }
    }
}
