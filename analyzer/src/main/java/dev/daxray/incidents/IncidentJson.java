package dev.daxray.incidents;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.daxray.matches.Check;
import dev.daxray.matches.Engine;
import dev.daxray.matches.NearMiss;
import dev.daxray.rules.Fact;

/**
 * Writes the triage JSON contract: {@code {"inputs":[…], "incidents":[…]}} (and {@code "explain"}
 * when asked). Pretty-printed with LF line ends and fields in contract order, so the same inputs
 * give byte-identical output on every platform.
 */
public final class IncidentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private IncidentJson() {
    }

    public static void write(Writer out, List<TriageInput> inputs, Triage.Result result, boolean explain) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("inputs", inputs);
        root.put("incidents", result.incidents());
        if (explain) {
            root.put("explain", explain(result.matches()));
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        MAPPER.writer(printer).writeValue(out, root);
        out.write("\n");
        out.flush();
    }

    private static List<Map<String, Object>> explain(Engine.Result matches) {
        List<Map<String, Object>> rules = new ArrayList<>();
        matches.counters().forEach((rule, counters) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", rule);
            Map<String, Long> checks = new LinkedHashMap<>();
            for (Check check : Check.values()) {
                checks.put(check.label(), counters.getOrDefault(check, 0L));
            }
            entry.put("checks", checks);
            List<Map<String, Object>> misses = new ArrayList<>();
            for (NearMiss miss : matches.nearMisses()) {
                if (miss.rule().equals(rule)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("check", miss.check().label());
                    m.put("message", miss.message());
                    m.put("evidence", miss.evidence().stream().map(Fact::origin).map(o -> o.location()).toList());
                    misses.add(m);
                }
            }
            entry.put("nearMisses", misses);
            rules.add(entry);
        });
        return rules;
    }
}
