package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A run builds the model of the subcommand it names only; anything else (no subcommand, help, a
 * misspelt name) gets every subcommand, so help, suggestions and errors are those of the full tool.
 */
class LazySubcommandsTest {

    private static final List<String> ALL = List.of("events", "schema", "triage", "rules", "batch", "search", "report",
            "serve", "index", "export", "help");

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertEquals(List.of("triage"), names("triage", "samples/x"));
        assertEquals(List.of("search"), names("search", "--index", "idx", "-severity:high"));
    }

    @Test
    void everythingElseGetsEverySubcommand() {
        assertEquals(ALL, names());
        assertEquals(ALL, names("--help"));
        assertEquals(ALL, names("help", "triage"));
        assertEquals(ALL, names("trige", "x"));
    }

    @Test
    void aLazySearchStillTakesAQueryThatStartsWithADash() {
        StringWriter err = new StringWriter();
        PrintWriter w = new PrintWriter(err, true);
        picocli.CommandLine cli = Cli.newCommandLine(w, w, new ByteArrayInputStream(new byte[0]), "search");
        assertTrue(cli.getSubcommands().get("search").isUnmatchedOptionsArePositionalParams());
    }

    private static List<String> names(String... args) {
        PrintWriter w = new PrintWriter(new StringWriter());
        return List.copyOf(Cli.newCommandLine(w, w, new ByteArrayInputStream(new byte[0]), args).getSubcommands().keySet());
    }
}
