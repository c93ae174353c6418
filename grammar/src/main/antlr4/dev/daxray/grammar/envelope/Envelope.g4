/*
 * The prefix a capture tool puts in front of a kernel message: dmesg and its options, /dev/kmsg
 * records, journalctl output modes, syslog files and wire formats, serial consoles, and the event
 * lines of the ftrace `trace` / `trace_pipe` files, `trace-cmd report`, `perf script` and rasdaemon.
 * The parser recognises the prefix; the message body is whatever follows it on the line (for a
 * trace line: the tracepoint payload after the event name).
 * References: ../shared/reference/kernel-formats.md §6, trace-ndctl-formats.md §2.
 *
 * Timestamps are whole tokens: longest match keeps "2026-11-21T10:00:00" from being read as words.
 *
 * Lexing must stay linear in the line's length whatever the line holds (logs are attacker-controlled):
 * a token rule whose repetition can run past the characters WORD covers (a task name's tail, an SD
 * element, an IPv6 address) is bounded, so no token start scans more than a few dozen characters
 * beyond the token it makes. EnvelopeLexingTest holds that for every character and the usual suspects.
 */
grammar Envelope;

// The body is matched loosely so that prediction sees the whole line: an envelope alternative wins
// only if the line really continues the way it expects (journal's "host kernel:" vs dmesg's body).
line
    : traceHeader EOF
    | envelope .*? EOF
    ;

// Whole lines that are trace headers, never messages: the `# tracer:` header and column legend of
// the ftrace `trace` file (every era), trace-cmd's preamble, and lost-event markers.
traceHeader
    : TRACE_COMMENT                                                       #traceComment
    | TRACECMD_HEADER                                                     #traceCmdHeader
    | TRACE_LOST                                                          #traceLost
    ;

envelope
    : JOURNAL_MARK                                                        #journalMarker
    | KMSG                                                                #kmsgRecord
    | PRI WORD SP ISO_TIME SP host=hostName SP app=WORD SP WORD SP WORD SP sd  #rfc5424
    | PRI? syslogStamp SP (host=hostName SP)? tag kernelTime?             #syslog
    | (MONO | MONO_DELTA) SP host=hostName SP KERNEL_TAG kernelTime?      #journalMonotonic
    | DECODE SP? kernelTime                                               #dmesgDecoded
    | PRI kernelTime                                                      #dmesgRaw
    | kernelTime SP? PRI                                                  #dmesgLevel
    | kernelTime                                                          #dmesg
    | PRI                                                                 #priorityOnly
    | SP? (task SP)? TRACE_CONTEXT SP traceEvent?                         #ftrace
    | SP? task SP PERF_CONTEXT SP perfEvent=TAG TAG?                      #perfScript
    | FUNCGRAPH                                                           #functionGraph
    | CONTINUATION                                                        #continuation
    |                                                                     #bare
    ;

// The words of a task name before the one TRACE_CONTEXT / PERF_CONTEXT ends with (names may hold spaces).
task
    : taskWord+ (SP taskWord+)*
    ;

// A comm may hold anything but blanks, so any token of it is a word: `Mar  8 22:22:07 x` lexes as a
// syslog stamp, `# x` as a trace comment, and both can be (part of) a task name.
taskWord
    : ~(SP | TRACE_CONTEXT | PERF_CONTEXT)
    ;

// `event:` (trace-cmd pads the payload to column 20 after the colon); rasdaemon prints its own
// wall-clock time first and, in some versions, no colons; 0.8.4+ puts a level (`[CRIT]`, which lexes
// like an RFC 5424 SD element) before it.
// No event at all: a function-tracer line.
traceEvent
    : name=TAG (SP (level=SD_ELEMENT SP)? RAS_TIME)?
    | name=WORD SP (level=SD_ELEMENT SP)? RAS_TIME
    ;

tag
    : KERNEL_TAG
    | TAG
    ;

// A host name, an IPv4 address (both WORDs), or an IPv6 address as syslog daemons write it:
// compressed, full, IPv4-mapped, with a zone, or in brackets (kernel-formats/log-transport §5.1).
hostName
    : WORD
    | IPV6
    | BRACKETED_IPV6
    ;

