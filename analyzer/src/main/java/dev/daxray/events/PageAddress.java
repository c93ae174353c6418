package dev.daxray.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record component that holds the physical address an event reports (an MCE's {@code ADDR}, a
 * CPER memory section's {@code physical_address}, a CXL poison record's {@code hpa}). {@link EventSchema}
 * gives every such type a {@code pfn} field right after it, derived by {@link Pages#pfn}: one derivation
 * for every reader and every path that builds the event (grammar visitor or fast path).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PageAddress {
}
