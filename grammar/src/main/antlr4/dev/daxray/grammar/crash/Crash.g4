/*
 * One line of a kernel crash report (oops, BUG, WARNING, KASAN/UBSAN, panic), prefix already removed.
 * Reference: ../shared/reference/kernel-formats.md §5 (all eras) and §2.3 (MCE panics).
 *
 * The grammar only classifies: a line either starts a report (`start`) or is one of the lines a report
 * is made of (`body`). Joining lines into blocks is the family's job (CrashFamily), which is stateful.
 *
 * Fixed kernel phrases are single tokens with their exact spacing, so a common word such as "at" or
 * "in" is only reserved where a rule needs it. WORD stops at the punctuation the rules split on
 * (":,=[]()<>"), so "func+0x1a/0x40," or "handle_irq+0x102/0x110[" still yield a SYM_OFF token.
 * Free text after the fixed part of a line is `rest`; builders read it back with Trees.source.
 */
grammar Crash;

line
    : start EOF                                                              #startLine
    | body EOF                                                               #bodyLine
    | EOF                                                                    #blankLine
    ;

// ---------------------------------------------------------------- lines that open a report
start
    : SEPARATOR                                                              #separator
    | CUT_HERE                                                               #cutHere
    | BUG_KASAN what=kasanWhat (IN site=symbolRef)? rest                     #kasanBug
    | BUG_PAGE_FAULT rest                                                    #pageFault
    | BUG_NULL_DEREF rest                                                    #nullDeref
    | BUG_OLD_FAULT rest                                                     #oldPageFault
    | WATCHDOG? BUG_COLON rest                                               #otherBug
    | OOPS_COLON? GPF rest                                                   #generalProtection
    | OOPS_COLON? INVALID_OPCODE rest                                        #invalidOpcode
    | OOPS_COLON? STACK_SEGMENT rest                                         #stackSegment
    | OOPS_COLON? DIVIDE_ERROR rest                                          #divideError
    | OOPS_COLON rest                                                        #oops
    | KERNEL_BUG_AT path=WORD rest                                           #kernelBug
    | WARNING_CPU cpu=NUMBER PID_COLON pid=NUMBER AT location? site=symbolRef? rest   #warningCpu
    | WARNING_COLON location AT site=symbolRef COMMA CPU_HASH task=rest     #warningTask
    | WARNING_AT site=symbolRef COMMA CPU_HASH task=rest                     #warningAtTask
    | WARNING_AT location? site=symbolRef? rest                              #warningAt
    | PANIC rest                                                             #panic
    | INTERNAL_ERROR rest                                                    #internalError
    | UNABLE_TO_HANDLE rest                                                  #armFault
    | UBSAN rest                                                             #ubsan
    ;

kasanWhat
    : ~(IN | EOF)+
    ;

location
    : path=WORD COLON NUMBER
    ;

// ---------------------------------------------------------------- lines inside a report
body
    : cpuLine                                                                #taskLine
    | RIP_COLON segment=(NUMBER | WORD | HEX16) COLON oldAddress? oldAddress? site=symbolRef? rest   #ripLine
    | IP_COLON oldAddress? site=symbolRef? rest                              #ipLine
    | PC_COLON oldAddress? site=symbolRef? rest                              #pcLine
    | frame                                                                  #frameLine
    | CALL_TRACE rest                                                        #callTraceLine
    | STACK_MARK rest                                                        #stackMarkLine
    | KASAN_STACK rest                                                       #kasanStackLine
    | KASAN_ACCESS rest                                                      #kasanAccessLine
    | END_TRACE rest                                                         #endTraceLine
    | END_PANIC rest                                                         #endPanicLine
    | MODULES rest                                                           #modulesLine
    | (REG_COLON | TRAILER | LR_COLON) rest                                  #registerLine
    | CODE rest                                                              #codeLine
    | (NOTE | KERNEL_OFFSET | REBOOTING | LOCK_DEBUGGING | FTRACE) rest      #tailLine
    | detail rest                                                            #detailLine
    ;

