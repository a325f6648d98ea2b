/*
 * Runnel's grammar for the ksqlDB SQL dialect.
 *
 * Written for Runnel; the statement coverage follows ksqlDB's documented syntax. Keywords are
 * case-insensitive (caseInsensitive lexer option); identifiers keep their text and are
 * upper-cased by the AstBuilder unless quoted with "..." or `...`.
 *
 * Reserved words are the tokens not listed in `nonReserved`; a non-reserved keyword may be used
 * wherever an identifier is expected (a column named TYPE, a source named SOURCE, ...).
 */
grammar RunnelSql;

options { caseInsensitive = true; }

// ---------------------------------------------------------------------------------- statements

statements
    : SEMICOLON* (statement (SEMICOLON+ statement)* SEMICOLON*)? EOF
    ;

singleStatement
    : statement SEMICOLON* EOF
    ;

singleExpression
    : expression EOF
    ;

singleType
    : type EOF
    ;

statement
    : query                                                                     # queryStatement
    | (LIST | SHOW) PROPERTIES                                                  # listProperties
    | (LIST | SHOW) ALL? TOPICS EXTENDED?                                       # listTopics
    | (LIST | SHOW) STREAMS EXTENDED?                                           # listStreams
    | (LIST | SHOW) TABLES EXTENDED?                                            # listTables
    | (LIST | SHOW) FUNCTIONS                                                   # listFunctions
    | (LIST | SHOW) TYPES                                                       # listTypes
    | (LIST | SHOW) VARIABLES                                                   # listVariables
    | (LIST | SHOW) QUERIES EXTENDED?                                           # listQueries
    | DESCRIBE STREAMS EXTENDED?                                                # describeStreams
    | DESCRIBE TABLES EXTENDED?                                                 # describeTables
    | DESCRIBE FUNCTION identifier                                              # describeFunction
    | DESCRIBE sourceName EXTENDED?                                             # describeSource
    | PRINT (identifier | STRING) printClause                                   # printTopic
    | TERMINATE (ALL | identifier)                                              # terminateQuery
    | SET STRING EQ STRING                                                      # setProperty
    | UNSET STRING                                                              # unsetProperty
    | DEFINE identifier EQ STRING                                               # defineVariable
    | UNDEFINE identifier                                                       # undefineVariable
    | RUN SCRIPT STRING                                                         # runScript
    | CREATE (OR REPLACE)? SOURCE? (STREAM | TABLE) (IF NOT EXISTS)? sourceName
          tableElements? (WITH tableProperties)?                                # createSource
    | CREATE (OR REPLACE)? (STREAM | TABLE) (IF NOT EXISTS)? sourceName
          (WITH tableProperties)? AS query                                      # createAsSelect
    | INSERT INTO sourceName (WITH tableProperties)? query                      # insertInto
    | INSERT INTO sourceName columnList? VALUES valueList                       # insertValues
    | DROP (STREAM | TABLE) (IF EXISTS)? sourceName (DELETE TOPIC)?             # dropSource
    | CREATE TYPE (IF NOT EXISTS)? identifier AS type                           # createType
    | DROP TYPE (IF EXISTS)? identifier                                         # dropType
    | ALTER (STREAM | TABLE) sourceName alterOption (COMMA alterOption)*        # alterSource
    | EXPLAIN (statement | identifier)                                          # explain
    ;

printClause
    : (FROM BEGINNING)? (INTERVAL integer)? (LIMIT integer)?
    ;

tableElements
    : LPAREN tableElement (COMMA tableElement)* RPAREN
    ;

tableElement
    : identifier type columnConstraint?
    ;

columnConstraint
    : PRIMARY KEY                                                               # primaryKeyConstraint
    | KEY                                                                       # keyConstraint
    | HEADERS                                                                   # headersConstraint
    | HEADER LPAREN STRING RPAREN                                               # headerConstraint
    ;

alterOption
    : ADD COLUMN? identifier type
    ;

tableProperties
    : LPAREN tableProperty (COMMA tableProperty)* RPAREN
    ;

tableProperty
    : (identifier | STRING) EQ propertyValue
    ;

propertyValue
    : STRING                                                                    # stringProperty
    | MINUS? number                                                             # numberProperty
    | booleanValue                                                              # booleanProperty
    | NULL                                                                      # nullProperty
    ;

columnList
    : LPAREN identifier (COMMA identifier)* RPAREN
    ;

