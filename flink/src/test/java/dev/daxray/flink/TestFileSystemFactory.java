package dev.daxray.flink;

import java.net.URI;

import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystemFactory;
import org.apache.flink.core.fs.local.LocalFileSystem;

/**
 * A file system that is not local to daxray ({@code testfs://}), as an s3:// or hdfs:// one would
 * be, served by Flink's local file system: roots on it are listed and their bundles copied to
 * the slot before reading, through Flink's FileSystem API only.
 */
public final class TestFileSystemFactory implements FileSystemFactory {

    @Override
    public String getScheme() {
        return "testfs";
    }

    @Override
    public FileSystem create(URI uri) {
        return LocalFileSystem.getSharedInstance();
    }
}
