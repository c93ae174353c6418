package dev.daxray.fleet;

import java.nio.file.Path;

/**
 * One host's collected logs in a fleet dump: a directory, an archive (tar, optionally gzip / xz /
 * zstd / bzip2 compressed), or a single capture file.
 *
 * @param name   the directory or file name under the fleet root (the host name when the logs do not
 *               name the host; archive extensions removed)
 * @param path   where it is
 * @param bytes  its size on disk, for progress
 * @param source where it is, as the index records it: reading the same place again replaces what
 *               it gave. The absolute, normalised path for a local bundle; the URI it was copied
 *               from for one a runner staged from a remote file system.
 */
public record HostBundle(String name, Path path, long bytes, String source) {

    private static final String[] ARCHIVE_SUFFIXES = {".tar.gz", ".tgz", ".tar.zst", ".tar.xz", ".txz", ".tar.bz2",
            ".tbz2", ".tar"};
    private static final String[] COMPRESSED_SUFFIXES = {".gz", ".xz", ".zst", ".bz2"};
    /** What a single capture file's name says it is, not which host: {@code web-1.log.gz} is host web-1. */
    private static final String[] CAPTURE_SUFFIXES = {".log", ".txt"};

    /** A bundle read where it lies. */
    public HostBundle(String name, Path path, long bytes) {
        this(name, path, bytes, sourceOf(path));
    }

    /** How the index names a place: its absolute, normalised path. */
    public static String sourceOf(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    /** True when the name says tar archive; such a bundle must be one. */
    public boolean namedAsArchive() {
        String file = path.getFileName().toString();
        for (String suffix : ARCHIVE_SUFFIXES) {
            if (file.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The host name a file or directory name stands for: archive and compression suffixes removed,
     * then a {@code .log} or {@code .txt}.
     */
    public static String hostName(String fileName) {
        for (String suffix : ARCHIVE_SUFFIXES) {
            if (fileName.endsWith(suffix) && fileName.length() > suffix.length()) {
                return fileName.substring(0, fileName.length() - suffix.length());
            }
        }
        String name = fileName;
        for (String suffix : COMPRESSED_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        for (String suffix : CAPTURE_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