valueList
    : LPAREN (expression (COMMA expression)*)? RPAREN
    ;

// ------------------------------------------------------------------------------------- queries

query
    : SELECT selectItem (COMMA selectItem)*
      FROM relation
      (WINDOW windowExpression)?
      (WHERE where=expression)?
      (GROUP BY groupBy=expressionList)?
      (PARTITION BY partitionBy=expressionList)?
      (HAVING having=expression)?
      (EMIT (CHANGES | FINAL))?
      (LIMIT integer)?
    ;

// GROUP BY and PARTITION BY take value expressions (as ksqlDB): `GROUP BY a AND b` is an error.
expressionList
    : LPAREN RPAREN
    | LPAREN valueExpression (COMMA valueExpression)* RPAREN
    | valueExpression (COMMA valueExpression)*
    ;

selectItem
    : ASTERISK                                                                  # selectAll
    | identifier DOT ASTERISK                                                   # selectAllOfSource
    | primaryExpression ARROW ASTERISK                                          # selectAllOfStruct
    | expression (AS? identifier)?                                              # selectSingle
    ;

relation
    : aliasedRelation joinedSource*
    ;

joinedSource
    : joinType JOIN aliasedRelation joinWindow? ON expression
    ;

joinType
    : INNER?                                                                    # innerJoin
    | LEFT OUTER?                                                               # leftJoin
    | RIGHT OUTER?                                                              # rightJoin
    | FULL OUTER?                                                               # fullJoin
    ;

joinWindow
    : WITHIN LPAREN before=timeSpan COMMA after=timeSpan RPAREN gracePeriod?    # asymmetricJoinWindow
    | WITHIN timeSpan gracePeriod?                                              # symmetricJoinWindow
    ;

aliasedRelation
    : sourceName (AS? identifier)?
    ;

windowExpression
    : TUMBLING LPAREN SIZE timeSpan windowOption* RPAREN                        # tumblingWindow
    | HOPPING LPAREN SIZE size=timeSpan COMMA ADVANCE BY advance=timeSpan
          windowOption* RPAREN                                                  # hoppingWindow
    | SESSION LPAREN timeSpan windowOption* RPAREN                              # sessionWindow
    ;

windowOption
    : COMMA RETENTION timeSpan                                                  # retentionOption
    | COMMA gracePeriod                                                         # graceOption
    ;

gracePeriod
    : GRACE PERIOD timeSpan
    ;

timeSpan
    : integer timeUnit
    ;

timeUnit
    : MILLISECOND | MILLISECONDS | SECOND | SECONDS | MINUTE | MINUTES
    | HOUR | HOURS | DAY | DAYS
    ;

// --------------------------------------------------------------------------------- expressions

expression
    : booleanExpression
    ;

booleanExpression
    : valueExpression predicate?                                                # predicated
    | NOT booleanExpression                                                     # logicalNot
    | left=booleanExpression AND right=booleanExpression                        # logicalAnd
    | left=booleanExpression OR right=booleanExpression                         # logicalOr
    ;

predicate
    : comparisonOperator right=valueExpression                                  # comparison
    | IS NOT? DISTINCT FROM right=valueExpression                               # distinctFrom
    | NOT? BETWEEN lower=valueExpression AND upper=valueExpression              # between
    | NOT? IN LPAREN expression (COMMA expression)* RPAREN                      # inList
    | NOT? LIKE pattern=valueExpression (ESCAPE escape=STRING)?                 # like
    | IS NOT? NULL                                                              # nullPredicate
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

valueExpression
    : primaryExpression                                                         # valueDefault
    | operator=(MINUS | PLUS) valueExpression                                   # arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT) right=valueExpression
                                                                                # arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression        # arithmeticBinary
    | left=valueExpression CONCAT right=valueExpression                         # concatenation
    ;

primaryExpression
    : literal                                                                   # literalExpression
    | CASE operand=expression whenClause+ (ELSE elseValue=expression)? END      # simpleCase
    | CASE whenClause+ (ELSE elseValue=expression)? END                         # searchedCase
    | CAST LPAREN expression AS type RPAREN                                     # cast
    | ARRAY LBRACKET (expression (COMMA expression)*)? RBRACKET                 # arrayConstructor
    | MAP LPAREN (mapEntry (COMMA mapEntry)*)? RPAREN                           # mapConstructor
    | STRUCT LPAREN (structField (COMMA structField)*)? RPAREN                  # structConstructor
    | identifier LPAREN ASTERISK RPAREN                                         # functionCallStar
    | identifier LPAREN (DISTINCT? functionArgument (COMMA functionArgument)*)? RPAREN
                                                                                # functionCall
    | base=primaryExpression LBRACKET index=valueExpression RBRACKET            # subscript
    | base=primaryExpression ARROW field=identifier                             # dereference
    | qualifier=identifier DOT name=identifier                                  # qualifiedColumn
    | identifier                                                                # column
    | LPAREN expression RPAREN                                                  # parenthesized
    ;

