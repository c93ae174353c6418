package dev.daxray.incidents;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** What reading one input found, as the triage JSON reports it. */
@JsonPropertyOrder({"file", "format", "lines", "events", "unparsed"})
public record TriageInput(String file, String format, long lines, long events, long unparsed) {
}
