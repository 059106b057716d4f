// Finds human text written inline in src/ (it belongs in a message catalogue, so that the walk, the
// CLI and the incident file speak the operator's language). Run: node --import tsx scripts/i18n/inline-text.ts
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface InlineText {
  file: string;
  line: number;
  text: string;
}

// Two words of letters with a space between them: what a sentence, a heading or a hint has and a
// code, a path, a flag name or a JSON key has not.
const WORDS = /[A-Za-z]{2,}[,:;]? [A-Za-z]{2,}/;
// A literal on a line that says so is code, not text (a command line shown as is, a regex source).
const IGNORE = 'i18n-ignore';

function isCodeContext(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isImportTypeNode(p) || ts.isExternalModuleReference(p)) return true;
  if (ts.isLiteralTypeNode(p)) return true;
  if (ts.isPropertyAssignment(p) && p.name === node) return true;
  if (ts.isPropertySignature(p) || ts.isEnumMember(p)) return p.name === node;
  if (ts.isElementAccessExpression(p) && p.argumentExpression === node) return true;
  if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && ['require', 'RegExp'].includes(p.expression.text)) return true;
  if (ts.isNewExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === 'RegExp') return true;
  return false;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('${}');
  if (ts.isJsxText(node)) return node.text.trim();
  return undefined;
}

// The inline human text of one source file (catalogue files are not scanned: text lives there).
export function inlineTextOf(file: string, source: string): InlineText[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = source.split('\n');
  const found: InlineText[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined && WORDS.test(text) && !isCodeContext(node)) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const marked = lines[line]?.includes(IGNORE) || (line > 0 && lines[line - 1]?.includes(IGNORE));
      if (!marked) found.push({ file, line: line + 1, text: text.length > 70 ? `${text.slice(0, 67)}...` : text });
    }
    if (ts.isTemplateExpression(node)) {
      for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

// A catalogue file holds the messages of one area in every language (see src/core/i18n/speak.ts).
export function isCatalogueFile(source: string): boolean {
  return /\bcatalogue\(\{/.test(source);
}

// Every inline human text under `srcDir`, by file path relative to `rootDir`.
export function scanInlineText(rootDir: string, srcDir = join(rootDir, 'src')): Map<string, InlineText[]> {
  const byFile = new Map<string, InlineText[]>();
  for (const path of sourceFiles(srcDir)) {
    const source = readFileSync(path, 'utf8');
    if (isCatalogueFile(source)) continue;
    const rel = relative(rootDir, path);
    const found = inlineTextOf(rel, source);
    if (found.length > 0) byFile.set(rel, found);
  }
  return byFile;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const all = scanInlineText(process.cwd());
  const verbose = process.argv.includes('--all');
  let total = 0;
  for (const [file, found] of all) {
    total += found.length;
    console.log(`${file}: ${found.length}`);
    if (verbose) for (const f of found) console.log(`  ${f.line}: ${f.text}`);
  }
  console.log(`${all.size} files, ${total} inline texts`);
}
