package dev.daxray.flink;

import java.util.List;

/**
 * What reading one bundle gave, as the source hands it on: how it ended, with the host result as
 * its journal line when it was read ({@link dev.daxray.fleet.HostResult#toJsonLine()}).
 *
 * @param name     the bundle's name
 * @param status   INDEXED, UNCHANGED or FAILED ({@link dev.daxray.fleet.BundleReader.Status})
 * @param bytes    bytes read
 * @param incidents incidents found
 * @param problems inputs that could not be read, with why
 * @param result   the host result line, or null unless INDEXED
 */
public record HostRead(String name, String status, long bytes, int incidents, List<String> problems, String result) {

    public HostRead {
        problems = new java.util.ArrayList<>(problems);     // a plain list, as Flink's serializer rebuilds it
    }
}
