/*
 * Firmware-first hardware error reports (reference §2.7): one line of a CPER record printed by
 * drivers/acpi/apei/ghes.c + drivers/firmware/efi/cper.c, or of an arm64 AEST record, or a
 * one-line "GHES: ..." message.
 *
 *   {3}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 0
 *   {3}[Hardware Error]:   physical_address: 0x00000040a0602400
 *   AEST: {1}[Hardware Error]:   ERR0ADDR: 0x8400000043344521
 *   [Firmware Warn]: GHES: Unhandled processor error type 0x02: cache error
 *
 * A record line is one field; the family's reader joins the lines of one {N} into one event.
 * Multi-word keywords are single tokens, so free text around them never changes their meaning.
 */
grammar Ghes;

line
    : AEST? SEQ HW_ERR field EOF                                      #recordLine
    | (devName=WORD WORD? COLON)? (FW_WARN | HW_ERR)? GHES ghes EOF   #ghesLine
    ;

// One CPER / AEST field. The last alternative takes every other line of a record (MIDR, hex
// dumps, cache level, ...) so that it stays part of the record.
field
    : HEADER_APEI source=NUM                                   #apeiHeader
    | HEADER_AEST node=text?                                   #aestHeader
    | CORRECTED                                                #correctedNote
    | SEVERITY severity=WORD                                   #eventSeverity
    | ERROR NUM COMMA TYPE severity=WORD                       #sectionHeader
    | SECTION_TYPE text                                        #sectionType
    | ERROR_STATUS decoded=statusText LPAREN HEX RPAREN        #decodedStatus
    | ERROR_STATUS HEX                                         #rawStatus
    | PHYSICAL_ADDRESS HEX                                     #physicalAddress
    | PHYSICAL_ADDRESS_MASK HEX                                #physicalAddressMask
    | PHYSICAL_FAULT_ADDRESS HEX                               #physicalFaultAddress
    | LOCATION_KEY COLON text                                  #memoryLocation
    | ERROR_TYPE NUM COMMA text                                #errorType
    | ERROR_TYPE HEX COLON text                                #processorErrorType
    | FRU_TEXT text                                            #fruText
    | FRU_ID text                                              #fruId
    | DIMM_LOCATION text                                       #dimmLocation
    | ERROR_FROM kind=WORD text?                               #aestErrorFrom
    | AEST_STATUS HEX                                          #aestStatus
    | AEST_ADDR HEX                                            #aestAddress
    | AEST_MISC3 HEX                                           #aestLastRegister
    | .*?                                                      #otherField
    ;

ghes
    : UNHANDLED_PROCESSOR (HEX COLON | COLON) text             #unhandledProcessorError
    | INVALID_ADDRESS HEX                                      #invalidAddress
    | text                                                     #ghesMessage
    ;

text
    : .+?
    ;

statusText
    : ~(LPAREN | RPAREN)+
    ;

SEQ                    : '{' [0-9]+ '}' ;
HW_ERR                 : '[Hardware Error]:' ;
FW_WARN                : '[Firmware Warn]:' ;
AEST                   : 'AEST:' ;
GHES                   : 'GHES:' ;

HEADER_APEI            : 'Hardware error from APEI Generic Hardware Error Source:' ;
HEADER_AEST            : 'Hardware error from AEST' ;
CORRECTED              : 'It has been corrected by h/w and requires no further action' ;
SEVERITY               : 'event severity:' ;
ERROR                  : 'Error' ;
TYPE                   : 'type:' ;
SECTION_TYPE           : 'section_type:' | 'section type:' ;
ERROR_STATUS           : 'error_status:' ;
PHYSICAL_ADDRESS       : 'physical_address:' ;
PHYSICAL_ADDRESS_MASK  : 'physical_address_mask:' ;
PHYSICAL_FAULT_ADDRESS : 'physical fault address:' ;
ERROR_TYPE             : 'error_type:' ;
FRU_TEXT               : 'fru_text:' ;
FRU_ID                 : 'fru_id:' ;
DIMM_LOCATION          : 'DIMM location:' ;
ERROR_FROM             : 'Error from' ;
AEST_STATUS            : 'ERR' [0-9]+ 'STATUS:' ;
AEST_ADDR              : 'ERR' [0-9]+ 'ADDR:' ;
AEST_MISC3             : 'ERR' [0-9]+ 'MISC3:' ;   // the last register the AEST driver prints
UNHANDLED_PROCESSOR    : 'Unhandled processor error type' ;
INVALID_ADDRESS        : 'Invalid address in generic error data:' ;

// The fields cper_print_mem() can print first on its location line.
LOCATION_KEY
    : 'node' | 'card' | 'module' | 'rank' | 'bank' | 'bank_group' | 'bank_address' | 'device'
    | 'row' | 'column' | 'bit_position' | 'requestor_id' | 'responder_id' | 'target_id' | 'chip_id'
    ;

HEX    : '0x' [0-9a-fA-F]+ ;
NUM    : [0-9]+ ;
COLON  : ':' ;
COMMA  : ',' ;
LPAREN : '(' ;
RPAREN : ')' ;
WORD   : ~[ \u00a0\t\r\n:,(){}[\]]+ ;

// An author's note after a TAB ("\t\t<== 1st poison @ 0x400") is not part of the message.
NOTE   : '\t' ~[\r\n]* -> skip ;
SP     : [ \u00a0\r\n]+ -> skip ;   // mail archives turn spaces into no-break spaces
OTHER  : . ;
