package dev.daxray.families.crash;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import dev.daxray.families.crash.CrashLine.Access;
import dev.daxray.families.crash.CrashLine.Form;
import dev.daxray.families.crash.CrashLine.Frame;
import dev.daxray.families.crash.CrashLine.Mark;
import dev.daxray.families.crash.CrashLine.Role;
import dev.daxray.families.crash.CrashLine.Site;
import dev.daxray.families.crash.CrashLine.Start;
import dev.daxray.families.crash.CrashLine.Task;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.crash.CrashBaseVisitor;
import dev.daxray.grammar.crash.CrashParser;

/** Turns a {@code Crash} parse tree into a {@link CrashLine}: one visit per labelled alternative. */
final class CrashLineBuilder extends CrashBaseVisitor<CrashLine> {

    @Override
    public CrashLine visitStartLine(CrashParser.StartLineContext ctx) {
        return visit(ctx.start());
    }

    @Override
    public CrashLine visitBodyLine(CrashParser.BodyLineContext ctx) {
        return visit(ctx.body());
    }

    @Override
    public CrashLine visitBlankLine(CrashParser.BlankLineContext ctx) {
        return new Mark(Role.BLANK);
    }

    // ------------------------------------------------------------------ starts

    @Override
    public CrashLine visitSeparator(CrashParser.SeparatorContext ctx) {
        return start(Form.SEPARATOR, null);
    }

    @Override
    public CrashLine visitCutHere(CrashParser.CutHereContext ctx) {
        return start(Form.CUT_HERE, null);
    }

    @Override
    public CrashLine visitKasanBug(CrashParser.KasanBugContext ctx) {
        return new Start(Form.KASAN, Trees.source(ctx.what), symbol(ctx.site), null, null, null, null);
    }

    @Override
    public CrashLine visitPageFault(CrashParser.PageFaultContext ctx) {
        return start(Form.PAGE_FAULT, ctx.rest());
    }

    @Override
    public CrashLine visitNullDeref(CrashParser.NullDerefContext ctx) {
        return start(Form.NULL_DEREF, ctx.rest());
    }

    @Override
    public CrashLine visitOldPageFault(CrashParser.OldPageFaultContext ctx) {
        return start(Form.OLD_PAGE_FAULT, ctx.rest());
    }

    @Override
    public CrashLine visitOtherBug(CrashParser.OtherBugContext ctx) {
        return start(Form.BUG, ctx.rest());
    }

    @Override
    public CrashLine visitGeneralProtection(CrashParser.GeneralProtectionContext ctx) {
        return start(Form.GPF, ctx.rest());
    }

    @Override
    public CrashLine visitInvalidOpcode(CrashParser.InvalidOpcodeContext ctx) {
        return start(Form.INVALID_OPCODE, ctx.rest());
    }

    @Override
    public CrashLine visitStackSegment(CrashParser.StackSegmentContext ctx) {
        return start(Form.STACK_SEGMENT, ctx.rest());
    }

    @Override
    public CrashLine visitDivideError(CrashParser.DivideErrorContext ctx) {
        return start(Form.DIVIDE_ERROR, ctx.rest());
    }

    @Override
    public CrashLine visitOops(CrashParser.OopsContext ctx) {
        return start(Form.OOPS, ctx.rest());
    }

    @Override
    public CrashLine visitKernelBug(CrashParser.KernelBugContext ctx) {
        return new Start(Form.KERNEL_BUG, Trees.source(ctx.rest()), null, ctx.path.getText(), null, null, null);
    }

    @Override
    public CrashLine visitWarningCpu(CrashParser.WarningCpuContext ctx) {
        return new Start(Form.WARNING, "", symbol(ctx.site), path(ctx.location()), number(ctx.cpu), number(ctx.pid),
                null);
    }

    @Override
    public CrashLine visitWarningTask(CrashParser.WarningTaskContext ctx) {
        String task = Trees.source(ctx.task);
        return new Start(Form.WARNING, "", symbol(ctx.site), path(ctx.location()), cpuHash(ctx.CPU_HASH().getText()),
                taskPid(task), taskComm(task));
    }

    @Override
    public CrashLine visitWarningAtTask(CrashParser.WarningAtTaskContext ctx) {
        String task = Trees.source(ctx.task);
        return new Start(Form.WARNING, "", symbol(ctx.site), null, cpuHash(ctx.CPU_HASH().getText()), taskPid(task),
                taskComm(task));
    }

    @Override
    public CrashLine visitWarningAt(CrashParser.WarningAtContext ctx) {
        return new Start(Form.WARNING, "", symbol(ctx.site), path(ctx.location()), null, null, null);
    }

    @Override
    public CrashLine visitPanic(CrashParser.PanicContext ctx) {
        return start(Form.PANIC, ctx.rest());
    }

    @Override
    public CrashLine visitInternalError(CrashParser.InternalErrorContext ctx) {
        return start(Form.INTERNAL_ERROR, ctx.rest());
    }

    @Override
    public CrashLine visitArmFault(CrashParser.ArmFaultContext ctx) {
        return start(Form.ARM_FAULT, ctx.rest());
    }

    @Override
    public CrashLine visitUbsan(CrashParser.UbsanContext ctx) {
        return start(Form.UBSAN, ctx.rest());
    }

    // ------------------------------------------------------------------ body lines

