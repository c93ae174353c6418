/*
 * The prefix a capture tool puts in front of a kernel message: dmesg and its options, /dev/kmsg
 * records, journalctl output modes, syslog files and wire formats, serial consoles.
 * The parser recognises the prefix; the message body is whatever follows it on the line.
 * Reference: ../shared/reference/kernel-formats.md §6.
 *
 * Timestamps are whole tokens: longest match keeps "2026-11-21T10:00:00" from being read as words.
 */
grammar Envelope;

// The body is matched loosely so that prediction sees the whole line: an envelope alternative wins
// only if the line really continues the way it expects (journal's "host kernel:" vs dmesg's body).
line
    : envelope .*? EOF
    ;

envelope
    : JOURNAL_MARK                                                        #journalMarker
    | KMSG                                                                #kmsgRecord
    | PRI WORD SP ISO_TIME SP host=WORD SP app=WORD SP WORD SP WORD SP sd  #rfc5424
    | PRI? syslogStamp SP (host=WORD SP)? tag kernelTime?                 #syslog
    | (MONO | MONO_DELTA) SP host=WORD SP KERNEL_TAG kernelTime?          #journalMonotonic
    | DECODE SP? kernelTime                                               #dmesgDecoded
    | PRI kernelTime                                                      #dmesgRaw
    | kernelTime                                                          #dmesg
    | PRI                                                                 #priorityOnly
    | CONTINUATION                                                        #continuation
    |                                                                     #bare
    ;

tag
    : KERNEL_TAG
    | TAG
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
CTIME       : '[' DAY ' ' MONTH ' ' ' '? D D? ' ' HMS ' ' D D D D (' '+ '<' ' '* D+ '.' D+ '>')? ']' ;
RELTIME     : '[' MONTH ' '? D D? ' ' D D ':' D D ']' | '[' ' '* [+-] D+ '.' D+ ']' ;
PRI         : '<' D D? D? '>' ;
SYSLOG_TIME : MONTH ' ' (' ' | D) D ' ' HMS FRACTION? ;
DMESG_ISO_TIME : D D D D '-' D D '-' D D 'T' HMS ',' D+ ZONE? ;
ISO_TIME    : D D D D '-' D D '-' D D 'T' HMS FRACTION? ZONE? ;
FULL_TIME   : DAY ' ' D D D D '-' D D '-' D D ' ' HMS FRACTION? ' ' [A-Z] [A-Za-z0-9+-]* ;
UNIX_TIME   : D D D D D D D D D D '.' D D D D D D ;
DECODE      : FACILITY ' '* ':' LEVEL ' '* ':' ;
SD_ELEMENT  : '[' ~[\]\r\n]* ']' ;
CONTINUATION: [ \t]+ [A-Z_][A-Z0-9_]* '=' ~[\r\n]* ;
SP          : [ \t]+ ;
WORD        : ~[ \t\r\n[\]<>;:]+ ;
OTHER       : . ;

fragment TAG_CHAR : [a-zA-Z0-9_.\-/@()] ;
fragment D        : [0-9] ;
fragment HMS      : D D ':' D D ':' D D ;
fragment FRACTION : [.,] D+ ;
fragment ZONE     : 'Z' | [+-] D D ':'? D D ;
fragment MONTH    : 'Jan' | 'Feb' | 'Mar' | 'Apr' | 'May' | 'Jun' | 'Jul' | 'Aug' | 'Sep' | 'Oct' | 'Nov' | 'Dec' ;
fragment DAY      : 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun' ;
fragment FACILITY : 'kern' | 'user' | 'mail' | 'daemon' | 'auth' | 'syslog' | 'lpr' | 'news' | 'uucp' | 'cron'
                  | 'authpriv' | 'ftp' | 'res0' | 'res1' | 'res2' | 'res3'
                  | 'local0' | 'local1' | 'local2' | 'local3' | 'local4' | 'local5' | 'local6' | 'local7' ;
fragment LEVEL    : 'emerg' | 'alert' | 'crit' | 'err' | 'warn' | 'notice' | 'info' | 'debug' ;
