/*
 * Error injectors at work, in the kernel's words or in a shell / QEMU monitor transcript pasted into a
 * capture (issue 13, item 2). The madvise and hwpoison-inject lines ("Injecting memory failure ...") are
 * the memory-failure grammar's; this one reads the tools that make the hardware report an error:
 *
 *   EINJ: Error INJection is initialized.               drivers/acpi/apei/einj.c, einj-core.c (6.9+); pr_fmt "EINJ: "
 *   Machine check injector initialized                  arch/x86/kernel/cpu/mce/inject.c (mce-inject.c before 4.12)
 *   Triggering MCE exception on CPU 3                   raise_local(), and "MCE exception done on CPU 3"
 *   Starting machine check poll CPU 3                   raise_local(), and "Machine check poll done on CPU 3"
 *   Timeout waiting for mce inject 8                    raise_mce()
 *   # ndctl inject-error namespace0.0 -n 2 -B 8210      a shell prompt line (corpus 004)
 *   [root@host ~]# mce-inject /tmp/srar.mce
 *   # echo 1 > /sys/kernel/debug/apei/einj/error_inject
 *   $ echo 0x12345 | sudo tee /sys/kernel/debug/hwpoison/corrupt-pfn
 *   (qemu) mce 0 9 0xbd000000000000c0 0 0x12345000 0x86
 *
 * A command line needs its prompt: prose that names a command is not a transcript.
 */
grammar Inject;

line
    : EINJ_INITIALIZED .*? EOF                                         #einjLoaded
    | MCE_INJECTOR_INITIALIZED EOF                                     #mceInjectLoaded
    | (TRIGGERING | STARTING_POLL) cpu=NUM EOF                         #mceInjectStart
    | (EXCEPTION_DONE | POLL_DONE) cpu=NUM EOF                         #mceInjectDone
    | TIMEOUT_WAITING word EOF                                         #mceInjectTimeout
    | PROMPT SUDO? NDCTL INJECT_ERROR args EOF                         #ndctlInjectError
    | PROMPT SUDO? MCE_INJECT_CMD args EOF                             #mceInjectCommand
    | PROMPT SUDO? ECHO value=word (GT | PIPE SUDO? TEE) EINJ_FILE EOF        #einjCommand
    | PROMPT SUDO? ECHO value=word (GT | PIPE SUDO? TEE) CORRUPT_PFN_FILE EOF #corruptPfnCommand
    | QEMU_PROMPT MCE args EOF                                         #qemuMce
    ;

args
    : word*
    ;

word
    : WORD | NUM | MCE | ECHO | TEE | SUDO | NDCTL | INJECT_ERROR | MCE_INJECT_CMD
    ;

EINJ_INITIALIZED         : 'EINJ: Error INJection is initialized' ;
MCE_INJECTOR_INITIALIZED : ('mce-inject: ' | 'mce_inject: ')? 'Machine check injector initialized' ;
TRIGGERING               : 'Triggering MCE exception on CPU' ;
EXCEPTION_DONE           : 'MCE exception done on CPU' ;
STARTING_POLL            : 'Starting machine check poll CPU' ;
POLL_DONE                : 'Machine check poll done on CPU' ;
TIMEOUT_WAITING          : 'Timeout waiting for mce inject' ;
QEMU_PROMPT              : '(qemu)' ;
EINJ_FILE                : ~[ \t\r\n]* '/einj/error_inject' ;
CORRUPT_PFN_FILE         : ~[ \t\r\n]* '/hwpoison/corrupt-pfn' ;
// a shell prompt: '#', '$', or user@host:path#, [user@host dir]#, host:~ #
PROMPT                   : ( '[' ~[\]\r\n]* ']' | [A-Za-z0-9_.@:~/+-]+ ' '? )? [#$] ;
NDCTL                    : 'ndctl' ;
INJECT_ERROR             : 'inject-error' ;
MCE_INJECT_CMD           : ~[ \t\r\n]* 'mce-inject' ;
MCE                      : 'mce' ;
ECHO                     : 'echo' ;
TEE                      : 'tee' ( ' -a' )? ;
SUDO                     : 'sudo' ;
GT                       : '>' '>'? ;
PIPE                     : '|' ;
NUM                      : [0-9]+ ;
WORD                     : ~[ \t\r\n]+ ;

SP                       : [ \u00a0\t\r\n]+ -> skip ;
