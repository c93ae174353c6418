package dev.daxray.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The one place that sets up an ANTLR lexer and parser: error listeners, SLL-then-LL prediction and
 * instance reuse. Every language façade delegates here, so no façade repeats the setup.
 *
 * <p>A driver keeps one lexer and one parser and re-targets them per input, which matters when a
 * capture has millions of lines. It is therefore not thread-safe: use one per thread. They are made
 * on the first parse, so a run loads (and deserialises the ATN of) only the grammars its input needs.
 *
 * @param <P> the generated parser
 */
public final class ParseDriver<P extends Parser> {

    private final Function<org.antlr.v4.runtime.CharStream, ? extends Lexer> lexerFactory;
    private final Function<org.antlr.v4.runtime.TokenStream, P> parserFactory;
    private Lexer lexer;
    private P parser;
    private CommonTokenStream tokens;

    public ParseDriver(Function<org.antlr.v4.runtime.CharStream, ? extends Lexer> lexerFactory,
                       Function<org.antlr.v4.runtime.TokenStream, P> parserFactory) {
        this.lexerFactory = lexerFactory;
        this.parserFactory = parserFactory;
    }

    /**
     * Parses {@code text} with {@code entry}, or returns empty when the text is not in the language.
     * Tries the fast SLL mode first and falls back to full LL only when SLL fails, as SLL can
     * reject input that LL accepts but never accepts input that LL rejects.
     */
    public <T extends ParserRuleContext> Optional<T> tryParse(String text, Function<P, T> entry) {
        reset(text);
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return Optional.of(entry.apply(parser));
        } catch (ParseCancellationException sllFailed) {
            parser.reset(); // rewinds the tokens already lexed: no second lexing
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                return Optional.of(entry.apply(parser));
            } catch (ParseCancellationException llFailed) {
                return Optional.empty();
            }
        }
    }

    /**
     * Parses {@code text} with {@code entry}, recovering from errors so that all of them are
     * reported at once (rule files), each with its 1-based line and column.
     */
    public <T extends ParserRuleContext> Result<T> parseReportingAll(String text, Function<P, T> entry) {
        reset(text);
        List<SyntaxError> errors = new ArrayList<>();
        BaseErrorListener collector = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                    int charPositionInLine, String msg, RecognitionException e) {
                errors.add(new SyntaxError(line, charPositionInLine + 1, msg));
            }
        };
        lexer.addErrorListener(collector);
        parser.addErrorListener(collector);
        parser.setErrorHandler(new DefaultErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        try {
            T tree = entry.apply(parser);
            return new Result<>(tree, List.copyOf(errors));
        } finally {
            lexer.removeErrorListeners();
            parser.removeErrorListeners();
        }
    }

    private void reset(String text) {
        if (lexer == null) {
            lexer = lexerFactory.apply(CharStreams.fromString(""));
            lexer.removeErrorListeners();
            tokens = new CommonTokenStream(lexer);
            parser = parserFactory.apply(tokens);
            parser.removeErrorListeners();
        }
        lexer.setInputStream(CharStreams.fromString(text));
        tokens.setTokenSource(lexer);
        parser.setTokenStream(tokens);
    }

    /** A syntax error at a 1-based line and column. */
    public record SyntaxError(int line, int column, String message) {
    }

    /** A parse tree with the syntax errors met while building it (empty when the text was valid). */
    public record Result<T>(T tree, List<SyntaxError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }
}
