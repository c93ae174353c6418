package dev.daxray.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The page's own files (stylesheet, script, icon), read once from the class path. Each is linked
 * with a hash of its content ({@code /static/app.js?v=…}), so browsers may cache it for good and
 * still get a new one after an upgrade; CSP {@code script-src 'self'} lets exactly these run.
 */
final class StaticFiles {

    private record File(byte[] bytes, String type, String hash) {
    }

    private static final Map<String, File> FILES = Map.of(
            "app.css", load("app.css", "text/css; charset=utf-8"),
            "app.js", load("app.js", "text/javascript; charset=utf-8"),
            "icon.svg", load("icon.svg", "image/svg+xml"));

    private StaticFiles() {
    }

    private static File load(String name, String type) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource static/" + name);
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
            return new File(bytes, type, hash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link to a file, with its content hash. */
    static String path(String name) {
        return "/static/" + name + "?v=" + FILES.get(name).hash();
    }

    /** Answers {@code /static/NAME}; false when there is no such file. */
    static boolean serve(Request request) throws IOException {
        File file = FILES.get(request.path().substring("/static/".length()));
        if (file == null) {
            return false;
        }
        request.header("ETag", "\"" + file.hash() + "\"");
        request.send(200, file.type(), file.bytes(), "public, max-age=31536000, immutable");
        return true;
    }
}
