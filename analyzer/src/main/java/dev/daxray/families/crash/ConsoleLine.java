package dev.daxray.families.crash;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.records.EnvelopeKind;
import dev.daxray.records.LogRecord;

/**
 * A line as a report's text sees it: whose output it is, and the message.
 *
 * <p>The context is the printk caller id ({@code T123}, {@code C1}), {@link ReportText#CONSOLE} for other
 * lines with a prefix, "" for lines without one. A serial console also glues kernel lines to whatever
 * was on the line before: a getty prompt ({@code syzkaller login: [   16.305150] INFO: …}) or the
 * ring buffer's overflow note ({@code ** 5 printk messages dropped ** [   16.3] …}). Such a line has no
 * prefix of its own, but the kernel's is inside it: its context and message are taken from there.
 *
 * @param context  whose output the line is
 * @param body     the message without any prefix
 * @param prefixed whether the line had a log prefix
 */
record ConsoleLine(String context, String body, boolean prefixed) {

    private static final Pattern GLUED = Pattern.compile(
            "(?:login: |printk messages dropped \\*\\* )(?:<\\d+>)?\\[ *\\d+\\.\\d+\\](?:\\[ *([CT]\\d+)\\])? ");

    static ConsoleLine of(LogRecord record) {
        String body = record.body();
        String caller = record.envelope().caller();
        if (caller != null) {
            return new ConsoleLine(caller, body, true);
        }
        if (record.envelope().kind() != EnvelopeKind.BARE) {
            return new ConsoleLine(ReportText.CONSOLE, body, true);
        }
        if (body.contains("login: [") || body.contains("printk messages dropped ** ")) {
            Matcher glued = GLUED.matcher(body);
            if (glued.find()) {
                String context = glued.group(1) != null ? glued.group(1) : ReportText.CONSOLE;
                return new ConsoleLine(context, body.substring(glued.end()), true);
            }
        }
        return new ConsoleLine("", body, false);
    }
}
