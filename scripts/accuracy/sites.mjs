#!/usr/bin/env node
// The sampling frame of sampled recall: catch sites, functions with two or more database writes, and outbound
// HTTP calls in the non-test source of each checkout, found with the TypeScript parser and deliberately broader
// than errlint's own knowledge (a reviewer then judges each sampled site should-flag or not).
//
//   node scripts/accuracy/sites.mjs [--seed 20261202] [--per-kind 4] [--frame server|all] [--out sample.jsonl] [repo …]
//
// Prints, per repository and kind, how many sites exist and draws --per-kind of them (seeded); with --out the
// sample is written as label stubs for the set's recall labels (--set a|b|c|d|e, default e).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { DEFAULT_SET, checkoutPath, DEFAULT_SEED, parseArgs, readSet, runMain, sample } from './lib.mjs';

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const SKIP_DIR = new Set(['node_modules', 'dist', 'build', '.next', 'coverage', '.git', 'out', '.turbo', 'vendor', '__mocks__', '__tests__', 'test', 'tests', 'e2e', 'cypress', 'playwright', 'fixtures', 'stories']);
const TEST_FILE = /\.(?:test|spec|e2e|stories|d)\.[cm]?[jt]sx?$/;
/**
 * The `server` frame (the default) also leaves out what is plainly not server code or not application code:
 * JSX/TSX files, browser and static folders, SDKs shipped to users, migrations, seeds and scripts, and minified
 * files. The `all` frame (the first recall sample, v1) kept them and judged them should-not-flag one by one.
 * The `orm` frame (v3, multi-write functions only) is the server frame without key-value adapter writes, without
 * functions that open or write through a transaction, and without a write counted twice on one line.
 */
const NOT_SERVER_DIR = new Set(['client', 'frontend', 'ui', 'public', 'static', 'www', 'sdks', 'sdk', 'migrations', 'migration', 'seeds', 'seed', 'upgrades', 'scripts', 'docs', 'examples']);
const JSX_FILE = /\.[jt]sx$/;

