package dev.daxray.events;

import java.util.Map;

/**
 * An {@code fs_dax:*} tracepoint: a DAX fault, hole load, mapping insert or writeback on a file.
 *
 * @param event   the tracepoint name, e.g. {@code dax_pte_fault_done}
 * @param device  the filesystem's device as {@code major:minor}, e.g. {@code 259:0}
 * @param inode   the file's inode number
 * @param address the faulting user address, when printed
 * @param pgoff   the page offset in the file (the start of a writeback range), when printed
 * @param result  the fault result flags as printed ({@code SIGBUS|HWPOISON}, {@code NOPAGE}), when printed
 * @param fields  every other {@code name value} pair and the leading words (key {@code mode}: e.g.
 *                {@code shared WRITE|USER}), as printed, in order
 */
@EventType(value = "fs-dax", description = "fs_dax tracepoint: DAX fault, hole, mapping or writeback on a file")
public record FsDax(Origin origin, String event, String device, Hex inode, Hex address, Hex pgoff, String result,
                    Map<String, String> fields) implements Event {

    public FsDax {
        fields = OrderedMaps.copyOf(fields);
    }
}