    @Override
    public CrashLine visitTaskLine(CrashParser.TaskLineContext ctx) {
        CrashParser.CpuLineContext cpu = ctx.cpuLine();
        String comm = cpu.comm == null ? null : Trees.source(cpu.comm).trim();
        return new Task(number(cpu.cpu), number(cpu.pid), comm, taint(cpu.taint()));
    }

    @Override
    public CrashLine visitRipLine(CrashParser.RipLineContext ctx) {
        return new Site(symbol(ctx.site));
    }

    @Override
    public CrashLine visitIpLine(CrashParser.IpLineContext ctx) {
        return new Site(symbol(ctx.site));
    }

    @Override
    public CrashLine visitPcLine(CrashParser.PcLineContext ctx) {
        return new Site(symbol(ctx.site));
    }

    @Override
    public CrashLine visitFrameLine(CrashParser.FrameLineContext ctx) {
        return visit(ctx.frame());
    }

    @Override
    public CrashLine visitOffsetFrame(CrashParser.OffsetFrameContext ctx) {
        return new Frame(ctx.SYM_OFF().getText(), ctx.QMARK() == null);
    }

    @Override
    public CrashLine visitDecodedFrame(CrashParser.DecodedFrameContext ctx) {
        return new Frame(ctx.name.getText(), ctx.QMARK() == null);
    }

    @Override
    public CrashLine visitOldFrame(CrashParser.OldFrameContext ctx) {
        return new Frame(ctx.SYM_OFF().getText(), ctx.QMARK() == null);
    }

    @Override
    public CrashLine visitAddressFrame(CrashParser.AddressFrameContext ctx) {
        return new Frame(null, ctx.QMARK() == null);
    }

    @Override
    public CrashLine visitCallTraceLine(CrashParser.CallTraceLineContext ctx) {
        return new Mark(Role.CALL_TRACE);
    }

    @Override
    public CrashLine visitStackMarkLine(CrashParser.StackMarkLineContext ctx) {
        return new Mark(ctx.STACK_MARK().getText().equals("</TASK>") ? Role.TASK_END : Role.STACK_MARK);
    }

    @Override
    public CrashLine visitKasanStackLine(CrashParser.KasanStackLineContext ctx) {
        return new Mark(Role.KASAN_STACK);
    }

    @Override
    public CrashLine visitKasanAccessLine(CrashParser.KasanAccessLineContext ctx) {
        return new Access(ctx.KASAN_ACCESS().getText().split(" ", 2)[0]);
    }

    @Override
    public CrashLine visitEndTraceLine(CrashParser.EndTraceLineContext ctx) {
        return new Mark(Role.END_TRACE);
    }

    @Override
    public CrashLine visitEndPanicLine(CrashParser.EndPanicLineContext ctx) {
        return new Mark(Role.END_PANIC);
    }

    @Override
    public CrashLine visitModulesLine(CrashParser.ModulesLineContext ctx) {
        return new Mark(Role.MODULES);
    }

    @Override
    public CrashLine visitRegisterLine(CrashParser.RegisterLineContext ctx) {
        return new Mark(Role.REGISTERS);
    }

    @Override
    public CrashLine visitCodeLine(CrashParser.CodeLineContext ctx) {
        return new Mark(Role.CODE);
    }

    @Override
    public CrashLine visitTailLine(CrashParser.TailLineContext ctx) {
        return new Mark(Role.TAIL);
    }

    @Override
    public CrashLine visitDetailLine(CrashParser.DetailLineContext ctx) {
        return new Mark(Role.DETAIL);
    }

    @Override
    protected CrashLine defaultResult() {
        throw new IllegalStateException("unhandled crash line alternative");
    }

    // ------------------------------------------------------------------ helpers

    private static Start start(Form form, ParserRuleContext message) {
        return new Start(form, message == null ? "" : Trees.source(message).trim(), null, null, null, null, null);
    }

    /** The symbol text of a site ({@code func+0x1a/0x40} or {@code func}), or null for a bare address. */
    private static String symbol(CrashParser.SymbolRefContext ref) {
        if (ref instanceof CrashParser.OffsetSymbolContext offset) {
            return offset.SYM_OFF().getText();
        }
        if (ref instanceof CrashParser.BareSymbolContext bare) {
            return bare.WORD().getText();
        }
        return null;
    }

    private static String path(CrashParser.LocationContext location) {
        return location == null ? null : location.path.getText();
    }

    private static String taint(CrashParser.TaintContext taint) {
        if (taint instanceof CrashParser.NotTaintedContext) {
            return "Not tainted";
        }
        if (taint instanceof CrashParser.TaintedContext tainted) {
            return CrashTitles.taintFlags(Trees.source(tainted.flags));
        }
        return null;
    }

    private static Integer number(Token token) {
        return token == null ? null : Integer.valueOf(token.getText());
    }

    /** {@code CPU#3:} to 3. */
    private static Integer cpuHash(String text) {
        return Integer.valueOf(text.substring(4, text.length() - 1));
    }

    /** The pid of a 6.19+ {@code comm/pid} task tail, or null. */
    private static Integer taskPid(String task) {
        String t = task.trim();
        int slash = t.lastIndexOf('/');
        String pid = slash < 0 ? "" : t.substring(slash + 1);
        return pid.matches("\\d{1,9}") ? Integer.valueOf(pid) : null;
    }

    private static String taskComm(String task) {
        String t = task.trim();
        int slash = t.lastIndexOf('/');
        return slash <= 0 ? null : t.substring(0, slash);
    }
}