// CPU: %d [UID: %u] PID: %d Comm: %.20s [Kdump: loaded] (Not tainted | Tainted: <flags>) <release> ...
cpuLine
    : CPU_COLON cpu=NUMBER (UID_COLON NUMBER)? PID_COLON pid=NUMBER COMM_COLON comm=commText? KDUMP? taint? rest
    ;

commText
    : ~(KDUMP | NOT_TAINTED | TAINTED_COLON | EOF)+
    ;

taint
    : NOT_TAINTED                                                            #notTainted
    | TAINTED_COLON flags=rest                                               #tainted
    ;

frame
    : QMARK? SYM_OFF rest                                                    #offsetFrame
    | QMARK? name=WORD LPAREN WORD COLON rest                                #decodedFrame
    | oldAddress QMARK? SYM_OFF rest                                         #oldFrame
    | QMARK? HEX0X rest                                                      #addressFrame
    ;

oldAddress
    : LBRACK LT address GT RBRACK
    ;

address
    : HEX16 | HEX0X | NUMBER | WORD
    ;

symbolRef
    : SYM_OFF                                                                #offsetSymbol
    | WORD                                                                   #bareSymbol
    | HEX0X                                                                  #rawAddress
    ;

// Lines that only have to be recognised, not read.
detail
    : PF
    | PGD
    | HARDWARE_NAME
    | WORKQUEUE
    | TAINTED_COLON
    | KASAN_COLON
    | KASAN_DETAIL
    | WORD? BYTE_REGION
    | SHADOW_ADDR
    | CARET
    | ABORT_INFO
    | WORD PGTABLE
    | WORD EQUALS
    | LBRACK address RBRACK WORD EQUALS
    | LBRACK address COMMA address RPAREN
    | EXEC_FAULT
    | STACK_COLON
    | TASK_POINTER
    | IRQ_TRACE
    | HEX16 HEX16+
    ;

rest
    : ~EOF*
    ;

// ================================================================ tokens
// Phrase tokens come first: on a tie in length the earlier rule wins, and a phrase that does not
// match in full falls back to WORD.

// report starts (§5.1, §5.2, WARN and BUG from kernel/panic.c and lib/bug.c)
CUT_HERE         : '------------[ cut here ]------------' ;
SEPARATOR        : '============================================================' '='* ;
BUG_KASAN        : 'BUG: KASAN:' ;
BUG_PAGE_FAULT   : 'BUG: unable to handle page fault for address:' ;
BUG_NULL_DEREF   : 'BUG: kernel NULL pointer dereference' ;
BUG_OLD_FAULT    : 'BUG: unable to handle kernel' ;
BUG_COLON        : 'BUG:' ;
WATCHDOG         : 'watchdog:' ;
OOPS_COLON       : 'Oops:' ;
GPF              : 'general protection fault' ;
INVALID_OPCODE   : 'invalid opcode:' ;
STACK_SEGMENT    : 'stack segment:' ;
DIVIDE_ERROR     : 'divide error:' ;
KERNEL_BUG_AT    : 'kernel BUG at' ;
WARNING_CPU      : 'WARNING: CPU:' ;
WARNING_AT       : 'WARNING: at' ;
WARNING_COLON    : 'WARNING:' ;
PANIC            : 'Kernel panic - not syncing:' ;
INTERNAL_ERROR   : 'Internal error:' ;
UNABLE_TO_HANDLE : 'Unable to handle kernel' ;
UBSAN            : 'UBSAN:' ;

// end markers and the lines that may follow one
END_TRACE        : '---[ end trace' ;
END_PANIC        : '---[ end Kernel panic' ;
NOTE             : 'note:' ;
KERNEL_OFFSET    : 'Kernel Offset:' ;
REBOOTING        : 'Rebooting in' ;
LOCK_DEBUGGING   : 'Disabling lock debugging due to kernel taint' ;
FTRACE           : 'Dumping ftrace buffer:' | '(ftrace buffer empty)' ;

