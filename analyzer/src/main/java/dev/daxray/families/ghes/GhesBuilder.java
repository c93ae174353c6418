package dev.daxray.families.ghes;

import org.antlr.v4.runtime.tree.RuleNode;

import dev.daxray.events.Ghes;
import dev.daxray.events.Hex;
import dev.daxray.events.Origin;
import dev.daxray.families.ghes.GhesLine.AestStatus;
import dev.daxray.families.ghes.GhesLine.End;
import dev.daxray.families.ghes.GhesLine.ErrorStatus;
import dev.daxray.families.ghes.GhesLine.ErrorType;
import dev.daxray.families.ghes.GhesLine.Field;
import dev.daxray.families.ghes.GhesLine.Fru;
import dev.daxray.families.ghes.GhesLine.Header;
import dev.daxray.families.ghes.GhesLine.Location;
import dev.daxray.families.ghes.GhesLine.Message;
import dev.daxray.families.ghes.GhesLine.Other;
import dev.daxray.families.ghes.GhesLine.PhysAddr;
import dev.daxray.families.ghes.GhesLine.PhysAddrMask;
import dev.daxray.families.ghes.GhesLine.RecordLine;
import dev.daxray.families.ghes.GhesLine.SectionType;
import dev.daxray.families.ghes.GhesLine.Severity;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.ghes.GhesBaseVisitor;
import dev.daxray.grammar.ghes.GhesParser;

/** Builds a {@link GhesLine} from one parsed line: one visit per labelled alternative. */
final class GhesBuilder extends GhesBaseVisitor<GhesLine> {

    /** ERR<n>ADDR bits 55:0 are the physical address; the top byte holds NS/SI/AI/VA/NSE flags. */
    private static final long AEST_ADDRESS_BITS = 0x00FF_FFFF_FFFF_FFFFL;

    private final Origin origin;

    GhesBuilder(Origin origin) {
        this.origin = origin;
    }

    @Override
    public GhesLine visitRecordLine(GhesParser.RecordLineContext ctx) {
        return new RecordLine(seq(ctx.SEQ().getText()), ctx.AEST() != null ? "AEST" : "GHES",
                new FieldBuilder().visit(ctx.field()));
    }

    @Override
    public GhesLine visitGhesLine(GhesParser.GhesLineContext ctx) {
        return new Message(new MessageBuilder().visit(ctx.ghes()));
    }

    @Override
    public GhesLine visitChildren(RuleNode node) {
        throw new IllegalStateException("unhandled GHES line: " + node.getClass().getSimpleName());
    }

    private static int seq(String token) {
        return Integer.parseInt(token.substring(1, token.length() - 1));
    }

    /** One field of a record line. */
    private static final class FieldBuilder extends GhesBaseVisitor<Field> {

        @Override
        public Field visitApeiHeader(GhesParser.ApeiHeaderContext ctx) {
            return new Header("source " + ctx.source.getText());
        }

        @Override
        public Field visitAestHeader(GhesParser.AestHeaderContext ctx) {
            return new Header(ctx.node == null ? null : Trees.source(ctx.node));
        }

        @Override
        public Field visitCorrectedNote(GhesParser.CorrectedNoteContext ctx) {
            return new Severity("corrected", false);
        }

        @Override
        public Field visitEventSeverity(GhesParser.EventSeverityContext ctx) {
            return new Severity(ctx.severity.getText(), true);
        }

        @Override
        public Field visitSectionHeader(GhesParser.SectionHeaderContext ctx) {
            return new Severity(ctx.severity.getText(), false);
        }

        @Override
        public Field visitSectionType(GhesParser.SectionTypeContext ctx) {
            return new SectionType(Trees.source(ctx.text()));
        }

        @Override
        public Field visitDecodedStatus(GhesParser.DecodedStatusContext ctx) {
            return new ErrorStatus(Trees.source(ctx.decoded));
        }

        @Override
        public Field visitRawStatus(GhesParser.RawStatusContext ctx) {
            return new ErrorStatus(Hex.parse(ctx.HEX().getText()).toString());
        }

        @Override
        public Field visitPhysicalAddress(GhesParser.PhysicalAddressContext ctx) {
            return new PhysAddr(Hex.parse(ctx.HEX().getText()));
        }

        @Override
        public Field visitPhysicalAddressMask(GhesParser.PhysicalAddressMaskContext ctx) {
            return new PhysAddrMask(Hex.parse(ctx.HEX().getText()));
        }

