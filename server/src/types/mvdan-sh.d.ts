// The parts of mvdan-sh's (GopherJS) API this project uses; the package ships no type declarations.
declare module 'mvdan-sh' {
  export interface Pos {
    Offset(): number;
    Line(): number;
    Col(): number;
  }
  export interface Node {
    Pos(): Pos;
    End(): Pos;
  }
  export interface WordPart extends Node {
    Value?: string;
    Parts?: WordPart[];
  }
  export interface Word extends Node {
    Parts: WordPart[];
    Lit(): string;
  }
  export interface Command extends Node {
    Args?: Word[];
    Assigns?: Node[];
    X?: Stmt;
    Y?: Stmt;
    Op?: number;
  }
  export interface Stmt extends Node {
    Cmd: Command | null;
    Redirs: Node[];
    Negated: boolean;
    Background: boolean;
    Coprocess: boolean;
  }
  export interface File extends Node {
    Stmts: Stmt[];
  }
  export interface Parser {
    Parse(source: string, name: string): File;
  }
  export interface ParseError {
    Error(): string;
    Pos: Pos;
    Text: string;
  }
  export const syntax: {
    NewParser(...options: unknown[]): Parser;
    NodeType(node: Node): string;
    Walk(node: Node, visit: (node: Node | null) => boolean): void;
  };
}
