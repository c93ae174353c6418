package dev.daxray.grammar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.misc.Interval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lexer reads each character of its input a bounded number of times, whatever the input: a
 * long line of one character (or of a short unit) repeated costs at most {@link #READS_PER_CHAR}
 * character reads per character. Log lines are attacker-controlled; the envelope lexer once scanned
 * to the end of the line from every {@code [} (an SD element) and every {@code :} (a trace task
 * name's tail), so 64 KiB of {@code [} took 16 s. Counting reads, not time, keeps the test exact on
 * a loaded machine.
 */
class LexerLinearityTest {

    /** Reads allowed per character: the bounded lookahead of the longest fixed-size token, with room. */
    private static final int READS_PER_CHAR = 150;
    private static final int LENGTH = 16_000;

    static List<String> grammars() throws IOException {
        Path root = Path.of("src/main/antlr4/dev/daxray/grammar");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".g4"))
                    .map(f -> root.relativize(f).toString().replace(".g4", "").replace('/', '.'))
                    .sorted().toList();
        }
    }

    static List<String> units() {
        List<String> units = new ArrayList<>();
        for (char c = ' '; c < 127; c++) {
            units.add(String.valueOf(c));
        }
        units.addAll(List.of("\t", "\u00e9", "a:", "0:", "::", "[a", "[1.", "<1>", "a-1 ", "-1", "1,2,3,-,", "#a",
                "a b", "1.1", "a=\"", "x-1 [1] ", "0x", "0x1 ", "a:b ", "(a", "{a", "\"a", "a.", "/*", "//", "'a",
                "a(", "[<", "<a", "[a b=\"", "fe80::", "1:2:3:"));
        return units;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grammars")
    void readsEachCharacterABoundedNumberOfTimes(String grammar) throws ReflectiveOperationException {
        String simple = grammar.substring(grammar.lastIndexOf('.') + 1);
        Constructor<?> lexer = Class.forName("dev.daxray.grammar." + grammar + "Lexer").getConstructor(CharStream.class);
        for (String unit : units()) {
            String text = unit.repeat(LENGTH / unit.length());
            long reads = reads(lexer, text);
            assertTrue(reads <= (long) READS_PER_CHAR * text.length(), simple + "Lexer reads " + reads + " characters for "
                    + text.length() + " of [" + unit + "] repeated: a token rule scans ahead without bound");
        }
    }

    private static long reads(Constructor<?> constructor, String text) throws ReflectiveOperationException {
        CountingStream stream = new CountingStream(CharStreams.fromString(text));
        Lexer lexer = (Lexer) constructor.newInstance(stream);
        lexer.removeErrorListeners();
        lexer.getAllTokens();
        return stream.reads;
    }

    /** A char stream that counts the characters the lexer looks at. */
    private static final class CountingStream implements CharStream {
        private final CharStream delegate;
        private long reads;

        CountingStream(CharStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int LA(int i) {
            reads++;
            return delegate.LA(i);
        }

        @Override
        public void consume() {
            delegate.consume();
        }

        @Override
        public String getText(Interval interval) {
            return delegate.getText(interval);
        }

        @Override
        public int mark() {
            return delegate.mark();
        }

        @Override
        public void release(int marker) {
            delegate.release(marker);
        }

        @Override
        public int index() {
            return delegate.index();
        }

        @Override
        public void seek(int index) {
            delegate.seek(index);
        }

        @Override
        public int size() {
            return delegate.size();
        }

        @Override
        public String getSourceName() {
            return delegate.getSourceName();
        }
    }
}
