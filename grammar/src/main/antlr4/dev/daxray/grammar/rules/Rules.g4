/*
 * daxray's correlation rule language. A file holds rules; a rule names the incident kind it emits,
 * its severity, how its steps join (`by pfn`), one pattern (an ordered `sequence` or an unordered
 * `group` of steps, bounded by `within` and/or `until`), and the text of the finding.
 *
 *   rule dax-poison-consumed {
 *       severity high
 *       by pfn
 *       group within 30s {
 *           mf: memory-failure where pageType == "dax page"
 *           sig: sigbus where action != "fault-kill"
 *       }
 *       title "Poison consumed through a DAX mapping at pfn {pfn}"
 *   }
 *
 * Words that are keywords only in clause position (severity, title, count, kind, ...) are still
 * usable as field names: see `name`. Words that can start or end a step (by, within, until,
 * optional, finding, not) are reserved. Building and binding happen in Java (dev.daxray.rules); no actions here.
 */
grammar Rules;

rulesFile
    : ruleDecl* EOF
    ;

ruleDecl
    : RULE name LBRACE clause* RBRACE
    ;

clause
    : KIND name                                           #kindClause
    | SEVERITY name                                       #severityClause
    | RANK INT                                            #rankClause
    | LABELS name (COMMA name)*                           #labelsClause
    | SUPPRESS name (COMMA name)*                         #suppressClause
    | BY name (COMMA name)*                               #byClause
    | shape=(SEQUENCE | GROUP) (WITHIN duration)? (UNTIL pattern)? LBRACE step+ RBRACE   #patternClause
    | TITLE text                                          #titleClause
    | SUMMARY text                                        #summaryClause
    | ADVICE text                                         #adviceClause
    ;

step
    : OPTIONAL? (alias=name COLON)? pattern (COUNT GE INT)?    #matchStep
    | NOT pattern WITHIN duration                               #absentStep
    ;

pattern
    : source (WHERE condition)? (BY keyExpr (COMMA keyExpr)*)?
    ;

source
    : FINDING name                                        #findingSource
    | name                                                #eventSource
    ;

condition
    : NOT condition                                       #notCondition
    | condition AND condition                             #andCondition
    | condition OR condition                              #orCondition
    | LPAREN condition RPAREN                             #parenCondition
    | field op=(EQ | NE | LT | GT | LE | GE) literal      #compareCondition
    | field NOT? IN LPAREN literal (COMMA literal)* RPAREN #inCondition
    | field MATCHES STRING                                #matchesCondition
    | field PREFIX STRING                                 #prefixCondition
    | field CONTAINS STRING                               #containsCondition
    ;

keyExpr
    : field (op=(SHR | SHL | AMP) number)*
    ;

field
    : name
    ;

literal
    : STRING                                              #stringLiteral
    | number                                              #numberLiteral
    | NULL                                                #nullLiteral
    | (TRUE | FALSE)                                      #booleanLiteral
    ;

number
    : INT
    | HEX
    ;

duration
    : DURATION
    ;

text
    : STRING+
    ;

name
    : IDENT
    | KIND | SEVERITY | RANK | LABELS | SUPPRESS | SEQUENCE | GROUP | TITLE | SUMMARY | ADVICE | COUNT
    ;

RULE      : 'rule' ;
KIND      : 'kind' ;
SEVERITY  : 'severity' ;
RANK      : 'rank' ;
LABELS    : 'labels' ;
SUPPRESS  : 'suppress' ;
BY        : 'by' ;
SEQUENCE  : 'sequence' ;
GROUP     : 'group' ;
WITHIN    : 'within' ;
UNTIL     : 'until' ;
TITLE     : 'title' ;
SUMMARY   : 'summary' ;
ADVICE    : 'advice' ;
OPTIONAL  : 'optional' ;
COUNT     : 'count' ;
FINDING   : 'finding' ;
WHERE     : 'where' ;
NOT       : 'not' ;
AND       : 'and' ;
OR        : 'or' ;
IN        : 'in' ;
MATCHES   : 'matches' ;
PREFIX    : 'prefix' ;
CONTAINS  : 'contains' ;
NULL      : 'null' ;
TRUE      : 'true' ;
FALSE     : 'false' ;

LBRACE    : '{' ;
RBRACE    : '}' ;
LPAREN    : '(' ;
RPAREN    : ')' ;
COMMA     : ',' ;
COLON     : ':' ;
EQ        : '==' ;
NE        : '!=' ;
LE        : '<=' ;
GE        : '>=' ;
SHR       : '>>' ;
SHL       : '<<' ;
LT        : '<' ;
GT        : '>' ;
AMP       : '&' ;

DURATION  : [0-9]+ ('us' | 'ms' | 's' | 'm' | 'h') ;
HEX       : '0' [xX] [0-9a-fA-F]+ ;
INT       : [0-9]+ ;
STRING    : '"' (~["\\\r\n] | '\\' .)* '"' ;
IDENT     : [a-zA-Z_] [a-zA-Z0-9_]* ('-' [a-zA-Z0-9_]+)* ;

COMMENT   : '#' ~[\r\n]* -> channel(HIDDEN) ;   // kept for the formatter (rules fmt keeps comments)
WS        : [ \t\r\n]+ -> skip ;
UNKNOWN   : . ;
