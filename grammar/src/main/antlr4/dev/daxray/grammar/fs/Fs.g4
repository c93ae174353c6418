/*
 * Filesystem messages about DAX, notify_failure, shutdown, mount and errors (reference §3):
 *
 *   XFS (pmem0): Device is about to be removed!
 *   XFS (loop1): Metadata I/O Error (0x4) detected at xfs_fs_goingdown+0x5a/0xf8 [xfs] (fs/xfs/xfs_fsops.c:492).  Shutting down filesystem.
 *   XFS (pmem0): Mounting V5 Filesystem e50966df-cb79-4d0c-9600-17be31022868
 *   EXT4-fs (pmem1): DAX unsupported by block device.
 *   EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0
 *   erofs (device pmem0): mounted with root inode @ nid 36.
 *
 * Multi-word phrases are single tokens; the message alternatives are ordered so that the most
 * specific wins when several match (a shutdown "detected at xfs_dax_notify_failure+0x..." is a
 * shutdown, not a notify_failure note). A line whose message is none of these, and names no
 * error, is not in the language: unknown XFS chatter is not an event.
 */
grammar Fs;

// Mail archives quote kernel lines as "dmesg: EXT4-fs (pmem7): ..." (corpus 031).
line
    : QUOTED_DMESG? errorPrefix text EOF         #errorLine
    | QUOTED_DMESG? prefix message EOF           #fsLine
    ;

prefix
    : XFS (LPAREN dev=WORD RPAREN)? COLON                      #xfsPrefix
    | fs=(EXT4 | EXT2) LPAREN dev=WORD RPAREN COLON            #extPrefix
    | EROFS COLON? LPAREN DEVICE dev=WORD RPAREN COLON         #erofsDevicePrefix
    | EROFS COLON                                              #erofsPrefix
    ;

// Prefixes that make every message an error: ext4_error(), ext2_error(), erofs_err().
errorPrefix
    : EXT4_ERROR LPAREN DEVICE dev=WORD RPAREN COLON               #ext4ErrorPrefix
    | EXT2 LPAREN dev=WORD RPAREN COLON ERROR_COLON                #ext2ErrorPrefix
    | EROFS COLON? LPAREN DEVICE dev=WORD RPAREN COLON WORD COLON  #erofsErrorPrefix
    ;

message
    : DEVICE_REMOVED                                                                  #deviceRemoved
    | reason=reasonText LPAREN flags=HEX RPAREN (DETECTED_AT function=symbol MODULE?)?
      .*? SHUTDOWN_TAIL .*?                                                           #flaggedShutdown
    | LOG_SHUTDOWN LPAREN flags=HEX RPAREN .*?                                        #logShutdown
    | USER_SHUTDOWN_RECEIVED SHUTDOWN_TAIL .*?                                        #userShutdown
    | reason=reasonText (DETECTED | RECEIVED)? SHUTDOWN_TAIL .*?                      #plainShutdown
    | SHUT_DOWN_REQUESTED LPAREN flags=NUM RPAREN .*?                                 #requestedShutdown
    | FORCE_SHUTDOWN_CALL LPAREN HEX RPAREN .*?                                       #forceShutdownCall
    | USER_SHUTDOWN_RECEIVED                                                          #userShutdownNote
    | PLEASE_UNMOUNT .*?                                                              #pleaseUnmount
    | NOTIFY_STATE .*?                                                                #notifyState
    | .*? NOTIFY_FAILURE .*?                                                          #namesNotifyFailure
    | DAX_ENABLED .*?                                                                 #daxEnabled
    | .*? DAX_OFF .*?                                                                 #daxUnsupported
    | MOUNTING_FS uuid=UUID? .*?                                                      #mounting
    | MOUNT_PROGRESS .*?                                                              #mountProgress
    | MOUNTED uuid=UUID? .*?                                                          #mounted
    | REMOUNTED uuid=UUID? .*?                                                        #remounted
    | UNMOUNTING_FS uuid=UUID? .*?                                                    #unmounting
    | REMOUNT_READ_ONLY .*?                                                           #remountReadOnly
    | .*? (ERROR_WORD | ERROR_COLON) .*?                                              #namesError
    ;

