package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./daxray} launcher, started three times at once on a fresh clone, builds once and
 * every launcher runs the complete jar: with flock, and with the mkdir lock where flock is missing.
 * The build is a stand-in {@code mvn} on the PATH (slow, writing the jar in two steps and counting
 * its runs), so the test checks the launcher's locking and atomic rename in seconds; .ci/run races
 * two real launchers on a bare clone with the real Maven build.
 */
class LauncherTest {

    static final Path LAUNCHER = Path.of("..", "daxray");

    @TempDir
    Path dir;

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A fresh clone's layout: the launcher and the files its staleness check looks at, no jar. */
    private Path freshClone() throws IOException {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        Files.copy(LAUNCHER, repo.resolve("daxray"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        for (String module : List.of("grammar", "analyzer", "rules", "opensearch", "cli")) {
            Files.createDirectories(repo.resolve(module + "/src/main"));
            Files.writeString(repo.resolve(module + "/pom.xml"), "<project/>");
            Files.writeString(repo.resolve(module + "/src/main/Source.java"), "class Source {}");
        }
        return repo;
    }

    /** A PATH with the stand-in mvn and java, and the real tools the launcher uses (flock only when asked). */
    private Path path(boolean withFlock) throws IOException {
        Path bin = dir.resolve(withFlock ? "bin-flock" : "bin-mkdir");
        Files.createDirectories(bin);
        List<String> tools = new ArrayList<>(List.of("bash", "env", "find", "mkdir", "mv", "rm", "cat", "sleep", "dirname"));
        if (withFlock) {
            tools.add("flock");
        }
        for (String tool : tools) {
            Path real = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream().filter(Files::isExecutable)
                    .findFirst().orElse(null);
            assumeTrue(real != null, tool + " is installed");
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        script(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                for a in "$@"; do case $a in -Ddaxray.jar.name=*) name=${a#*=};; esac; done
                echo "build $$" >> "$BUILDS"
                sleep 2
                mkdir -p cli/target
                printf 'half' > "cli/target/$name.jar"
                sleep 0.5
                printf ' jar' >> "cli/target/$name.jar"
                """);
        script(bin.resolve("java"), """
                #!/usr/bin/env bash
                while [[ $1 != -jar ]]; do shift; done
                echo "ran [$(cat "$2")] with ${*:3}"
                """);
        return bin;
    }

    @ParameterizedTest(name = "flock: {0}")
    @ValueSource(booleans = {true, false})
    void launchersStartedTogetherBuildOnceAndAllRun(boolean withFlock) throws Exception {
        Path repo = freshClone();
        Path bin = path(withFlock);
        Path builds = dir.resolve("builds.txt");
        List<Process> launchers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ProcessBuilder pb = new ProcessBuilder(repo.resolve("daxray").toString(), "events", "x" + i)
                    .redirectErrorStream(true);
            pb.environment().put("PATH", bin.toString());
            pb.environment().put("BUILDS", builds.toString());
            launchers.add(pb.start());
        }
        for (int i = 0; i < launchers.size(); i++) {
            Process p = launchers.get(i);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher ended");
            String output = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.endsWith("ran [half jar] with events x" + i + "\n"), output);
        }
        assertEquals(1, Files.readAllLines(builds).size(), "one build: " + Files.readAllLines(builds));
        try (var left = Files.list(repo.resolve("cli/target"))) {
            assertEquals(withFlock ? List.of(".daxray-build.lock", "daxray.jar") : List.of("daxray.jar"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary jar or lock directory left");
        }
    }
}