syslogStamp
    : SYSLOG_TIME
    | ISO_TIME
    | FULL_TIME
    | UNIX_TIME
    ;

kernelTime
    : SP? (MONO | MONO_DELTA | CTIME | RELTIME) (SP? CALLER)?
    | SP? DMESG_ISO_TIME (SP? CALLER)?
    | SP? CALLER
    ;

sd
    : WORD
    | SD_ELEMENT+
    ;

KERNEL_TAG  : 'kernel:' ;
TAG         : TAG_CHAR+ ('[' D+ ']')? ':' ;

JOURNAL_MARK: '-- ' ('Logs begin at' | 'Journal begins at' | 'Boot ' | 'Reboot' | 'No entries' | 'Subsequent journal') ~[\r\n]* ;
KMSG        : D+ ',' D+ ',' D+ ',' [-c+*] (',' ~[;\r\n]*)? ';' ;
MONO        : '[' ' '* D+ '.' D+ ']' ;
MONO_DELTA  : '[' ' '* D+ '.' D+ ' '+ '<' ' '* D+ '.' D+ ' '* '*'? '>' ']' ;
CALLER      : '[' ' '* [TC] D+ ']' ;
// dmesg -T `[Sat Nov 21 10:00:00 2026]`; crash's `log -T` (7.2.9+) puts the zone before the year.
CTIME       : '[' DAY ' ' MONTH ' ' ' '? D D? ' ' HMS (' ' ZONE_NAME)? ' ' D D D D (' '+ '<' ' '* D+ '.' D+ '>')? ']' ;
RELTIME     : '[' MONTH ' '? D D? ' ' D D ':' D D ']' | '[' ' '* [+-] D+ '.' D+ ']' ;
PRI         : '<' D D? D? '>' ;
SYSLOG_TIME : MONTH ' ' (' ' | D) D ' ' HMS FRACTION? ;
DMESG_ISO_TIME : D D D D '-' D D '-' D D 'T' HMS ',' D+ ZONE? ;
ISO_TIME    : D D D D '-' D D '-' D D 'T' HMS FRACTION? ZONE? ;
FULL_TIME   : DAY ' ' D D D D '-' D D '-' D D ' ' HMS FRACTION? ' ' [A-Z] [A-Za-z0-9+-]* ;
UNIX_TIME   : D D D D D D D D D D '.' D D D D D D ;
DECODE      : FACILITY ' '* ':' LEVEL ' '* ':' ;
// `[` before SD_ELEMENT, so an address in brackets is an address, not structured data.
BRACKETED_IPV6 : '[' IPV6_ADDRESS ']' ;
IPV6        : IPV6_ADDRESS ;
// RFC 5424 SD-ELEMENT: `[id name="value" ...]`, a value's `"`, `\` and `]` escaped with `\`.
SD_ELEMENT  : '[' SD_NAME ([ ]+ SD_NAME '="' ('\\' ~[\r\n] | ~["\\\r\n])* '"')* [ ]* ']' ;
CONTINUATION: [ \t]+ [A-Z_][A-Z0-9_]* '=' ~[\r\n]* ;

// ftrace / trace-cmd context, from the last word of the task name to the timestamp, as one token:
// `<...>-4321    (   4321) [003] d..1. 81234.567001:` (trace_print_context; TGID column with
// record-tgid, 4 or 5 flag characters with irq-info, none without; counter clocks print no '.').
// The task name's last word is at most TASK_COMM_LEN - 1 (15) characters; 32 are allowed.
TRACE_CONTEXT : TASK_TAIL? '-' D+ ' '+ ('(' ' '* (D+ | '-'+) ')' ' '+)? '[' D+ ']' (' '+ TRACE_FLAGS)? ' '+
                (D+ '.' D+ ':'? | D+ ':') ;
// perf script's default tracepoint line: `   4321 [003] 81234.567530:` after the comm.
PERF_CONTEXT  : D+ ' '+ '[' D+ ']' ' '+ D+ '.' D+ ':' ;
// function_graph: ` 3) + 14.902 us   |  }`.
FUNCGRAPH     : ' '* D+ ')' ' '+ ([+!#*@$] ' '+)? (D+ '.' D+ ' '+ 'us' ' '+)? '|' ;
// rasdaemon's own time stamp before a payload: `2020-10-02 13:27:13 -0400`.
RAS_TIME      : D D D D '-' D D '-' D D ' ' HMS ' ' [+-] D D D D ;
TRACE_COMMENT : '#' [ \t]* ('tracer:' | 'entries-in-buffer/entries-written:') ~[\r\n]*
              | '#' ~[\r\n]* ('=>' | 'TASK-PID' | 'DURATION') ~[\r\n]*
              | '#' [ \t|/]* ('delay' [ \t]*)?
              ;
TRACECMD_HEADER : 'cpus=' D+ | 'version = ' D+ | 'CPU ' D+ ' is empty' ;
TRACE_LOST    : 'CPU:' D+ ' [' ('LOST ' D+ ' EVENTS' | (D+ ' ')? 'EVENTS DROPPED') ']' ;
SP          : [ \t]+ ;
WORD        : ~[ \t\r\n[\]<>;:]+ ;
OTHER       : . ;

fragment TAG_CHAR : [a-zA-Z0-9_.\-/@()] ;
fragment TC       : ~[ \t\r\n] ;
// Nested, not TC? TC? ...: a chain of 32 independent options makes the lexer's closure explode on
// characters beyond ASCII (whose DFA edges ANTLR does not cache).
fragment TASK_TAIL: TC (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC
                    (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC (TC
                    )?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)? ;
// SD-NAME: 1 to 32 printable ASCII characters but `=`, space, `]`, `"` (and `[`, which no name uses).
fragment SDC      : [!#-<>?@A-Z\\^_`a-z{|}~] ;
fragment SD_NAME  : SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC
                    (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC (SDC
                    )?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)? ;
// An IPv6 address (RFC 4291 §2.2): at most 8 colons, groups of 1 to 4 hex digits, an IPv4 tail, a zone.
fragment H        : [0-9a-fA-F] ;
fragment G        : H (H (H H?)?)? ;
fragment IPV4     : D D? D? '.' D D? D? '.' D D? D? '.' D D? D? ;
fragment IPV6_ADDRESS : G? ':' G? ':' (G? ':' (G? ':' (G? ':' (G? ':' (G? ':' (G? ':')?)?)?)?)?)? (IPV4 | G)?
                        ('%' [a-zA-Z0-9_.\-]+)? ;
fragment D        : [0-9] ;
fragment HMS      : D D ':' D D ':' D D ;
fragment FRACTION : [.,] D+ ;
// strftime's %Z: an abbreviation (CET, UTC, AEDT) or, for zones without one, an offset (+03).
fragment ZONE_NAME : [A-Z+-] [A-Za-z0-9+-] ([A-Za-z0-9+-] ([A-Za-z0-9+-] ([A-Za-z0-9+-] [A-Za-z0-9+-]?)?)?)? ;
fragment ZONE     : 'Z' | [+-] D D ':'? D D ;
fragment MONTH    : 'Jan' | 'Feb' | 'Mar' | 'Apr' | 'May' | 'Jun' | 'Jul' | 'Aug' | 'Sep' | 'Oct' | 'Nov' | 'Dec' ;
fragment DAY      : 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun' ;
fragment FACILITY : 'kern' | 'user' | 'mail' | 'daemon' | 'auth' | 'syslog' | 'lpr' | 'news' | 'uucp' | 'cron'
                  | 'authpriv' | 'ftp' | 'res0' | 'res1' | 'res2' | 'res3'
                  | 'local0' | 'local1' | 'local2' | 'local3' | 'local4' | 'local5' | 'local6' | 'local7' ;
fragment TRACE_FLAGS : [DdbX.] [NnpLlbB.] [ZzHhs.] [0-9a-f.] [0-9a-f.]? ;
fragment LEVEL    : 'emerg' | 'alert' | 'crit' | 'err' | 'warn' | 'notice' | 'info' | 'debug' ;
