package dev.daxray.families.crash;

/**
 * Demangles the Rust symbols the kernel prints in stack traces. Rust for Linux builds with the v0 mangling
 * scheme (RFC 2603), so a frame reads {@code _RNvMs3_NtCshgDM7dBCdno_11rust_binder7processNtB5_7Process10update_ref};
 * titles name it as Rust does: {@code <rust_binder::process::Process>::update_ref}. Crate hashes
 * (disambiguators) are left out.
 *
 * <p>Paths (crate roots, nested paths, inherent and trait impls, generic arguments, back-references) and the
 * types that appear in impl paths (basic types, paths, references, pointers, slices, arrays, tuples) are
 * read; a symbol with anything else (function-pointer or {@code dyn} types) is left as printed.
 */
final class RustSymbols {

    private final String s;
    private int pos;
    private int depth;

    private RustSymbols(String s) {
        this.s = s;
    }

    /** The demangled name of a v0 symbol ({@code _R…}), or the symbol itself when it is not one. */
    static String demangle(String symbol) {
        if (!symbol.startsWith("_R")) {
            return symbol;
        }
        try {
            RustSymbols reader = new RustSymbols(symbol.substring(2));
            if (reader.peek() >= '0' && reader.peek() <= '9') {
                reader.decimal(); // encoding version
            }
            return reader.path();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return symbol;
        }
    }

    private String path() {
        if (++depth > 64) {
            throw new IllegalArgumentException("too deep");
        }
        try {
            char tag = next();
            return switch (tag) {
                case 'C' -> identifier().name();
                case 'M' -> {
                    implPath();
                    yield "<" + type() + ">";
                }
                case 'X' -> {
                    implPath();
                    String type = type();
                    yield "<" + type + " as " + path() + ">";
                }
                case 'Y' -> {
                    String type = type();
                    yield "<" + type + " as " + path() + ">";
                }
                case 'N' -> nested();
                case 'I' -> {
                    String base = path();
                    StringBuilder args = new StringBuilder();
                    while (peek() != 'E') {
                        String arg = genericArg();
                        if (arg != null) {
                            args.append(args.length() == 0 ? "" : ", ").append(arg);
                        }
                    }
                    pos++;
                    yield args.length() == 0 ? base : base + "::<" + args + ">";
                }
                case 'B' -> backref(this::path);
                default -> throw new IllegalArgumentException("path " + tag);
            };
        } finally {
            depth--;
        }
    }

    /** {@code N <namespace> <path> <identifier>}: {@code parent::name}, closures and shims in braces. */
    private String nested() {
        char namespace = next();
        String parent = path();
        Ident ident = identifier();
        if (Character.isUpperCase(namespace)) {
            String kind = namespace == 'C' ? "closure" : namespace == 'S' ? "shim" : String.valueOf(namespace);
            return parent + "::{" + kind + (ident.name().isEmpty() ? "" : ":" + ident.name()) + "#"
                    + ident.disambiguator() + "}";
        }
        return parent + "::" + ident.name();
    }

    private void implPath() {
        disambiguator();
        path();
    }

    private String genericArg() {
        char c = peek();
        if (c == 'L') {
            pos++;
            base62();
            return null;
        }
        if (c == 'K') {
            pos++;
            return constant();
        }
        return type();
    }

    private String type() {
        char c = peek();
        if (c >= 'a' && c <= 'z') {
            pos++;
            String basic = BASIC[c - 'a'];
            if (basic == null) {
                throw new IllegalArgumentException("basic type " + c);
            }
            return basic;
        }
        pos++;
        return switch (c) {
            case 'A' -> {
                String element = type();
                yield "[" + element + "; " + constant() + "]";
            }
            case 'S' -> "[" + type() + "]";
            case 'T' -> {
                StringBuilder tuple = new StringBuilder("(");
                int n = 0;
                while (peek() != 'E') {
                    tuple.append(n++ == 0 ? "" : ", ").append(type());
                }
                pos++;
                yield tuple.append(n == 1 ? ",)" : ")").toString();
            }
            case 'R', 'Q' -> {
                if (peek() == 'L') {
                    pos++;
                    base62();
                }
                yield (c == 'R' ? "&" : "&mut ") + type();
            }
            case 'P' -> "*const " + type();
            case 'O' -> "*mut " + type();
            case 'B' -> backref(this::type);
            case 'C', 'M', 'X', 'Y', 'N', 'I' -> {
                pos--;
                yield path();
            }
            default -> throw new IllegalArgumentException("type " + c);
        };
    }

    /** A const generic argument or array length: {@code <type> <hex digits> _}, {@code p} or a back-reference. */
    private String constant() {
        if (peek() == 'p') {
            pos++;
            return "_";
        }
        if (peek() == 'B') {
            pos++;
            return backref(this::constant);
        }
        type();
        boolean negative = peek() == 'n';
        if (negative) {
            pos++;
        }
        int start = pos;
        while (peek() != '_') {
            pos++;
        }
        String hex = s.substring(start, pos++);
        return (negative ? "-" : "") + (hex.isEmpty() ? "0" : Long.toUnsignedString(Long.parseUnsignedLong(hex, 16)));
    }

    private record Ident(String name, long disambiguator) {
    }

    /** {@code [s<base62>] [u] <decimal> [_] <bytes>}; punycode ({@code u}) names are kept encoded. */
    private Ident identifier() {
        long disambiguator = disambiguator();
        if (peek() == 'u') {
            pos++;
        }
        int length = decimal();
        if (pos < s.length() && s.charAt(pos) == '_') {
            pos++;
        }
        String name = s.substring(pos, pos + length);
        pos += length;
        return new Ident(name, disambiguator);
    }

    private long disambiguator() {
        if (peek() != 's') {
            return 0;
        }
        pos++;
        return base62() + 1;
    }

    private <T> T backref(java.util.function.Supplier<T> read) {
        int target = (int) base62();
        if (target >= pos) {
            throw new IllegalArgumentException("forward back-reference");
        }
        int saved = pos;
        pos = target;
        try {
            return read.get();
        } finally {
            pos = saved;
        }
    }

    /** {@code _} is 0, {@code <digits>_} is their base-62 value plus one. */
    private long base62() {
        long value = 0;
        if (peek() == '_') {
            pos++;
            return 0;
        }
        char c;
        while ((c = next()) != '_') {
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10
                    : c >= 'A' && c <= 'Z' ? c - 'A' + 36 : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("base62 " + c);
            }
            value = value * 62 + digit;
        }
        return value + 1;
    }

    private int decimal() {
        int start = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("number expected");
        }
        return Integer.parseInt(s.substring(start, pos));
    }

    private char peek() {
        return s.charAt(pos);
    }

    private char next() {
        return s.charAt(pos++);
    }

    /** Basic types by their letter ({@code a} … {@code z}). */
    private static final String[] BASIC = {"i8", "bool", "char", "f64", "str", "f32", null, "u8", "isize", "usize",
        null, "i32", "u32", "i128", "u128", "_", null, null, "i16", "u16", "()", "...", null, "i64", "u64", "!"};
}
