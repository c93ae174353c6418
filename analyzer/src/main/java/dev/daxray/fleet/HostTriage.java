package dev.daxray.fleet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

import dev.daxray.rules.RuleLoader;
import dev.daxray.rules.RuleSet;

/**
 * Everything one host needs, as plain Java for any runner: a host bundle is read into events,
 * triaged, and turned into fleet incidents with the bundle's content key
 * ({@link BundleReader.Outcome}); {@link HostResult} is what a runner hands on, and
 * {@link FleetJson} the incident JSON. {@code daxray batch} and the Flink job both call this,
 * so they give the same incidents, byte for byte. No engine or index type appears here.
 */
public final class HostTriage {

    /**
     * The rules a fleet is read with, and what the bundle keys depend on besides content.
     *
     * @param rules  the compiled rules
     * @param digest SHA-256 of the output format and every rule file's name and text
     */
    public record Settings(RuleSet rules, String digest) {

        /**
         * Compiles {@code texts} and digests them with {@code outputFormat}, the layout version of
         * what the incidents are written to (the index's), so a new layout reads every bundle again.
         */
        public static Settings of(List<RuleLoader.RuleText> texts, String outputFormat) {
            return new Settings(RuleLoader.load(texts), HostTriage.digest(texts, outputFormat));
        }
    }

    private HostTriage() {
    }

    /**
     * Reads one bundle: skipped ({@code UNCHANGED}) when {@code alreadyDone} knows its content
     * key, {@code FAILED} with the reasons when it cannot be read, else {@code INDEXED} with its
     * incidents. Never throws for bad input.
     */
    public static BundleReader.Outcome read(HostBundle bundle, Settings settings, Predicate<String> alreadyDone,
                                            LongConsumer bytesRead) {
        return BundleReader.read(bundle, new BundleReader.Context(settings.rules(), settings.digest(), alreadyDone, bytesRead));
    }

    /** What bundle keys depend on besides content: the rules and the output's layout. */
    public static String digest(List<RuleLoader.RuleText> texts, String outputFormat) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("index-format " + outputFormat + "\n").getBytes(StandardCharsets.UTF_8));
            for (RuleLoader.RuleText t : texts) {
                md.update((t.name() + "\n" + t.text() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