functionArgument
    : lambda
    | expression
    ;

lambda
    : identifier LAMBDA_ARROW expression
    | LPAREN identifier (COMMA identifier)* RPAREN LAMBDA_ARROW expression
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

mapEntry
    : key=expression ASSIGN value=expression
    ;

structField
    : identifier ASSIGN expression
    ;

literal
    : NULL                                                                      # nullLiteral
    | booleanValue                                                              # booleanLiteral
    | number                                                                    # numericLiteral
    | STRING                                                                    # stringLiteral
    ;

booleanValue
    : TRUE | FALSE
    ;

number
    : DECIMAL_VALUE                                                             # decimalNumber
    | FLOATING_POINT_VALUE                                                      # doubleNumber
    | INTEGER_VALUE                                                             # integerNumber
    ;

integer
    : INTEGER_VALUE
    ;

// ------------------------------------------------------------------------------------- types

type
    : ARRAY LT type GT                                                          # arrayType
    | MAP LT key=type COMMA value=type GT                                       # mapType
    | STRUCT LT (structTypeField (COMMA structTypeField)*)? GT                   # structType
    | STRUCT empty=NEQ                                                          # emptyStructType
    | DECIMAL LPAREN precision=INTEGER_VALUE COMMA scale=INTEGER_VALUE RPAREN    # decimalType
    | identifier                                                                # namedType
    ;

structTypeField
    : identifier type
    ;

// ------------------------------------------------------------------------------- identifiers

sourceName
    : identifier
    ;

identifier
    : IDENTIFIER                                                                # unquotedIdentifier
    | QUOTED_IDENTIFIER                                                         # doubleQuotedIdentifier
    | BACKQUOTED_IDENTIFIER                                                     # backQuotedIdentifier
    | VARIABLE_REFERENCE                                                        # variableIdentifier
    | DIGIT_IDENTIFIER                                                          # digitIdentifier
    | nonReserved                                                               # nonReservedIdentifier
    ;

nonReserved
    : ADD | ADVANCE | ALTER | ARRAY | BEGINNING | CHANGES | COLUMN | DATE_KW | DAY | DAYS
    | DECIMAL | DEFINE | DELETE | DESCRIBE | EMIT | ESCAPE | EXPLAIN | EXTENDED | FINAL
    | FUNCTION | FUNCTIONS | GRACE | HEADER | HEADERS | HOPPING | HOUR | HOURS | IF | INTERVAL
    | KEY | LIST | MAP | MILLISECOND | MILLISECONDS | MINUTE | MINUTES | PERIOD | PRIMARY
    | PRINT | PROPERTIES | QUERIES | REPLACE | RETENTION | RUN | SCRIPT | SECOND | SECONDS
    | SESSION | SET | SHOW | SIZE | SOURCE | STREAMS | STRUCT | TABLES | TERMINATE | TIME_KW
    | TIMESTAMP_KW | TOPIC | TOPICS | TUMBLING | TYPE | TYPES | UNDEFINE | UNSET | VARIABLES
    ;

// ------------------------------------------------------------------------------------ lexer

