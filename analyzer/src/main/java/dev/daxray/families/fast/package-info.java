/**
 * Hand-written readers for the few fixed-shape messages a storm repeats (EDAC CE counts, the
 * memory_failure verdict, {@code Sending SIGBUS}), each checked against its family's grammar:
 * {@link dev.daxray.families.fast.VerifiedFastPath} trusts a fast reading only once the grammar gave
 * the same event for a line of the same {@link dev.daxray.families.fast.Shape}.
 */
package dev.daxray.families.fast;