/** Method names that write to a database in some data layer (Prisma, TypeORM, Knex, Objection, Drizzle, Mongoose, Sequelize, NodeBB-style key-value adapters). */
const WRITE_METHOD = /^(?:create|createMany|insert|insertMany|insertOne|insertAndFetch|insertGraph|update|updateMany|updateOne|updateById|patch|patchAndFetchById|upsert|upsertGraph|delete|deleteMany|deleteOne|deleteById|del|remove|destroy|save|softDelete|softRemove|restore|increment|decrement|findOneAndUpdate|findByIdAndUpdate|findOneAndDelete|findByIdAndDelete|findOneAndRemove|findByIdAndRemove|replaceOne|bulkWrite|bulkCreate|\$executeRaw|\$executeRawUnsafe|set|setObject|setObjectField|setObjectBulk|setAdd|setRemove|sortedSetAdd|sortedSetRemove|sortedSetsAdd|sortedSetsRemove|sortedSetIncrBy|incrObjectField|incrObjectFieldBy|decrObjectField|deleteObjectField|deleteObjectFields|deleteAll|listPrepend|listAppend|listRemoveAll|rename)$/;
/** Key-value adapter writes (NodeBB style), left out of the `orm` frame: those stores offer no transaction to ask for. */
const KV_WRITE = /^(?:set|setObject|setObjectField|setObjectBulk|setAdd|setRemove|sortedSetAdd|sortedSetRemove|sortedSetsAdd|sortedSetsRemove|sortedSetIncrBy|incrObjectField|incrObjectFieldBy|decrObjectField|deleteObjectField|deleteObjectFields|deleteAll|listPrepend|listAppend|listRemoveAll|rename)$/;
/** In the `orm` frame a function that opens a transaction, or writes through a transaction handle, is not a candidate. */
const TRANSACTION_TEXT = /\$transaction|\.transaction\(|transaction\.start|startTransaction|\.begin\(|\bwithTransaction\b|\btrx\b|\btx\.|\btransaction\(/;
/** Unambiguous write methods whatever their receiver. */
const STRONG_WRITE = /^(?:createMany|insertMany|insertOne|updateMany|updateOne|deleteMany|deleteOne|upsert|findOneAndUpdate|findByIdAndUpdate|findOneAndDelete|findByIdAndDelete|bulkWrite|bulkCreate|\$executeRaw|\$executeRawUnsafe|patchAndFetchById|insertAndFetch|sortedSetAdd|setObject|setObjectField|incrObjectField)$/;
const DB_RECEIVER = /\b(?:db|database|prisma|tx|trx|transaction|knex|sql|repo|repository|Repository|manager|em|orm|model|models|Model|collection|table|query|client|pg|pool|conn|connection|dataSource|entityManager|kysely|drizzle)\b|Repository\b|Repo\b|Model\b|^[A-Z][A-Za-z]+$|\$\w+|\.(?:query|where|from|into|table|findById|findOne)\(/;
const SQL_WRITE = /^\s*(?:insert|update|delete|merge|upsert)\b/i;
const HTTP_FN = /^(?:fetch|axios|got|ky|ofetch|\$fetch|request|superagent|needle|undici|nodeFetch|crossFetch)$/;
const HTTP_VERB = /^(?:get|post|put|patch|delete|head|request|fetch)$/;
const HTTP_RECEIVER = /^(?:axios|got|ky|superagent|needle|undici|http|https|httpService|this\.httpService|this\.http|ofetch)$/;

function listFiles(root, frame) {
  const server = frame !== 'all';
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      let stat;
      try {
        stat = statSync(full);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (!SKIP_DIR.has(name) && !name.startsWith('.') && !(server && NOT_SERVER_DIR.has(name))) walk(full);
      } else if (SOURCE.test(name) && !TEST_FILE.test(name) && !name.includes('.min.') && stat.size < 1_000_000 && !(server && JSX_FILE.test(name))) files.push(full);
    }
  };
  walk(root);
  return files.sort();
}

const isFunction = (n) => ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n) || ts.isGetAccessor(n) || ts.isSetAccessor(n);
/** A callback handed to a call (`items.map(async (x) => …)`, `Promise.all([...])`) belongs to the function around it. */
const isInlineCallback = (n) => (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && n.parent && (ts.isCallExpression(n.parent) || ts.isArrayLiteralExpression(n.parent));

function owner(node) {
  for (let n = node.parent; n; n = n.parent) if (isFunction(n) && !isInlineCallback(n)) return n;
  return undefined;
}

function functionName(fn, sf) {
  if (!fn) return '<module>';
  if (fn.name) return fn.name.getText(sf);
  const p = fn.parent;
  if (p && (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && p.name) return p.name.getText(sf);
  return '<anonymous>';
}

function isWrite(call, sf, frame) {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    if (!WRITE_METHOD.test(method)) return false;
    if (frame === 'orm' && KV_WRITE.test(method)) return false;
    if (STRONG_WRITE.test(method)) return true;
    const receiver = callee.expression.getText(sf);
    if (method === 'destroy' && /knex$/i.test(receiver) && frame !== 'all') return false; // closes the pool (v1 counted it)
    return DB_RECEIVER.test(receiver);
  }
  if (ts.isIdentifier(callee) && /^(?:query|execute|exec|run)$/.test(callee.text)) {
    const first = call.arguments[0];
    return !!first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first) || ts.isTemplateExpression(first)) && SQL_WRITE.test(first.getText(sf).slice(1));
  }
  return false;
}

function isSqlWriteTag(node, sf) {
  return ts.isTaggedTemplateExpression(node) && SQL_WRITE.test(node.template.getText(sf).slice(1));
}

function isSqlQueryCall(call, sf) {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !/^(?:query|execute|exec|run|raw)$/.test(callee.name.text)) return false;
  const first = call.arguments[0];
  return !!first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first) || ts.isTemplateExpression(first)) && SQL_WRITE.test(first.getText(sf).slice(1));
}