// the task, the registers and the stack
CPU_COLON        : 'CPU:' ;
UID_COLON        : 'UID:' ;
PID_COLON        : 'PID:' ;
COMM_COLON       : 'Comm:' ;
KDUMP            : 'Kdump: loaded' ;
NOT_TAINTED      : 'Not tainted' ;
TAINTED_COLON    : 'Tainted:' ;
CPU_HASH         : 'CPU#' [0-9]+ ':' ;
HARDWARE_NAME    : 'Hardware name:' ;
WORKQUEUE        : 'Workqueue:' ;
MODULES          : 'Modules linked in:' ;
RIP_COLON        : 'RIP:' | 'EIP:' ;
IP_COLON         : 'IP:' | 'EIP is at' ;
PC_COLON         : 'pc :' | 'PC is at' ;
LR_COLON         : 'lr :' | 'LR is at' ;
TRAILER          : ('RIP' | 'EIP' | 'RSP' | 'ESP') ' '+ '['? '<' ;
REG_COLON        : REGISTER ' '? ':' ;
CODE             : 'Code:' ;
CALL_TRACE       : 'Call Trace:' | 'Call trace:' ;
STACK_MARK       : '<' '/'? [A-Z#]+ '>' ;
STACK_COLON      : 'Stack:' ;
TASK_POINTER     : 'task:' ;
IRQ_TRACE        : 'irq event stamp:' | 'hardirqs last' | 'softirqs last' ;

// page-fault details (x86 §5.1, arm64 abort info)
PF               : '#PF:' ;
PGD              : 'PGD' ;
EXEC_FAULT       : 'kernel tried to execute' | 'unable to execute userspace code' ;
ABORT_INFO       : 'Mem abort info:' | 'Data abort info:' ;
PGTABLE          : 'pgtable:' ;

// KASAN report sections (mm/kasan/report.c)
KASAN_COLON      : 'KASAN:' ;
KASAN_ACCESS     : ('Read' | 'Write') ' of size' | 'Free of addr' ;
KASAN_STACK      : ('Allocated' | 'Freed') ' by task' | 'Last potentially related work creation:'
                 | 'Second to last potentially related work creation:' | '(stack is not available)' ;
KASAN_DETAIL     : 'The buggy address' | 'which belongs to the' | 'and is located at offset' | 'This frame has'
                 | 'Memory state around the buggy address:' | 'page dumped because:' | 'page_owner' | 'page last'
                 | 'Asynchronous fault:'
                 | ('page' | 'head' | 'folio' | 'memcg' | 'flags' | 'page_type' | 'raw' | 'anon flags' | 'aops' | 'ino') ':' ;
BYTE_REGION      : [0-9]+ '-byte region' ;
SHADOW_ADDR      : '>'? H H H H H H H H H H H H H H H H ':' ;
CARET            : '^' ;

// words the rules need in fixed places
AT               : 'at' ;
IN               : 'in' ;
QMARK            : '?' ;

SYM_OFF          : [A-Za-z0-9_.$]+ '+0x' [0-9a-fA-F]+ '/0x' [0-9a-fA-F]+ ;
HEX0X            : '0x' [0-9a-fA-F]+ ;
HEX16            : H H H H H H H H H H H H H H H H ;
NUMBER           : [0-9]+ ;
COLON            : ':' ;
COMMA            : ',' ;
EQUALS           : '=' ;
LBRACK           : '[' ;
RBRACK           : ']' ;
LPAREN           : '(' ;
RPAREN           : ')' ;
LT               : '<' ;
GT               : '>' ;
WORD             : ~[ \t\r\n:,=[\]()<>]+ ;
SP               : [ \t\r\n]+ -> skip ;

fragment H        : [0-9a-fA-F] ;
fragment REGISTER
    : 'RAX' | 'RBX' | 'RCX' | 'RDX' | 'RSI' | 'RDI' | 'RBP' | 'RSP' | 'R8' | 'R9' | 'R1' [0-5]
    | 'EAX' | 'EBX' | 'ECX' | 'EDX' | 'ESI' | 'EDI' | 'EBP' | 'ESP' | 'EFLAGS' | 'ORIG_RAX'
    | 'CS' | 'DS' | 'ES' | 'FS' | 'GS' | 'SS' | 'knlGS' | 'CR' [0-4] | 'DR' [0-7] | 'PKRU'
    | 'x' [0-9] [0-9]? | 'sp' | 'pstate'
    ;
