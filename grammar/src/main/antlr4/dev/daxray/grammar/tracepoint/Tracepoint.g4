/*
 * Payloads (TP_printk output) of the tracepoints daxray reads, after the envelope has removed the
 * trace line's context and event name. One entry rule per tracepoint; the event name picks it.
 * Reference: ../shared/reference/trace-ndctl-formats.md §2.7 (tracepoints) and §2.8 (probes).
 *
 *   memory_failure_event: pfn 0x219c200: recovery action for dax page: Recovered      (kernel)
 *   memory_failure_event: pfn=0x204000000 page_type=free buddy page action_result=Delayed   (rasdaemon)
 *   mce_record: CPU: 3, MCGc/s: 1000c14/5, MC7: be00000000800090, ..., ADDR: 000000219c200000, ...
 *   p_memory_failure_0: (memory_failure+0x0/0x5c0) pfn=0x219c200 flags=0x2
 *
 * `name=` is one token (KEY_EQ; pfn=, page_type=, action_result= have their own for rasdaemon), so key=value payloads split at their keys and a value (a page type,
 * a region uuid, a quoted string) may hold spaces. Free text is matched non-greedily.
 */
grammar Tracepoint;

memoryFailureEvent
    : PFN pfn=HEX COLON RECOVERY_ACTION_FOR pageType=text COLON result=WORD EOF        #kernelVerdict
    | PFN_EQ pfn=HEX PAGE_TYPE_EQ pageType=text ACTION_RESULT_EQ result=WORD EOF       #rasdaemonVerdict
    ;

// "KEY: value" pairs separated by ", " in every version of the format.
mceRecord
    : mcePair (COMMA mcePair)* EOF
    ;

// A key holds no ':' or ',' and a value no ',' (RIP: 33:<...>, PROCESSOR: 0:806f8), so each pair
// is read without looking past it: free text on both sides made every line an ambiguity that
// only full-context (LL) prediction to the end of the line could settle.
mcePair
    : key=mceKey COLON value=mceValue
    ;

mceKey
    : (~(COLON | COMMA | KEY_EQ | PFN_EQ | PAGE_TYPE_EQ | ACTION_RESULT_EQ))+
    ;

mceValue
    : (~(COMMA | KEY_EQ | PFN_EQ | PAGE_TYPE_EQ | ACTION_RESULT_EQ))+
    ;

// "%d %s error%s:%s%s on %s (mc:%d location:%d:%d:%d address:0x%08lx grain:%d syndrome:0x%08lx%s%s)";
// rasdaemon's own text (0.8+) leaves out the label, location, address and syndrome when empty or zero:
// "1 Uncorrected error: multi-bit ECC on unknown memory (mc: 0 address: 0xe53218400 grain: 0 APEI ...)".
mcEvent
    : count=NUM severity=severityWord ERRORS COLON (message=text? ON label=text | message=text?)
      LPAREN MC_COLON mc=NUM (LOCATION_COLON location=text)? (ADDRESS_COLON address=HEX)? GRAIN_COLON grain=NUM
      (SYNDROME_COLON syndrome=HEX)? detail=text? RPAREN EOF
    ;

// "{%d} %s error: %s physical addr: %016llx (mask lsb: %x) %sFRU: %pUl %.20s"
extlogMemEvent
    : LBRACE seq=NUM RBRACE severity=WORD ERRORS COLON memType=text PHYSICAL_ADDR COLON address=hexValue
      LPAREN MASK_LSB COLON lsb=hexValue RPAREN location=text? FRU_COLON fru=text? EOF
    ;

// "%s PCIe Bus Error: severity=%s, %s, TLP Header=%s"
aerEvent
    : device=text PCIE_BUS_ERROR KEY_EQ severity=AER_SEVERITY COMMA errors=text COMMA TLP KEY_EQ header=text EOF
    ;

// Every fs_dax event starts "dev %d:%d ino %#lx"; the rest is "name value" pairs and flag words.
fsDax
    : DEV major=NUM COLON minor=NUM INO inode=HEX daxItem* EOF
    ;

daxItem
    : key=WORD value=daxValue (DASH end=daxValue)?                                   #daxField
    | flags                                                                           #daxFlags
    ;

flags
    : WORD (PIPE WORD)*
    ;

// cxl_poison, every release: "memdev=%s host=%s serial=%lld trace_type=%s region=%s ... flags=%s overflow_time=%llu"
cxlPoison
    : keyValue+ EOF
    ;

// kprobe "(sym+off/size)", kretprobe "(site <- func)", uprobe "(0xaddr)", raw "(ffffffff8d4a1230)"; then "name=value"s.
probe
    : LPAREN site=probeSite (RETURN_ARROW target=probeTarget)? RPAREN keyValue* EOF
    ;

// The function a kretprobe returned from: a symbol, a user address, or trace-cmd's raw kernel address.
probeTarget
    : HEX                                                                             #userTarget
    | symbol                                                                          #symbolTarget
    ;

probeSite
    : symbol PLUS offset=HEX SLASH size=HEX                                           #symbolSite
    | address=hexValue                                                                #addressSite
    ;

symbol
    : WORD (DOT (WORD | NUM))*
    ;

keyValue
    : key=keyEq value=text?
    ;

keyEq
    : KEY_EQ
    | PFN_EQ
    | PAGE_TYPE_EQ
    | ACTION_RESULT_EQ
    ;

daxValue
    : HEX
    | NUM
    | BAREHEX
    ;

severityWord
    : WORD
    | AER_SEVERITY
    ;

hexValue
    : HEX
    | NUM
    | BAREHEX
    | WORD
    ;

text
    : (~(KEY_EQ | PFN_EQ | PAGE_TYPE_EQ | ACTION_RESULT_EQ))+?
    ;

PFN                 : 'pfn' ;
RECOVERY_ACTION_FOR : 'recovery action for' ;
ERRORS              : 'error' 's'? ;
ON                  : 'on' ;
MC_COLON            : 'mc:' ;
LOCATION_COLON      : 'location:' ;
ADDRESS_COLON       : 'address:' ;
GRAIN_COLON         : 'grain:' ;
SYNDROME_COLON      : 'syndrome:' ;
PHYSICAL_ADDR       : 'physical addr' ;
MASK_LSB            : 'mask lsb' ;
FRU_COLON           : 'FRU:' ;
PCIE_BUS_ERROR      : 'PCIe Bus Error:' ;
AER_SEVERITY        : 'Corrected' | 'Fatal' | 'Uncorrected, non-fatal' ;
TLP                 : 'TLP' ;
DEV                 : 'dev' ;
INO                 : 'ino' ;
RETURN_ARROW        : '<-' ;

PFN_EQ           : 'pfn=' ;
PAGE_TYPE_EQ     : 'page_type=' ;
ACTION_RESULT_EQ : 'action_result=' ;
KEY_EQ   : [A-Za-z_] [A-Za-z0-9_]* '=' ;
HEX      : '0x' [0-9a-fA-F]+ ;
NUM      : [0-9]+ ;
WORD     : [A-Za-z_] [A-Za-z0-9_]* ;
BAREHEX  : [0-9a-fA-F]+ ;
COLON    : ':' ;
COMMA    : ',' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
PLUS     : '+' ;
SLASH    : '/' ;
PIPE     : '|' ;
DOT      : '.' ;
DASH     : '-' ;
WS       : [ \t\r\n]+ -> skip ;
OTHER    : . ;
