/*
 * The EDAC core's error line (drivers/edac/edac_mc.c, edac_mc_printk adds "EDAC MC%d: "), the same
 * text in 4.x and ~5.8+, and the edac_mc_panic_on_ue panic. Reference:
 * ../shared/reference/kernel-formats.md §2.8.
 *
 *   EDAC MC1: 5 CE memory read error on CPU_SrcID#2_Channel#2_DIMM#0 (channel:2 slot:0 page:0x2007e9ea
 *       offset:0x100 grain:32 syndrome:0x0 -  OVERFLOW area:DRAM err_code:0001:0092 socket:2 ...)
 *   EDAC MC0: 1 UE Cannot decode normalized address on mc#0csrow#0channel#2 (csrow:0 channel:2
 *       page:0x0 offset:0x0 grain:64)
 *   Kernel panic - not syncing: UE memory read error on DIMM_A1 (channel:0 slot:0 page:0x... ...)
 *
 * The message runs up to " on ", the label up to " (", the location up to "page:". The detail after
 * " - " may itself hold parentheses (ghes_edac "status(0x...): reserved") and may lack the closing
 * one when an author elided the rest ("[..]"). A TAB starts an author's annotation: it is skipped.
 */
grammar Edac;

line
    : EDAC mc=MC_ID count=NUM kind=(CE | UE) report EOF                    #countedError
    | (PANIC | EDAC mc=MC_ID)? kind=UE report EOF                          #panicOnUe
    ;

report
    : message=text? ON label=text LPAREN location=text? PAGE pfn=HEX OFFSET offset=HEX GRAIN grain=NUM
      (SYNDROME syndrome=HEX)? (DASH detail)? RPAREN?
    ;

detail
    : (SYSTEM_ADDRESS systemAddress=HEX | ~SYSTEM_ADDRESS)*?
    ;

text
    : .+?
    ;

EDAC           : 'EDAC' ;
MC_ID          : 'MC' [0-9]+ ':' ;
PANIC          : 'Kernel panic - not syncing:' ;
CE             : 'CE' ;
UE             : 'UE' ;
ON             : 'on' ;
PAGE           : 'page:' ;
OFFSET         : 'offset:' ;
GRAIN          : 'grain:' ;
SYNDROME       : 'syndrome:' ;
SYSTEM_ADDRESS : 'SystemAddress:' ;
LPAREN         : '(' ;
RPAREN         : ')' ;
DASH           : '-' ;
HEX            : '0x' [0-9a-fA-F]+ ;
NUM            : [0-9]+ ;
WORD           : [A-Za-z0-9_#]+ ;
ANNOTATION     : '\t' ~[\r\n]* -> skip ;
WS             : [ \t\r\n]+ -> skip ;
OTHER          : . ;
