package dev.daxray.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * One host bundle, the unit of work a task slot is handed: a directory, archive or capture file,
 * local or on any Flink file system.
 *
 * @param order    its place in the fleet's order (name, then place), which the outputs follow
 * @param name     the bundle's name under its fleet root
 * @param location a local path, or a URI of another Flink file system (s3://, hdfs://, …)
 * @param local    true when {@code location} is a local path, read where it lies
 * @param bytes    its size, for progress
 */
public record BundleSplit(int order, String name, String location, boolean local, long bytes)
        implements SourceSplit, java.io.Serializable {

    @Override
    public String splitId() {
        return Integer.toString(order);
    }

    /** Writes splits as their fields; version 1. */
    static final class Serializer implements SimpleVersionedSerializer<BundleSplit> {
        static final Serializer INSTANCE = new Serializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(BundleSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                write(out, split);
            }
            return bytes.toByteArray();
        }

        @Override
        public BundleSplit deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return read(in);
            }
        }

        static void write(DataOutputStream out, BundleSplit split) throws IOException {
            out.writeInt(split.order());
            out.writeUTF(split.name());
            out.writeUTF(split.location());
            out.writeBoolean(split.local());
            out.writeLong(split.bytes());
        }

        static BundleSplit read(DataInputStream in) throws IOException {
            return new BundleSplit(in.readInt(), in.readUTF(), in.readUTF(), in.readBoolean(), in.readLong());
        }
    }

    /** The enumerator's state: the splits not handed out yet. */
    static final class ListSerializer implements SimpleVersionedSerializer<List<BundleSplit>> {
        static final ListSerializer INSTANCE = new ListSerializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(List<BundleSplit> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(splits.size());
                for (BundleSplit split : splits) {
                    Serializer.write(out, split);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public List<BundleSplit> deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                List<BundleSplit> splits = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    splits.add(Serializer.read(in));
                }
                return splits;
            }
        }
    }
}