        @Override
        public Field visitPhysicalFaultAddress(GhesParser.PhysicalFaultAddressContext ctx) {
            return new PhysAddr(Hex.parse(ctx.HEX().getText()));
        }

        @Override
        public Field visitMemoryLocation(GhesParser.MemoryLocationContext ctx) {
            return new Location(Trees.source(ctx).trim());
        }

        @Override
        public Field visitErrorType(GhesParser.ErrorTypeContext ctx) {
            return new ErrorType(Integer.parseInt(ctx.NUM().getText()), Trees.source(ctx.text()), true);
        }

        @Override
        public Field visitProcessorErrorType(GhesParser.ProcessorErrorTypeContext ctx) {
            return new ErrorType((int) Hex.parse(ctx.HEX().getText()).value(), Trees.source(ctx.text()), false);
        }

        @Override
        public Field visitFruText(GhesParser.FruTextContext ctx) {
            return new Fru(Trees.source(ctx.text()), true, false);
        }

        @Override
        public Field visitFruId(GhesParser.FruIdContext ctx) {
            return new Fru(Trees.source(ctx.text()), false, false);
        }

        @Override
        public Field visitDimmLocation(GhesParser.DimmLocationContext ctx) {
            String where = Trees.source(ctx.text()).trim();
            return new Fru(where.startsWith("not present") ? null : where, false, true);
        }

        @Override
        public Field visitAestErrorFrom(GhesParser.AestErrorFromContext ctx) {
            String where = ctx.text() == null ? "" : Trees.source(ctx.text()).replaceFirst("^at ", "");
            return new Location(ctx.kind.getText() + " error" + (where.isEmpty() ? "" : ": " + where));
        }

        @Override
        public Field visitAestStatus(GhesParser.AestStatusContext ctx) {
            Hex status = Hex.parse(ctx.HEX().getText());
            return new AestStatus(status, aestSeverity(status.value()));
        }

        @Override
        public Field visitAestAddress(GhesParser.AestAddressContext ctx) {
            return new PhysAddr(new Hex(Hex.parse(ctx.HEX().getText()).value() & AEST_ADDRESS_BITS));
        }

        @Override
        public Field visitAestLastRegister(GhesParser.AestLastRegisterContext ctx) {
            return new End();
        }

        @Override
        public Field visitOtherField(GhesParser.OtherFieldContext ctx) {
            return new Other();
        }

        @Override
        public Field visitChildren(RuleNode node) {
            throw new IllegalStateException("unhandled CPER field: " + node.getClass().getSimpleName());
        }

        /**
         * The severity an Arm RAS ERR<n>STATUS states: UE (bit 29) with UET (bits 21:20) uncontainable
         * or unrecoverable is fatal, other UEs and deferred errors (DE, bit 23) are recoverable, CE
         * (bits 25:24) is corrected. Null when the status is not valid (V, bit 30, clear).
         */
        private static String aestSeverity(long status) {
            if ((status & (1L << 30)) == 0) {
                return null;
            }
            if ((status & (1L << 29)) != 0) {
                long uet = (status >>> 20) & 3;
                return uet <= 1 ? "fatal" : "recoverable";
            }
            if ((status & (1L << 23)) != 0) {
                return "recoverable";
            }
            return ((status >>> 24) & 3) != 0 ? "corrected" : null;
        }
    }

    /** A one-line GHES message. */
    private final class MessageBuilder extends GhesBaseVisitor<Ghes> {

        @Override
        public Ghes visitUnhandledProcessorError(GhesParser.UnhandledProcessorErrorContext ctx) {
            return new Ghes(origin, null, "GHES", null, "ARM processor error", Trees.source(ctx),
                    ctx.HEX() == null ? null : (int) Hex.parse(ctx.HEX().getText()).value(),
                    Trees.source(ctx.text()), null, null, null, null);
        }

        @Override
        public Ghes visitInvalidAddress(GhesParser.InvalidAddressContext ctx) {
            return new Ghes(origin, null, "GHES", null, null, Trees.source(ctx), null, null,
                    Hex.parse(ctx.HEX().getText()), null, null, null);
        }

        @Override
        public Ghes visitGhesMessage(GhesParser.GhesMessageContext ctx) {
            return new Ghes(origin, null, "GHES", null, null, Trees.source(ctx), null, null, null, null, null, null);
        }

        @Override
        public Ghes visitChildren(RuleNode node) {
            throw new IllegalStateException("unhandled GHES message: " + node.getClass().getSimpleName());
        }
    }
}
