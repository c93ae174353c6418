/*
 * Messages of printk itself:
 *   Linux version 6.6.0-rc6 (user@host) (gcc (GCC) 13.2.1, GNU ld 2.41) #1 SMP PREEMPT_DYNAMIC ...
 *   ** 5 printk messages dropped **
 */
grammar Printk;

message
    : LINUX VERSION release=WORD                 #banner
    | STARS count=NUMBER DROPPED_TEXT STARS      #dropped
    ;

LINUX        : 'Linux' ;
VERSION      : 'version' ;
STARS        : '**' ;
DROPPED_TEXT : 'printk messages dropped' ;
NUMBER       : [0-9]+ ;
WORD         : ~[ \t\r\n]+ ;
SP           : [ \t]+ -> skip ;
