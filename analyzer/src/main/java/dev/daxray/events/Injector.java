package dev.daxray.events;

/**
 * An error injector at work: the EINJ or mce-inject module's own messages, or an inject command in a shell or
 * QEMU monitor transcript pasted into a capture. Such a line names no page of its own (the madvise and
 * hwpoison-inject lines are {@link PoisonInjected}); the rules join it to the errors that follow.
 *
 * @param tool    {@code einj}, {@code mce-inject}, {@code ndctl}, {@code hwpoison-inject} or {@code qemu}; for a trace
 *                line, the injection tool that was its task ({@code einj_mem_uc}, …)
 * @param action  {@code loaded} (the module initialised), {@code inject} (an injection starts or is
 *                commanded), {@code done} or {@code timeout}
 * @param device  the device an {@code ndctl inject-error} command names, e.g. {@code namespace0.0}
 * @param pfn     the page a {@code corrupt-pfn} write names
 * @param cpu     the CPU mce-inject raises the machine check on
 * @param command the transcript's command line without its prompt; null for a kernel message
 */
@EventType(value = "injector", description = "error injector at work (EINJ, mce-inject, an inject command in a transcript)")
public record Injector(Origin origin, String tool, String action, String device, Hex pfn, Integer cpu, String command)
        implements Event {
}