ADD: 'ADD';
ADVANCE: 'ADVANCE';
ALL: 'ALL';
ALTER: 'ALTER';
AND: 'AND';
ARRAY: 'ARRAY';
AS: 'AS';
BEGINNING: 'BEGINNING';
BETWEEN: 'BETWEEN';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
CHANGES: 'CHANGES';
COLUMN: 'COLUMN';
CREATE: 'CREATE';
DATE_KW: 'DATE';
DAY: 'DAY';
DAYS: 'DAYS';
DECIMAL: 'DECIMAL';
DEFINE: 'DEFINE';
DELETE: 'DELETE';
DESCRIBE: 'DESCRIBE';
DISTINCT: 'DISTINCT';
DROP: 'DROP';
ELSE: 'ELSE';
EMIT: 'EMIT';
END: 'END';
ESCAPE: 'ESCAPE';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTENDED: 'EXTENDED';
FALSE: 'FALSE';
FINAL: 'FINAL';
FROM: 'FROM';
FULL: 'FULL';
FUNCTION: 'FUNCTION';
FUNCTIONS: 'FUNCTIONS';
GRACE: 'GRACE';
GROUP: 'GROUP';
HAVING: 'HAVING';
HEADER: 'HEADER';
HEADERS: 'HEADERS';
HOPPING: 'HOPPING';
HOUR: 'HOUR';
HOURS: 'HOURS';
IF: 'IF';
IN: 'IN';
INNER: 'INNER';
INSERT: 'INSERT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
IS: 'IS';
JOIN: 'JOIN';
KEY: 'KEY';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
LIST: 'LIST';
MAP: 'MAP';
MILLISECOND: 'MILLISECOND';
MILLISECONDS: 'MILLISECONDS';
MINUTE: 'MINUTE';
MINUTES: 'MINUTES';
NOT: 'NOT';
NULL: 'NULL';
ON: 'ON';
OR: 'OR';
OUTER: 'OUTER';
PARTITION: 'PARTITION';
PERIOD: 'PERIOD';
PRIMARY: 'PRIMARY';
PRINT: 'PRINT';
PROPERTIES: 'PROPERTIES';
QUERIES: 'QUERIES';
REPLACE: 'REPLACE';
RETENTION: 'RETENTION';
RIGHT: 'RIGHT';
RUN: 'RUN';
SCRIPT: 'SCRIPT';
SECOND: 'SECOND';
SECONDS: 'SECONDS';
SELECT: 'SELECT';
SESSION: 'SESSION';
SET: 'SET';
SHOW: 'SHOW';
SIZE: 'SIZE';
SOURCE: 'SOURCE';
STREAM: 'STREAM';
STREAMS: 'STREAMS';
STRUCT: 'STRUCT';
TABLE: 'TABLE';
TABLES: 'TABLES';
TERMINATE: 'TERMINATE';
THEN: 'THEN';
TIME_KW: 'TIME';
TIMESTAMP_KW: 'TIMESTAMP';
TOPIC: 'TOPIC';
TOPICS: 'TOPICS';
TRUE: 'TRUE';
TUMBLING: 'TUMBLING';
TYPE: 'TYPE';
TYPES: 'TYPES';
UNDEFINE: 'UNDEFINE';
UNSET: 'UNSET';
VALUES: 'VALUES';
VARIABLES: 'VARIABLES';
WHEN: 'WHEN';
WHERE: 'WHERE';
WINDOW: 'WINDOW';
WITH: 'WITH';
WITHIN: 'WITHIN';

EQ: '=';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';
CONCAT: '||';
ASSIGN: ':=';
ARROW: '->';
LAMBDA_ARROW: '=>';
DOT: '.';
COMMA: ',';
SEMICOLON: ';';
LPAREN: '(';
RPAREN: ')';
LBRACKET: '[';
RBRACKET: ']';

STRING
    : '\'' ( ~'\'' | '\'\'' )* '\''
    ;

INTEGER_VALUE
    : DIGIT+
    ;

DECIMAL_VALUE
    : DIGIT+ '.' DIGIT*
    | '.' DIGIT+
    ;

FLOATING_POINT_VALUE
    : DIGIT+ ('.' DIGIT*)? EXPONENT
    | '.' DIGIT+ EXPONENT
    ;

IDENTIFIER
    : (LETTER | '_') (LETTER | DIGIT | '_' | '@')*
    ;

DIGIT_IDENTIFIER
    : DIGIT (LETTER | DIGIT | '_' | '@')+
    ;

QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )* '"'
    ;

BACKQUOTED_IDENTIFIER
    : '`' ( ~'`' | '``' )* '`'
    ;

VARIABLE_REFERENCE
    : '${' (LETTER | DIGIT | '_')+ '}'
    ;

fragment EXPONENT
    : 'E' [+-]? DIGIT+
    ;

fragment DIGIT
    : [0-9]
    ;

fragment LETTER
    : [A-Z]
    ;

SIMPLE_COMMENT
    : '--' ~[\r\n]* '\r'? '\n'? -> channel(HIDDEN)
    ;

BRACKETED_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \r\n\t]+ -> channel(HIDDEN)
    ;

// Any other character: reported as a lexical error by the parser, never silently dropped.
UNRECOGNIZED
    : .
    ;
