package dev.daxray.incidents;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.daxray.capture.LineBuckets;

/**
 * What reading one input found, as the triage JSON reports it.
 *
 * @param buckets where every line went (event, context, chatter, skipped, unparsed; they add up to
 *                {@code lines}); left out when not known
 * @param notes   what else the user should hear about the input (wall-clock alignment, a bpftrace run's
 *                probes and unmapped printf lines); left out of the JSON when there are none
 */
@JsonPropertyOrder({"file", "format", "lines", "events", "unparsed", "buckets", "notes"})
public record TriageInput(String file, String format, long lines, long events, long unparsed,
                          @JsonInclude(JsonInclude.Include.NON_NULL) LineBuckets buckets,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes) {

    public TriageInput {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public TriageInput(String file, String format, long lines, long events, long unparsed, List<String> notes) {
        this(file, format, lines, events, unparsed, null, notes);
    }

    public TriageInput(String file, String format, long lines, long events, long unparsed) {
        this(file, format, lines, events, unparsed, null, List.of());
    }
}
