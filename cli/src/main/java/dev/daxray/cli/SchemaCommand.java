package dev.daxray.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.daxray.events.EventSchema;
import dev.daxray.families.Family;
import dev.daxray.families.shipped.Families;
import dev.daxray.timeline.InputFormats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code daxray schema}: the event types, their fields, the message families and the input formats daxray reads. */
@Command(name = "schema",
        mixinStandardHelpOptions = true,
        description = {
                "List the event types with their fields, the message families with their keywords, and the input",
                "formats (recognised by content, not by file name).",
                "The field names are those rules and jsonl use; a family's keywords route a line to it."},
        footer = {"", "Every event also has: type, file, line, time, wall, boot, host, kernel,",
                "text."})
public final class SchemaCommand implements Callable<Integer> {

    @Option(names = "--keywords", description = "Print only the prefilter keywords, one per line (e.g. for grep -F -f).")
    boolean keywordsOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (keywordsOnly) {
            Families.standard().stream().flatMap(f -> f.keywords().stream()).distinct().forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Event types:");
        for (EventSchema.Type type : EventSchema.get().types()) {
            out.printf("  %-20s %s%n", type.name(), type.description());
            StringBuilder fields = new StringBuilder();
            for (EventSchema.Field field : type.ownFields()) {
                fields.append(fields.length() == 0 ? "" : ", ").append(field.name()).append(':')
                        .append(field.valueType().getSimpleName());
            }
            out.printf("  %-20s   fields: %s%n", "", fields.length() == 0 ? "(none)" : fields);
        }
        out.println();
        out.println("Message families (a line reaches a family only if it contains one of its keywords):");
        for (Family family : Families.standard()) {
            out.printf("  %-16s %s%n", family.name(), String.join(" | ", family.keywords()));
        }
        out.println();
        out.println("Input formats (recognised by content, not by file name; [caller] appended with printk caller ids):");
        for (InputFormats.Format format : InputFormats.all()) {
            out.printf("  %-28s %s%n", format.name(), format.description());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
