/*
 * NVDIMM / pmem / device-dax / CXL driver messages (reference §4):
 *
 *   nd_pmem namespace0.0: unable to guarantee persistence of writes
 *   nfit ACPI0012:00: addr in SPA 1 (0x4080000000, 0x1f80000000)
 *   cxl_pci 0000:35:00.0: ...
 *   pmem0: error: unaligned partition for dax
 *   blk_update_request: I/O error, dev pmem0, sector 8208 op 0x0:(READ) ...
 *
 * dev_printk lines are "<driver> <device>: <text>", accepted only for the nvdimm, nfit, dax and
 * CXL drivers; gendisk lines name a pmem disk. Block-layer errors on a pmem disk belong here, not
 * to the storage family, so that a poisoned pmem sector is not taken for a failing disk.
 */
grammar Nvdimm;

line
    : DRIVER device COLON message EOF                              #driverLine
    | DRIVER COLON message EOF                                     #driverOnlyLine
    | disk=(PMEM_DISK | NMEM) COLON message EOF                    #diskLine
    | (WORD COLON)? .*? ERROR_DEV disk=PMEM_DISK COMMA .*? EOF     #blockError
    | BUFFER_IO_ERROR disk=PMEM_DISK COMMA .*? EOF                 #bufferError
    ;

device
    : WORD | ACPI_DEV | PCI_DEV | PMEM_DISK | NMEM
    ;

// A "(start, size)" pair (nfit's "addr in SPA", badrange) or a %pR resource "[mem start-end ...]"
// gives the range the line is about.
message
    : .*? LPAREN start=HEX COMMA size=HEX RPAREN .*?               #rangeMessage
    | .*? MEM_OPEN range=RANGE .*?                                 #resourceMessage
    | .+?                                                          #plainMessage
    ;

DRIVER
    : 'nd_' [a-z_]+ | 'nfit' | 'nfit_test' | 'dax_' [a-z_]+ | 'device_dax' | 'dax' | 'cxl_' [a-z_]+ | 'cxl'
    | 'nvdimm' | 'libnvdimm'
    ;
PMEM_DISK       : 'pmem' [0-9]+ ('.' [0-9]+)? ('p' [0-9]+ | 's')? ;
NMEM            : 'nmem' [0-9]+ ;
ACPI_DEV        : 'ACPI' [0-9A-F]+ ':' [0-9A-F]+ ;
PCI_DEV         : HEXD HEXD HEXD HEXD ':' HEXD HEXD ':' HEXD HEXD '.' [0-7] ;
ERROR_DEV       : 'error, dev' ;
BUFFER_IO_ERROR : 'Buffer I/O error on dev' 'ice'? ;
MEM_OPEN        : '[mem' ;
RANGE           : '0x' HEXD+ '-0x' HEXD+ ;
HEX             : '0x' HEXD+ ;
COLON           : ':' ;
COMMA           : ',' ;
LPAREN          : '(' ;
RPAREN          : ')' ;
WORD            : ~[ \u00a0\t\r\n(),:[\]]+ ;

// An author's note after a TAB is not part of the message.
NOTE            : '\t' ~[\r\n]* -> skip ;
SP              : [ \u00a0\r\n]+ -> skip ;   // mail archives turn spaces into no-break spaces
OTHER           : . ;

fragment HEXD   : [0-9a-fA-F] ;