function isHttpCall(call, sf) {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return HTTP_FN.test(callee.text);
  if (ts.isPropertyAccessExpression(callee)) {
    const receiver = callee.expression.getText(sf);
    return HTTP_VERB.test(callee.name.text) && HTTP_RECEIVER.test(receiver);
  }
  return false;
}

export function findSites(file, text, root, frame = 'server') {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JSX;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const path = relative(root, file).split('\\').join('/');
  const at = (node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const end = (node) => sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
  const sites = [];
  const writes = new Map();
  const visit = (node) => {
    if (ts.isCatchClause(node)) sites.push({ kind: 'catch', path, line: at(node), endLine: end(node), fn: functionName(owner(node), sf) });
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'catch' && node.arguments.length > 0) sites.push({ kind: 'catch', path, line: at(callee.name), endLine: end(node), fn: functionName(owner(node), sf) });
      if (isWrite(node, sf, frame) || isSqlQueryCall(node, sf)) {
        const fn = owner(node);
        if (fn) writes.set(fn, [...(writes.get(fn) ?? []), at(node)]);
      }
      if (isHttpCall(node, sf)) sites.push({ kind: 'http', path, line: at(node), endLine: end(node), fn: functionName(owner(node), sf) });
    }
    if (isSqlWriteTag(node, sf)) {
      const fn = owner(node);
      if (fn) writes.set(fn, [...(writes.get(fn) ?? []), at(node)]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  for (const [fn, lines] of writes) {
    if (frame === 'orm' && (new Set(lines).size < 2 || TRANSACTION_TEXT.test(fn.getText(sf)))) continue;
    if (lines.length >= 2) sites.push({ kind: 'multi-write', path, line: at(fn), endLine: end(fn), fn: functionName(fn, sf), writes: lines });
  }
  return sites;
}

const MINIFIED = /^.{1500,}$/m;

export function repoSites(entry, frame = 'server') {
  const root = checkoutPath(entry);
  const sites = [];
  // Only the audited `paths` of the entry: a site errlint was not asked to read cannot count as missed.
  const files = [...new Set(entry.paths.flatMap((p) => listFiles(join(root, p), frame)))].sort();
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (frame !== 'all' && MINIFIED.test(text)) continue;
    for (const site of findSites(file, text, root, frame)) sites.push({ repo: entry.repo, commit: entry.commit, ...site });
  }
  return sites;
}

export const KINDS = ['catch', 'multi-write', 'http'];
export const siteKey = (s) => `${s.repo}\u0000${s.path}\u0000${String(s.line).padStart(7, '0')}\u0000${s.kind}`;

async function main(argv) {
  const { options, rest } = parseArgs(argv, { seed: DEFAULT_SEED, 'per-kind': 4, frame: 'server', out: '', set: DEFAULT_SET });
  if (!['server', 'all', 'orm'].includes(options.frame)) throw new Error('--frame is server, orm or all');
  // The v1 sample (frame all) drew from the stream `<repo>:<kind>`; the server frame from `<repo>:<kind>:server`.
  const suffix = options.frame === 'all' ? '' : `:${options.frame}`;
  const entries = readSet(options.set).filter((e) => rest.length === 0 || rest.includes(e.repo));
  const drawn = [];
  for (const entry of entries) {
    const sites = repoSites(entry, options.frame);
    const counts = [];
    for (const kind of options.frame === 'orm' ? ['multi-write'] : KINDS) {
      const ofKind = sites.filter((s) => s.kind === kind);
      counts.push(`${kind} ${ofKind.length}`);
      drawn.push(...sample(ofKind, options['per-kind'], { seed: options.seed, stream: `${entry.repo}:${kind}${suffix}`, key: siteKey }).map((s) => ({ ...s, sample: { all: 'v1-all', server: 'v2-server', orm: 'v3-orm' }[options.frame] })));
    }
    process.stdout.write(`${entry.repo}: ${counts.join(', ')}\n`);
  }
  if (options.out) {
    writeFileSync(options.out, drawn.map((s) => JSON.stringify({ ...s, shouldFlag: null, rules: [], reason: '' })).join('\n') + '\n');
    process.stdout.write(`${drawn.length} sampled sites -> ${options.out}\n`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runMain(main);
