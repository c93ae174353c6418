package dev.daxray.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the index remembers of one host bundle it has read: committed together with the bundle's
 * incidents, so a bundle is either fully in the index with its record or not at all.
 *
 * @param key       content hash of the bundle's bytes and of the rules that read it; a bundle with
 *                  a recorded key is skipped
 * @param host      the host name
 * @param bundle    the bundle's name under its fleet root
 * @param bytes     bytes read (as stored, compressed)
 * @param inputs    capture files read
 * @param incidents incidents found
 * @param problems  inputs that could not be read, with why (the rest was indexed)
 * @param source    where the bundle was read (its absolute path): reading that place again with
 *                  other content (new captures, other rules) replaces what it gave before; null
 *                  for records written without one
 */
@JsonPropertyOrder({"key", "host", "bundle", "bytes", "inputs", "incidents", "problems", "source"})
public record BundleRecord(String key, String host, String bundle, long bytes, int inputs, int incidents,
                           List<String> problems, String source) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public BundleRecord {
        problems = List.copyOf(problems);
    }

    /** The record as one line of JSON (how the index stores it, and how runners hand it on). */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BundleRecord fromJson(String json) {
        try {
            return MAPPER.readValue(json, BundleRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
