/*
 * The boot banner printed by init/version.c:
 *   Linux version 6.6.0-rc6 (user@host) (gcc (GCC) 13.2.1, GNU ld 2.41) #1 SMP PREEMPT_DYNAMIC ...
 */
grammar Banner;

banner
    : LINUX VERSION release=WORD
    ;

LINUX   : 'Linux' ;
VERSION : 'version' ;
WORD    : ~[ \t\r\n]+ ;
SP      : [ \t]+ -> skip ;