reasonText
    : ~(LPAREN | DETECTED | RECEIVED | SHUTDOWN_TAIL)+
    ;

symbol
    : ~(MODULE | LPAREN | SHUTDOWN_TAIL)+
    ;

text
    : .+?
    ;

QUOTED_DMESG           : 'dmesg:' ;
XFS                    : 'XFS' ;
EXT4                   : 'EXT4-fs' ;
EXT2                   : 'EXT2-fs' ;
EXT4_ERROR             : 'EXT4-fs error' ;
EROFS                  : 'erofs' ;
DEVICE                 : 'device' ;
ERROR_COLON            : 'error:' ;

DEVICE_REMOVED         : 'Device is about to be removed!' ;
SHUTDOWN_TAIL          : 'Shutting down filesystem' ;
DETECTED_AT            : 'detected at' ;
DETECTED               : [dD] 'etected' '.'? ;
RECEIVED               : 'received' '.'? ;
LOG_SHUTDOWN           : 'Filesystem has been shut down due to log error' ;
USER_SHUTDOWN_RECEIVED : 'User initiated shutdown received.' ;
SHUT_DOWN_REQUESTED    : 'shut down requested' ;
FORCE_SHUTDOWN_CALL    : 'xfs_do_force_shutdown' ;
PLEASE_UNMOUNT         : 'Please ' ('umount' | 'unmount') ' the filesystem' ;

// xfs_notify_failure.c states that say nothing of notify_failure by name.
NOTIFY_STATE
    : 'ondisk log corrupt, shutting down fs!' | 'already frozen by kernel' | 'still frozen after notify failure'
    ;
NOTIFY_FAILURE         : [A-Za-z_]* 'notify_failure' ~[ \t\r\n]* ;

DAX_ENABLED            : 'DAX enabled.' ;
DAX_OFF
    : 'DAX unsupported by block device' | 'Turning off DAX' | 'Cannot use DAX' | 'DAX and reflink cannot'
    | 'unsupported blocksize for ' ('DAX' | 'dax') | 'DAX not supported' | 'DAX invalid option'
    | 'can\'t mount with both data=journal and dax' | 'can\'t change dax mount option'
    ;
MOUNTING_FS            : 'Mounting V' [0-9]+ ' ' [Ff] 'ilesystem' | 'Mounting Filesystem' ;
MOUNT_PROGRESS         : 'Ending clean mount' | 'Starting recovery' | 'Ending recovery' ;
MOUNTED                : 'mounted filesystem' | 'mounted with root inode' ;
REMOUNTED              : 're-mounted' ;
UNMOUNTING_FS          : [Uu] 'nmounting ' [Ff] 'ilesystem' ;
REMOUNT_READ_ONLY      : 'Remounting filesystem read-only' ;

ERROR_WORD
    : 'error' | 'errors' | 'Error' | 'ERROR' | 'corrupt' | 'corrupted' | 'corruption' | 'Corruption' | 'failed'
    | 'Failed' | 'failure' | 'xfs_repair'
    ;

UUID   : HEX4 HEX4 '-' HEX4 '-' HEX4 '-' HEX4 '-' HEX4 HEX4 HEX4 ;
MODULE : '[' [A-Za-z0-9_]+ ']' ;
HEX    : '0x' [0-9a-fA-F]+ ;
NUM    : [0-9]+ ;
COLON  : ':' ;
COMMA  : ',' ;
DOT    : '.' ;
LPAREN : '(' ;
RPAREN : ')' ;
WORD   : ~[ \u00a0\t\r\n(),:.[\]]+ ;

// An author's note after a TAB is not part of the message.
NOTE   : '\t' ~[\r\n]* -> skip ;
SP     : [ \u00a0\r\n]+ -> skip ;   // mail archives turn spaces into no-break spaces
OTHER  : . ;

fragment HEX4 : [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] ;
