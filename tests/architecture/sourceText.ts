import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Every TypeScript file under `dir`, as a path relative to the project. */
export function sourceFiles(dir = 'src'): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) found.push(path);
    }
  };
  walk(dir);
  return found;
}

/** A piece of literal text in the code — a string or the fixed parts of a template — with where it is. */
export interface TextPiece {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  /** For a template: the source of each `${…}`. */
  readonly substitutions: readonly string[];
  /** For a template: the name of its tag (`sql`), if it has one. */
  readonly tag?: string;
}

/** The literal text of a file: strings and templates, never comments. */
export function textPieces(file: string): TextPiece[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const pieces: TextPiece[] = [];
  const at = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      pieces.push({ file, line: at(node), text: node.text, substitutions: [] });
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('${…}');
      const tag = ts.isTaggedTemplateExpression(node.parent) ? node.parent.tag.getText(source) : undefined;
      pieces.push({ file, line: at(node), text, substitutions: node.templateSpans.map((s) => s.expression.getText(source)), ...(tag === undefined ? {} : { tag }) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return pieces;
}
