package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./daxray} launcher, started three times at once on a fresh clone, builds once and
 * every launcher runs the complete jar: with flock, and with the mkdir lock where flock is missing.
 * The build is a stand-in {@code mvn} on the PATH (slow, writing the jar in two steps and counting
 * its runs), so the test checks the launcher's locking and atomic rename in seconds; .ci/run races
 * two real launchers on a bare clone with the real Maven build. The class-data-sharing archive is
 * made once per jar under the same lock (a stand-in {@code java} writes it and counts the dumps),
 * every run uses it, and a rebuilt jar gets a new one.
 */
class LauncherTest {

    static final Path LAUNCHER = Path.of("..", "daxray");
    static final String SERIAL = "-XX:+UseSerialGC";
    /** The compile commands of a larger triage: the engine's methods compiled each on its own. */
    static final String APART = "-XX:CompileCommand=quiet -XX:CompileCommand=dontinline,dev.daxray.matches.*::*"
            + " -XX:CompileCommand=dontinline,dev.daxray.incidents.*::*";
    /** What a larger triage adds: those, and big compiled methods kept out of others. */
    static final String ENGINE = APART + " -XX:InlineSmallCode=250";

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
        Files.createDirectories(repo.resolve("samples/dax-poison-consumed-6x"));
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
        List<String> tools = new ArrayList<>(List.of("bash", "env", "find", "mkdir", "mv", "rm", "cat", "sleep", "dirname", "stat", "awk", "readlink", "paste", "grep"));
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
                opts=()
                while (( $# )) && [[ $1 != -jar ]]; do
                  case $1 in
                    -XX:DumpLoadedClassList=*) echo 'dev/daxray/cli/Main' > "${1#*=}";;
                    -XX:SharedArchiveFile=*) archive=${1#*=};;
                    -Xshare:dump) dump=1;;
                  esac
                  opts+=("$1"); shift
                done
                if [[ -n "${dump:-}" ]]; then
                  echo "dump $$" >> "$ARCHIVES"; sleep 1; [[ -n "${NO_CDS:-}" ]] || printf 'cds' > "$archive"
                  exit 0
                fi
                echo "ran [$(cat "$2")] with ${*:3} using [${opts[*]}]"
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
            pb.environment().put("ARCHIVES", dir.resolve("archives.txt").toString());
            launchers.add(pb.start());
        }
        for (int i = 0; i < launchers.size(); i++) {
            Process p = launchers.get(i);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher ended");
            String output = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.endsWith("ran [half jar] with events x" + i + " using [-XX:SharedArchiveFile="
                    + archive(repo, bin) + " " + SERIAL + "]\n"), output);
        }
        assertEquals(1, Files.readAllLines(builds).size(), "one build: " + Files.readAllLines(builds));
        assertEquals(1, Files.readAllLines(dir.resolve("archives.txt")).size(), "one archive");
        try (var left = Files.list(repo.resolve("cli/target"))) {
            String jsa = archive(repo, bin).getFileName().toString();
            assertEquals(withFlock ? List.of(".daxray-build.lock", jsa, "daxray.jar") : List.of(jsa, "daxray.jar"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary jar, archive or lock directory left");
        }
    }

    @Test
    void aRebuiltJarGetsANewArchiveAndAJvmWithoutOneRunsWithout() throws Exception {
        Path repo = freshClone();
        Path bin = path(true);
        String first = run(repo, bin, Map.of());
        Path archive = archive(repo, bin);
        assertTrue(first.endsWith("using [-XX:SharedArchiveFile=" + archive + " " + SERIAL + "]\n"), first);
        assertTrue(first.contains("daxray: making the class-data archive"), first);
        String again = run(repo, bin, Map.of());
        assertTrue(again.endsWith("using [-XX:SharedArchiveFile=" + archive + " " + SERIAL + "]\n") && !again.contains("making"), again);
        assertEquals(1, Files.readAllLines(dir.resolve("archives.txt")).size(), "the archive is made once per jar");
        assertTrue(run(repo, bin, Map.of("DAXRAY_CDS", "0")).endsWith("using [" + SERIAL + "]\n"), "DAXRAY_CDS=0 runs without");

        Files.setLastModifiedTime(repo.resolve("cli/target/daxray.jar"), FileTime.fromMillis(0)); // a source is newer
        String rebuilt = run(repo, bin, Map.of("NO_CDS", "1"));    // this JVM cannot dump: it runs without
        assertTrue(rebuilt.endsWith("using [" + SERIAL + "]\n"), rebuilt);
        assertFalse(Files.exists(archive), "the old jar's archive is gone");
        assertTrue(run(repo, bin, Map.of()).endsWith("using [" + SERIAL + "]\n"), "no second training for the same jar");
        assertEquals(2, Files.readAllLines(dir.resolve("builds.txt")).size());
        assertEquals(2, Files.readAllLines(dir.resolve("archives.txt")).size());
    }

    /**
     * Commands that read one host's captures run with the serial collector (a small, bounded live set: G1
     * would grow the heap first); batch and serve keep the JVM's default; a collector the user picks wins.
     */
    @Test
    void singleHostCommandsRunWithTheSerialCollectorUnlessTheUserPicksOne() throws Exception {
        Path repo = freshClone();
        Path bin = path(true);
        Map<String, String> noCds = Map.of("DAXRAY_CDS", "0");
        for (String command : List.of("events", "search", "rules")) {
            assertTrue(run(repo, bin, noCds, command, "x").endsWith("using [" + SERIAL + "]\n"), command);
        }
        assertTrue(run(repo, bin, noCds, "triage", "x").endsWith("using [" + SERIAL + " " + ENGINE + "]\n"));
        for (String command : List.of("batch", "serve")) {
            assertTrue(run(repo, bin, noCds, command, "x").endsWith("using []\n"), command);
        }
        String picked = run(repo, bin, Map.of("DAXRAY_CDS", "0", "DAXRAY_JAVA_OPTS", "-Xmx1g -XX:+UseG1GC"), "triage", "x");
        assertTrue(picked.endsWith("using [" + ENGINE + " -Xmx1g -XX:+UseG1GC]\n"), picked);
        String tool = run(repo, bin, Map.of("DAXRAY_CDS", "0", "JAVA_TOOL_OPTIONS", "-XX:+UseParallelGC"), "events", "x");
        assertTrue(tool.endsWith("using []\n"), tool);
        assertTrue(run(repo, bin, Map.of("DAXRAY_CDS", "0", "DAXRAY_JAVA_OPTS", "-Xmx256m"), "events", "x")
                .endsWith("using [" + SERIAL + " -Xmx256m]\n"), "a heap size alone keeps the serial collector");
    }

    /**
     * A small capture (at most 32 MiB, a compressed file counted at ten times its size) runs with the client
     * compiler only; a larger one, standard input, batch and serve keep tiered compilation, and so does a user
     * who picks a JIT mode. Triage of a larger capture (or of standard input) compiles the engine's methods
     * each on its own and keeps big compiled methods out of others; a user's own compile commands or JIT mode
     * win, and a user's {@code InlineSmallCode} replaces only the launcher's.
     */
    @Test
    void smallCapturesRunWithTheClientCompilerOnly() throws Exception {
        Path repo = freshClone();
        Path bin = path(true);
        Map<String, String> noCds = Map.of("DAXRAY_CDS", "0");
        Path small = Files.writeString(dir.resolve("dmesg.log"), "[    0.000000] Linux version 6.1.0\n");
        Path captures = Files.createDirectories(dir.resolve("host"));
        Files.copy(small, captures.resolve("dmesg.log"));
        String c1 = SERIAL + " -XX:TieredStopAtLevel=1";
        assertTrue(run(repo, bin, noCds, "triage", small.toString()).endsWith("using [" + c1 + "]\n"));
        assertTrue(run(repo, bin, noCds, "events", "--format", "jsonl", captures.toString()).endsWith("using [" + c1 + "]\n"));
        String tiered = SERIAL + " " + ENGINE;
        assertTrue(run(repo, bin, noCds, "triage", small.toString(), "-").endsWith("using [" + tiered + "]\n"), "stdin");
        assertTrue(run(repo, bin, noCds, "batch", captures.toString()).endsWith("using []\n"), "batch");
        Path large = sized("large.log", 33L << 20);
        assertTrue(run(repo, bin, noCds, "triage", small.toString(), large.toString()).endsWith("using [" + tiered + "]\n"));
        assertTrue(run(repo, bin, noCds, "events", large.toString()).endsWith("using [" + SERIAL + "]\n"), "no engine");
        assertTrue(run(repo, bin, noCds, "triage", sized("three.log.gz", 3L << 20).toString()).endsWith("using [" + c1 + "]\n"));
        assertTrue(run(repo, bin, noCds, "triage", sized("four.log.gz", 4L << 20).toString()).endsWith("using [" + tiered + "]\n"),
                "a compressed file counts ten times");
        String picked = run(repo, bin, Map.of("DAXRAY_CDS", "0", "DAXRAY_JAVA_OPTS", "-XX:-TieredCompilation"), "triage", small.toString());
        assertTrue(picked.endsWith("using [" + SERIAL + " -XX:-TieredCompilation]\n"), picked);
        String own = run(repo, bin, Map.of("DAXRAY_CDS", "0", "DAXRAY_JAVA_OPTS", "-XX:CompileCommand=quiet"), "triage", large.toString());
        assertTrue(own.endsWith("using [" + SERIAL + " -XX:CompileCommand=quiet]\n"), own);
        String apart = SERIAL + " " + APART;
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            Map<String, String> size = Map.of("DAXRAY_CDS", "0", variable, "-XX:InlineSmallCode=1000");
            String inline = run(repo, bin, size, "triage", large.toString());
            assertTrue(inline.endsWith("using [" + apart + "]\n"), variable + ": " + inline);
            assertTrue(run(repo, bin, size, "triage", small.toString()).endsWith("using [" + c1 + "]\n"), variable);
        }
        String inline = run(repo, bin, Map.of("DAXRAY_CDS", "0", "DAXRAY_JAVA_OPTS", "-XX:InlineSmallCode=1000"),
                "triage", large.toString());
        assertTrue(inline.endsWith("using [" + apart + " -XX:InlineSmallCode=1000]\n"), inline);
    }

    /** A sparse file of {@code size} bytes: no disk, but the size the launcher sees. */
    private Path sized(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    private String run(Path repo, Path bin, Map<String, String> env) throws Exception {
        return run(repo, bin, env, "events", "x");
    }

    private String run(Path repo, Path bin, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(repo.resolve("daxray").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("BUILDS", dir.resolve("builds.txt").toString());
        pb.environment().put("ARCHIVES", dir.resolve("archives.txt").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher ended");
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    /** The archive the launcher names after the jar's and the java binary's inode, mtime and size. */
    private static Path archive(Path repo, Path bin) throws IOException {
        return repo.resolve("cli/target/daxray-" + identity(repo.resolve("cli/target/daxray.jar")) + "-"
                + identity(bin.resolve("java").toRealPath()) + ".jsa");
    }

    private static String identity(Path file) throws IOException {
        Object inode = Files.getAttribute(file, "unix:ino");
        long mtime = Files.getLastModifiedTime(file).to(TimeUnit.SECONDS);
        return inode + "-" + mtime + "-" + Files.size(file);
    }
}
