/*
 * The hwpoison messages of mm/memory-failure.c in every era, and the lines printed elsewhere about
 * the same pages: the x86 page-fault kill (arch/x86/mm/fault.c), madvise / hwpoison-inject
 * injection, unpoison and soft offline, the GHES SIGBUS line without prefix.
 * Reference: ../shared/reference/kernel-formats.md §1 (and §2.4 for "Memory error may not recovered").
 *
 *   Memory failure: 0x8e13f: recovery action for clean LRU page: Recovered     (4.7 and later)
 *   MCE 0x3a5876: recovery action for dirty LRU page: Recovered                (4.1 - 4.6)
 *   MCE 0x3a5876: dirty LRU page recovery: Recovered                           (4.0 and older)
 *
 * Phrases are single tokens, so that a free-text field (a page type, a process name) can hold any
 * word. Free text is matched non-greedily up to what must follow it; a process name runs up to the
 * last ":<pid>" before "due to", "because" or the end, so names with spaces and colons survive.
 * A TAB starts an author's annotation in published captures ("\t\t<== 1st poison"): it is skipped.
 */
grammar MemoryFailure;

line
    : pfnPrefix RECOVERY_ACTION_FOR pageType=text COLON result=WORD EOF                 #recoveryAction
    | MCE pfn=HEX COLON pageType=text PAGE_RECOVERY COLON result=WORD EOF              #oldRecoveryAction
    | sigbusPrefix SENDING_SIGBUS_TO task DUE_TO_CORRUPTION EOF                         #sendingSigbus
    | pfnPrefix KILLING task DUE_TO_CORRUPTION EOF                                      #killing
    | pfnPrefix KILLING task EARLY_DUE_TO_CORRUPTION EOF                                #killingEarly
    | pfnPrefix FORCIBLY_KILLING task BECAUSE_OF text EOF                               #forciblyKilling
    | pfnPrefix CANNOT_SEND_ADVISORY task EOF                                           #advisoryFailed
    | noPfnPrefix ERROR_SENDING_SIGNAL_TO task COLON text EOF                           #errorSendingSignal
    | MCE_COLON KILLING task DUE_TO_CORRUPTION FAULT_AT address=hex EOF                 #faultKill
    | pfnPrefix ALREADY_HW_POISONED EOF                                                 #alreadyPoisoned
    | INJECTING_FOR (PFN | PAGE) pfn=HEX AT PROCESS_VA? address=HEX EOF                 #madviseInjection
    | INJECTING_AT_PFN pfn=HEX EOF                                                      #hwpoisonInjection
    | SOFT_OFFLINING (PFN | PAGE) pfn=HEX AT PROCESS_VA? address=HEX EOF                #madviseSoftOffline
    | CEC_SOFT_OFFLINING pfn=HEX EOF                                                    #cecSoftOffline
    | SOFT_OFFLINE pfn=HEX COLON? note=text EOF                                         #softOffline
    | SOFT_OFFLINE note=text EOF                                                        #softOfflineNotice
    | UNPOISON pfn=HEX COLON note=text EOF                                              #unpoison
    | (UNPOISON | MCE_COLON) note=text pfn=HEX EOF                                      #unpoisonPfnLast
    | noPfnPrefix UNABLE_TO_FIND value=hex IN comm=text EOF                             #unableToFind
    | MEMORY_FAILURE BUFFER_OVERFLOW_AT pfn=HEX EOF                                     #queueOverflow
    | MEMORY_FAILURE PFN_EQ pfn=HEX COMMA note=text EOF                                 #pfnWarning
    | PANIC? panicText page=hex EOF                                                     #recoveryDisabledPanic
    | pfnPrefix note=text EOF                                                           #note
    | MCE_COLON note=OUT_OF_MEMORY EOF                                                  #outOfMemory
    | MEMORY_FAILURE note=text EOF                                                      #noPfnNote
    ;

