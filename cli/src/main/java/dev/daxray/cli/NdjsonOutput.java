package dev.daxray.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetJson;

/**
 * {@code batch --ndjson FILE}: the incidents a batch indexes, one JSON line each, kept in step with
 * the index across a kill. Lines go to {@code FILE.partial}, which is flushed and fsynced before
 * every index commit ({@link #sync}), so whatever the index has committed is in the file. A batch
 * that finds a {@code FILE.partial} continues it: it drops a torn last line, remembers the lines
 * already there, and does not write them again (the hosts the killed batch wrote but did not
 * commit are read again and give the same lines). At the end the file is renamed to {@code FILE}.
 */
final class NdjsonOutput implements Closeable {

    private final Path file;
    private final Path partial;
    private final FileChannel channel;
    private final OutputStream out;
    /** Digests of the lines a killed batch left, with how often each is there. */
    private final Map<String, Integer> resumed;
    private boolean finished;

    private NdjsonOutput(Path file, Path partial, FileChannel channel, Map<String, Integer> resumed) {
        this.file = file;
        this.partial = partial;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        this.resumed = resumed;
    }

    static Path partialOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }

    /** Opens {@code file}'s partial file, continuing one a killed batch left. */
    static NdjsonOutput open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new java.nio.file.NoSuchFileException(file.toString());     // name the file the user gave
        }
        Path partial = partialOf(file);
        Map<String, Integer> resumed = new HashMap<>();
        FileChannel channel;
        if (Files.exists(partial)) {
            byte[] bytes = Files.readAllBytes(partial);
            int complete = 0;
            for (int i = 0, start = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    resumed.merge(digest(new String(bytes, start, i - start, StandardCharsets.UTF_8)), 1, Integer::sum);
                    start = i + 1;
                    complete = start;
                }
            }
            channel = FileChannel.open(partial, StandardOpenOption.WRITE);
            channel.truncate(complete);
            channel.position(complete);
        } else {
            channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }
        return new NdjsonOutput(file, partial, channel, resumed);
    }

    /** Lines found in a partial file left by a killed batch. */
    int resumedLines() {
        return resumed.values().stream().mapToInt(Integer::intValue).sum();
    }

    void write(FleetIncident incident) throws IOException {
        String line = FleetJson.write(incident);
        if (!resumed.isEmpty()) {
            String digest = digest(line);
            Integer n = resumed.get(digest);
            if (n != null) {
                if (n == 1) {
                    resumed.remove(digest);
                } else {
                    resumed.put(digest, n - 1);
                }
                return;      // the killed batch wrote it already
            }
        }
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** Makes every line written so far durable. */
    void sync() throws IOException {
        out.flush();
        channel.force(false);
    }

    /** Syncs and gives the file its name: the batch is complete. */
    void finish() throws IOException {
        sync();
        channel.close();
        finished = true;
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Without {@link #finish}, keeps the partial file for the next batch to continue. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            try {
                out.flush();
            } finally {
                channel.close();
            }
        }
    }

    private static String digest(String line) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
