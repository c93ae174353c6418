/*
 * x86 machine-check messages (arch/x86/kernel/cpu/mce/): the __print_mce record dump, line by line,
 * and the one-line mce: messages. Reference: ../shared/reference/kernel-formats.md §2.1 - §2.5.
 *
 *   mce: [Hardware Error]: CPU 12: Machine Check: 0 Bank 7: cc00008000010090
 *   mce: [Hardware Error]: TSC 0 ADDR 207b9e1040 MISC 9a00000086            (trailing space)
 *   mce: [Hardware Error]: PROCESSOR 0:50657 TIME 1795255200 SOCKET 0 APIC 18 microcode 5003604
 *   mce: [Hardware Error]: Run the above through 'mcelog --ascii'
 *
 * sb_edac / skx_edac mirror the dump with their own prefix and 0x-prefixed values:
 *   EDAC skx MC0: CPU 0: Machine Check Event: 0x0 Bank 255: 0xbc0000000000009f
 *   EDAC skx MC0: ADDR 0x1850603200
 *
 * AMD's decoder (drivers/edac/mce_amd.c) prints its own block instead, without "mce: ":
 *   [Hardware Error]: Deferred error, no action required.
 *   [Hardware Error]: CPU:67 (19:11:1) MC21_STATUS[-|-|-|AddrV|-|-|SyndV|UECC|Deferred|-|Scrub]: 0x942031000400011b
 *   [Hardware Error]: Error Addr: 0x0000000005dc2a00
 *   [Hardware Error]: IPID: 0x0000109600650f00, Syndrome: 0x9a4a00000b800008
 *
 * One parse per line: a one-line message, or a dump line (which the family joins with the rest of
 * its dump into one event). Messages come first so that "[Hardware Error]: Machine check events
 * logged" stays a message rather than a detail line of the AMD block.
 * A TAB starts an author's annotation in published captures: it is skipped.
 */
grammar Mce;

mceLine
    : message
    | dumpLine
    ;

dumpLine
    : (prefix | edacPrefix) CPU cpu=NUM COLON MACHINE_CHECK kind=(EXCEPTION | EVENT)? COLON hex
      BANK bank=NUM COLON status=hex EOF                                               #dumpHeader
    | dumpPrefix RIP .*? EOF                                                           #dumpRip
    | dumpPrefix field+ EOF                                                            #dumpFields
    | dumpPrefix PROCESSOR .*? EOF                                                     #dumpProcessor
    | dumpPrefix RUN_THE_ABOVE .*? EOF                                                 #dumpEnd
    | HW_ERR amd=(AMD_CORRECTED | AMD_DEFERRED | AMD_UNCORRECTED) .*? EOF               #amdHeader
    | HW_ERR CPU COLON cpu=NUM .*? bank=AMD_BANK .*? COLON status=hex EOF               #amdStatus
    | HW_ERR ERROR_ADDR COLON addr=hex EOF                                             #amdAddress
    | HW_ERR .+? EOF                                                                   #amdDetail
    ;

field
    : name=(TSC | ADDR | MISC | PPIN | SYND | IPID) value=hex
    ;

message
    : prefix UC_USER_ACCESS address=hex EOF                                            #userAccess
    | prefix NOT_RECOVERED EOF                                                         #notRecovered
    | prefix KERNEL_POISON address=hex EOF                                             #kernelPoison
    | prefix EVENTS_LOGGED EOF                                                         #eventsLogged
    | prefix severity=MACHINE_CHECK_COLON text EOF                                     #severityText
    | prefix severity=FAKE_PANIC text EOF                                              #fakePanic
    | prefix UC_IN_PAGE pfn=HEX IGNORED EOF                                            #ignoredPage
    | prefix stormText EOF                                                             #cmciStorm
    | cpu=CPU_N bank=BANK_N stormText EOF                                              #bankCmciStorm
    | prefix respondingText EOF                                                        #notResponding
    ;

// "CMCI storm detected: switching to poll mode" (before ~6.8), "CPU7 BANK9 CMCI storm detected" (6.8+)
stormText
    : CMCI_STORM (DETECTED | SUBSIDED) (COLON text)?
    ;

respondingText
    : NOT_RESPONDING (COLON text?)?
    ;

// "mce: [Hardware Error]: ", "mce: ", "[Hardware Error]: " (3.x), "core: [Hardware Error]: "
// (a 4.18 vendor kernel), or nothing (old CMCI storm lines).
prefix
    : (MCE | CORE)? HW_ERR?
    ;

dumpPrefix
    : (MCE | CORE)? HW_ERR
    | edacPrefix
    ;

edacPrefix
    : EDAC driver=WORD MC_ID
    ;

text
    : .+?
    ;

hex
    : HEX
    | NUM
    | BAREHEX
    ;

MCE                 : 'mce:' ;
CORE                : 'core:' ;
HW_ERR              : '[Hardware Error]:' ;
EDAC                : 'EDAC' ;
MC_ID               : 'MC' [0-9]+ ':' ;
AMD_BANK            : 'MC' [0-9]+ '_STATUS' ;
AMD_CORRECTED       : 'Corrected error, no action required.' ;
AMD_DEFERRED        : 'Deferred error, no action required.' ;
AMD_UNCORRECTED     : 'Uncorrected, software ' ('restartable' | 'containable') ' error.' | 'Uncorrected, ' ;
ERROR_ADDR          : 'Error Addr' ;

CPU                 : 'CPU' ;
CPU_N               : 'CPU' [0-9]+ ;
BANK                : 'Bank' ;
BANK_N              : 'BANK' [0-9]+ ;
MACHINE_CHECK       : 'Machine Check' ;
EXCEPTION           : 'Exception' ;
EVENT               : 'Event' ;
RIP                 : 'RIP' ;
TSC                 : 'TSC' ;
ADDR                : 'ADDR' ;
MISC                : 'MISC' ;
PPIN                : 'PPIN' ;
SYND                : 'SYND' ;
IPID                : 'IPID' ;
PROCESSOR           : 'PROCESSOR' ;
RUN_THE_ABOVE       : 'Run the above through' ;

UC_USER_ACCESS      : 'Uncorrected hardware memory error in user-access at' ;
NOT_RECOVERED       : 'Memory error not recovered' ;
KERNEL_POISON       : 'Kernel accessed poison in user space at' ;
EVENTS_LOGGED       : 'Machine check events logged' ;
MACHINE_CHECK_COLON : 'Machine check:' ;
FAKE_PANIC          : 'Fake kernel panic:' ;
UC_IN_PAGE          : 'Uncorrected memory error in page' ;
IGNORED             : 'ignored' ;
CMCI_STORM          : 'CMCI storm' ;
DETECTED            : 'detected' ;
SUBSIDED            : 'subsided' ;
NOT_RESPONDING      : 'CPUs not responding to MCE broadcast' (' (may include false positives)')? ;

COLON      : ':' ;
HEX        : '0x' [0-9a-fA-F]+ ;
NUM        : [0-9]+ ;
BAREHEX    : [0-9a-fA-F]+ ;
WORD       : [A-Za-z0-9_]+ ;
ANNOTATION : '\t' ~[\r\n]* -> skip ;
WS         : [ \t\r\n]+ -> skip ;
OTHER      : . ;
