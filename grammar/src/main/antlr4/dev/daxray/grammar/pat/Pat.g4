/*
 * x86 PAT complaints (arch/x86/mm/pat/memtype.c), seen when memory_failure() tries
 * set_memory_uc() on a poisoned pmem page (corpus 032, 005):
 *
 *   x86/PAT: fsdax_poison_v1:5018 conflicting memory types 1850600000-1850601000  uncached-minus<->write-back
 *   x86/PAT: fsdax_poison_v1:8457 freeing invalid memtype [mem 0x1850602000-0x1850602fff]
 *   x86/PAT: memtype_reserve failed [mem 0x1850602000-0x1850602fff], track uncached-minus, req uncached-minus
 *
 * The comm may itself hold colons or spaces, so it is whatever precedes the last ":<pid>" before
 * the message.
 */
grammar Pat;

line
    : PAT comm=text COLON pid=NUM CONFLICTING range=RANGE .*? EOF            #conflict
    | PAT comm=text COLON pid=NUM .*? MEM_OPEN range=RANGE RBRACK .*? EOF     #taskResource
    | PAT RESERVE_FAILED MEM_OPEN range=RANGE RBRACK .*? EOF                 #reserveFailed
    ;

text
    : .+?
    ;

PAT            : 'x86/PAT:' ;
CONFLICTING    : 'conflicting memory types' ;
RESERVE_FAILED : ('memtype_reserve' | 'reserve_memtype') ' failed' ;
MEM_OPEN       : '[mem' ;
RBRACK         : ']' ;
RANGE          : ('0x')? HEXD+ '-' ('0x')? HEXD+ ;
NUM            : [0-9]+ ;
COLON          : ':' ;
WORD           : ~[ \u00a0\t\r\n:[\]]+ ;

NOTE           : '\t' ~[\r\n]* -> skip ;
SP             : [ \u00a0\r\n]+ -> skip ;   // mail archives turn spaces into no-break spaces
OTHER          : . ;

fragment HEXD  : [0-9a-fA-F] ;
