package dev.daxray.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one escaping function for terminals, and the one for HTML. */
class UntrustedTest {

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("\u001b[2J", "\\x1b[2J"),
                Arguments.of("a\nb\rc\td", "a\\nb\\rc\\td"),
                Arguments.of("nul\u0000del\u007f", "nul\\x00del\\x7f"),
                Arguments.of("c1\u0085\u009b", "c1\\x85\\x9b"),
                Arguments.of("bidi\u202a\u202b\u202c\u202d\u202e", "bidi\\u202a\\u202b\\u202c\\u202d\\u202e"),
                Arguments.of("isolates\u2066\u2067\u2068\u2069", "isolates\\u2066\\u2067\\u2068\\u2069"),
                Arguments.of("separators\u2028\u2029", "separators\\u2028\\u2029"),
                Arguments.of("kept: é ü 日本 \u00a0 \\", "kept: é ü 日本 \u00a0 \\"));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void terminal(String raw, String shown) {
        assertEquals(shown, Untrusted.terminal(raw));
    }

    @Test
    void safeTextIsReturnedAsIs() {
        String text = "Poison consumed through a DAX mapping at pfn 0x3c1b0a; fsx:4242 killed";
        assertSame(text, Untrusted.terminal(text));
        assertNull(Untrusted.terminal(null));
    }

    @Test
    void html() {
        assertEquals("&lt;img src=x onerror=&quot;a&#39;&quot;&gt; &amp; \\x1b[2J\\u202e",
                Untrusted.html("<img src=x onerror=\"a'\"> & \u001b[2J\u202e"));
        assertEquals("", Untrusted.html(null));
    }
}
