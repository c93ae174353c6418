package dev.daxray.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

    @TempDir
    Path dir;

    private Inputs.Expansion expand(String... paths) {
        return Inputs.expand(List.of(paths), new ByteArrayInputStream(new byte[0]));
    }

    private static List<String> names(Inputs.Expansion expansion) {
        return expansion.inputs().stream().map(CaptureInput::name).toList();
    }

    @Test
    void walksDirectoriesRecursivelyInNameOrder() throws IOException {
        Files.createDirectories(dir.resolve("b/sub"));
        Files.writeString(dir.resolve("c.log"), "c");
        Files.writeString(dir.resolve("a.log"), "a");
        Files.writeString(dir.resolve("b/sub/z.log"), "z");
        Files.writeString(dir.resolve("b/y.log"), "y");
        Inputs.Expansion expansion = expand(dir.toString());
        assertEquals(List.of(dir.resolve("a.log").toString(), dir.resolve("b/sub/z.log").toString(),
                dir.resolve("b/y.log").toString(), dir.resolve("c.log").toString()), names(expansion));
    }

    @Test
    void honoursDaxrayIgnoreAndSkipsHiddenFilesButListsThem() throws IOException {
        Files.createDirectories(dir.resolve("expected"));
        Files.writeString(dir.resolve("expected/events.jsonl"), "{}");
        Files.writeString(dir.resolve("README.md"), "# case");
        Files.writeString(dir.resolve(".hidden"), "x");
        Files.writeString(dir.resolve("dmesg.log"), "x");
        Files.writeString(dir.resolve(Inputs.IGNORE_FILE), "# goldens\nexpected/\nREADME.md\n");
        Inputs.Expansion expansion = expand(dir.toString());
        assertEquals(List.of(dir.resolve("dmesg.log").toString()), names(expansion));
        assertEquals(3, expansion.ignored().size());
    }

    @Test
    void reportsMissingPathsAndKeepsTheOthers() throws IOException {
        Files.writeString(dir.resolve("a.log"), "a");
        Inputs.Expansion expansion = expand(dir.resolve("nope.log").toString(), dir.resolve("a.log").toString());
        assertEquals(List.of(dir.resolve("a.log").toString()), names(expansion));
        assertEquals(List.of(dir.resolve("nope.log") + ": no such file or directory"), expansion.problems());
    }

    @Test
    void stopsAtSymbolicLinkLoops() throws IOException {
        Files.createDirectories(dir.resolve("x"));
        Files.writeString(dir.resolve("x/a.log"), "a");
        Files.createSymbolicLink(dir.resolve("x/loop"), dir);
        Inputs.Expansion expansion = expand(dir.toString());
        assertEquals(List.of(dir.resolve("x/a.log").toString()), names(expansion));
        assertTrue(expansion.problems().get(0).contains("directory loop"), expansion.problems().toString());
    }

    @Test
    void readsStandardInputForDash() throws IOException {
        Inputs.Expansion expansion = Inputs.expand(List.of("-"), new ByteArrayInputStream("hi".getBytes()));
        assertEquals(List.of("-"), names(expansion));
        assertEquals("hi", new String(expansion.inputs().get(0).opener().open().readAllBytes()));
    }
}