// "Memory failure: 0x1234:", "MCE 0x1234:", "MCE: 0x1234:", "Memory Failure: 0x1234:" (thp split);
// "%#lx cannot catch tail" has no colon after the pfn.
pfnPrefix
    : (MEMORY_FAILURE | MEMORY_FAILURE_CAP | MCE | MCE_COLON) pfn=HEX COLON?
    ;

// Also the GHES form without any prefix and the short-lived "mce: Memory error may not recovered:".
sigbusPrefix
    : (MEMORY_FAILURE | MCE | MCE_COLON | MCE_LOWER? MAY_NOT_RECOVERED COLON)? pfn=HEX COLON
    ;

// panic() when vm.memory_failure_recovery is 0; "from trap %d" up to 4.x.
panicText
    : MEMORY_FAILURE_ON_PAGE
    | MEMORY_FAILURE_FROM_TRAP NUM ON_PAGE
    ;

noPfnPrefix
    : MEMORY_FAILURE
    | MCE_COLON
    ;

task
    : comm=text COLON pid=NUM
    ;

text
    : .+?
    ;

hex
    : HEX
    | NUM
    | BAREHEX
    ;

MEMORY_FAILURE          : 'Memory failure:' ;
MEMORY_FAILURE_CAP      : 'Memory Failure:' ;
MCE_COLON               : 'MCE:' ;
MCE                     : 'MCE' ;
MCE_LOWER               : 'mce:' ;
MAY_NOT_RECOVERED       : 'Memory error may not recovered' ;
UNPOISON                : 'Unpoison:' ;
SOFT_OFFLINE            : ('soft offline' | 'Soft offline' | 'soft_offline' | 'soft_offline_page' | '__get_any_page') ':' ;
CEC_SOFT_OFFLINING      : ('RAS: ')? 'Soft-offlining pfn:' ;
PANIC                   : 'Kernel panic - not syncing:' ;
MEMORY_FAILURE_ON_PAGE  : 'Memory failure on page' ;
MEMORY_FAILURE_FROM_TRAP: 'Memory failure from trap' ;
ON_PAGE                 : 'on page' ;

RECOVERY_ACTION_FOR     : 'recovery action for' ;
PAGE_RECOVERY           : 'page recovery' ;
SENDING_SIGBUS_TO       : 'Sending SIGBUS to' ;
DUE_TO_CORRUPTION       : 'due to hardware memory corruption' ;
EARLY_DUE_TO_CORRUPTION : 'early due to hardware memory corruption' ;
KILLING                 : 'Killing' ;
FORCIBLY_KILLING        : 'forcibly killing' ;
BECAUSE_OF              : 'because of' ;
CANNOT_SEND_ADVISORY    : 'Cannot send advisory machine check signal to' ;
ERROR_SENDING_SIGNAL_TO : 'Error sending signal to' ;
FAULT_AT                : 'fault at' ;
ALREADY_HW_POISONED     : 'already hardware poisoned' ;
INJECTING_FOR           : 'Injecting memory failure for' ;
INJECTING_AT_PFN        : 'Injecting memory failure at pfn' ;
SOFT_OFFLINING          : 'Soft offlining' ;
PROCESS_VA              : 'process virtual address' ;
UNABLE_TO_FIND          : 'Unable to find user space address' ;
BUFFER_OVERFLOW_AT      : 'buffer overflow when queuing memory failure at' ;
OUT_OF_MEMORY           : 'Out of memory while machine check handling' ;
PFN_EQ                  : 'pfn=' ;
PFN                     : 'pfn' ;
PAGE                    : 'page' ;
AT                      : 'at' ;
IN                      : 'in' ;

COLON      : ':' ;
COMMA      : ',' ;
HEX        : '0x' [0-9a-fA-F]+ ;
NUM        : [0-9]+ ;
BAREHEX    : [0-9a-fA-F]+ ;
WORD       : [A-Za-z0-9_]+ ;
ANNOTATION : '\t' ~[\r\n]* -> skip ;
WS         : [ \t\r\n]+ -> skip ;
OTHER      : . ;
