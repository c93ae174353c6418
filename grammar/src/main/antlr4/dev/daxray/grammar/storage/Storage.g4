/*
 * Block-layer and NVMe I/O errors of ordinary disks (not pmem, which the nvdimm family reads):
 *
 *   blk_update_request: I/O error, dev sda, sector 123456 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0
 *   critical medium error, dev nvme0n1, sector 2048 op 0x0:(READ) flags 0x80700 phys_seg 8 prio class 2
 *   Buffer I/O error on dev sda1, logical block 0, async page read
 *   nvme nvme0: I/O 123 QID 4 timeout, aborting
 *   nvme0n1: Read(0x2) @ LBA 1234, 8 blocks, Unrecovered Read Error (sct 0x2 / sc 0x81) DNR
 *
 * An nvme controller line is an error only when it says so (abort, reset, failure, ...): the
 * driver's probe chatter ("Shutdown timeout set to 8 seconds") is not.
 */
grammar Storage;

line
    : (WORD COLON)? kind=errorKind ERROR_DEV dev=disk COMMA SECTOR NUM .*? EOF    #blockError
    | BUFFER_IO_ERROR dev=disk COMMA .*? EOF                                      #bufferError
    | NVME ctrl=NVME_CTRL COLON text=nvmeError EOF                                #controllerError
    | dev=(NVME_CTRL | NVME_NS) COLON .*? STATUS_CODE .*? EOF                      #commandError
    ;

disk
    : WORD | NVME_CTRL | NVME_NS | NVME
    ;

errorKind
    : ~(ERROR_DEV | COLON)*
    ;

nvmeError
    : .*? NVME_BAD .*?
    ;

ERROR_DEV       : 'error, dev' ;
SECTOR          : 'sector' ;
BUFFER_IO_ERROR : 'Buffer I/O error on dev' 'ice'? ;
NVME            : 'nvme' ;
NVME_CTRL       : 'nvme' [0-9]+ ;
NVME_NS         : 'nvme' [0-9]+ 'n' [0-9]+ ('p' [0-9]+)? ;
STATUS_CODE     : '(sct 0x' HEXD+ ' / sc 0x' HEXD+ ')' ;
NVME_BAD
    : 'error' | 'Error' | 'errors' | 'failed' | 'Failed' | 'failure' | 'abort' | 'aborting' | 'Abort'
    | 'QID' | 'controller is down' | 'not ready' | 'Removing' | 'reset' | 'resetting' | 'dead'
    ;
// pmem disks are the nvdimm family's: a pmem name is never a WORD here.
PMEM_DISK       : 'pmem' [0-9]+ ('.' [0-9]+)? ('p' [0-9]+ | 's')? ;
HEX             : '0x' HEXD+ ;
NUM             : [0-9]+ ;
COLON           : ':' ;
COMMA           : ',' ;
WORD            : ~[ \u00a0\t\r\n,:]+ ;

NOTE            : '\t' ~[\r\n]* -> skip ;
SP              : [ \u00a0\r\n]+ -> skip ;   // mail archives turn spaces into no-break spaces
OTHER           : . ;

fragment HEXD   : [0-9a-fA-F] ;
