import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes SIZE_MIB of pseudo-random bytes (seeded, so every run reads the same file): what a binary
 * file that lands among the captures looks like to daxray (a {@code .journal}, an archive it does not open).
 *
 * <pre>java bench/GenerateRandom.java OUT SIZE_MIB [SEED]</pre>
 */
public class GenerateRandom {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long size = Long.parseLong(args[1]) << 20;
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
        byte[] block = new byte[1 << 20];
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out))) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                stream.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }
}
