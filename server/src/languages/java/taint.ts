/** Java node types and fields in the taint walk's words (see taintSyntax.ts). */
import type { SyntaxNode } from '../parser';
import { concatPieces } from '../builtStrings';
import { Kind, Param, tableSyntax, TaintSyntax } from '../taintSyntax';
import { javaModules } from './modules';
import { opaqueResult } from './resultTypes';
import { isLocal } from './uses';

const KINDS: Record<string, Kind> = {
  identifier: 'name', this: 'self', field_access: 'member', array_access: 'subscript', method_invocation: 'call',
  object_creation_expression: 'new', string_literal: 'string', binary_expression: 'binary', unary_expression: 'unary',
  instanceof_expression: 'compare', ternary_expression: 'ternary', assignment_expression: 'assign',
  parenthesized_expression: 'paren', cast_expression: 'cast', array_initializer: 'array', argument_list: 'group',
  method_declaration: 'function', constructor_declaration: 'function', lambda_expression: 'function',
  formal_parameters: 'parameter-list', line_comment: 'comment', block_comment: 'comment', ERROR: 'error',
  expression_statement: 'expression-statement', local_variable_declaration: 'declaration', variable_declarator: 'declarator',
  return_statement: 'return', throw_statement: 'throw', break_statement: 'jump', continue_statement: 'jump',
  if_statement: 'if', block: 'block', program: 'module', class_body: 'class-body', for_statement: 'loop',
  enhanced_for_statement: 'loop', while_statement: 'loop', do_statement: 'loop', try_statement: 'try',
  try_with_resources_statement: 'try', resource_specification: 'declaration', resource: 'declarator',
  switch_expression: 'switch', labeled_statement: 'wrapper', template_expression: 'string', update_expression: 'unary',
  array_creation_expression: 'array', explicit_constructor_invocation: 'call', synchronized_statement: 'block',
  class_declaration: 'class', interface_declaration: 'class', enum_declaration: 'class', record_declaration: 'class', import_declaration: 'import', package_declaration: 'definition',
};

const table = tableSyntax({
  kinds: KINDS,
  fields: {
    object: ['object', 'array'], property: ['field', 'name'], index: ['index'], function: ['name', 'type'], arguments: ['arguments'],
    left: ['left'], operator: ['operator'], right: ['right'], argument: ['operand'], condition: ['condition'],
    consequence: ['consequence'], alternative: ['alternative'], body: ['body'], value: ['value'], name: ['name'],
    parameters: ['parameters'], initializer: ['init'], update: ['update'], subject: ['condition'],
  },
  fieldsByType: {
    enhanced_for_statement: { left: ['name'], right: ['value'] },
    array_creation_expression: { value: ['value'] },
  },
});

export const javaTaint: TaintSyntax = {
  ...table,
  kind: (node) => table.kind(node) ?? (/_statement$/.test(node.type) ? 'statement' : undefined),
  modules: javaModules,
  functionLiterals: new Set(['lambda_expression']),
  selfNames: new Set(['this']),
  keywordArguments: false,
  scalarParam: (p) => !!p.type && /^(?:String|int|long|short|byte|boolean|double|float|char|Integer|Long|Short|Byte|Boolean|Double|Float|Character|UUID)$/.test(p.type),
  operator(node) {
    return node.childForFieldName('operator')?.text ?? '';
  },
  stringPieces(node, bindings) {
    if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+') return concatPieces(this, node, bindings);
    return null;
  },
  params(fn) {
    const list = fn.childForFieldName('parameters');
    const items = list?.type === 'identifier' ? [list] : list?.namedChildren ?? [];
    const out: Param[] = [];
    for (const p of items) {
      if (!p) continue;
      const id = p.type === 'identifier' ? p : p.childForFieldName('name');
      if (!id) continue;
      const annotations = p.namedChildren.find((c) => c?.type === 'modifiers')?.namedChildren ?? [];
      const decorators = annotations.filter((a): a is SyntaxNode => !!a && /annotation$/.test(a.type)).map((a) => a.childForFieldName('name')?.text ?? '');
      out.push({ name: id.text, node: id, type: p.childForFieldName('type')?.text, decorators });
    }
    return out;
  },
  functionName(fn) {
    return fn.childForFieldName('name')?.text ?? null;
  },
  objectPatternOf() {
    return null;
  },
  classOf(fn) {
    const p = fn.parent?.type === 'class_body' ? fn.parent.parent : null;
    return p && KINDS[p.type] === 'class' ? p : null;
  },
  isStaticMethod(fn) {
    return !!fn.namedChildren.find((c) => c?.type === 'modifiers')?.children.some((c) => c?.type === 'static');
  },
  decorators(fn) {
    const mods = fn.namedChildren.find((c) => c?.type === 'modifiers');
    return (mods?.namedChildren ?? []).filter((a): a is SyntaxNode => !!a && /annotation$/.test(a.type)).map((a) => a.childForFieldName('name') ?? a);
  },
  isExported(fn) {
    return !!fn.namedChildren.find((c) => c?.type === 'modifiers')?.children.some((c) => c?.type === 'public');
  },
  standalone(fn) {
    return fn.type !== 'lambda_expression';
  },
  opaqueResult,
  typedParamsByFullName: true,
  holdsNoText: (p) => !!p.type && /^(?:int|long|short|byte|boolean|double|float|Integer|Long|Short|Byte|Boolean|Double|Float)$/.test(p.type),
  receiverField(member) {
    const field = member.type === 'field_access' && member.childForFieldName('object')?.type === 'this' ? member.childForFieldName('field') : null;
    return !!field && !isLocal(field);
  },
  switchCase(clause) {
    // `case 'A': case 'B': …` (statements run on into the next group without `break`) or `case 1, 2 -> …`.
    if (clause.type !== 'switch_block_statement_group' && clause.type !== 'switch_rule') return null;
    const values: SyntaxNode[] = [];
    for (const label of clause.namedChildren) {
      if (label?.type !== 'switch_label') continue;
      for (const v of label.namedChildren) {
        // A pattern (`case String s`) or a guard is no constant comparison.
        if (!v || /pattern|guard/.test(v.type)) return null;
        values.push(v);
      }
      // `default:` holds no value: the group is (also) the default.
      if (label.namedChildCount === 0) return { values: [], fallsThrough: clause.type === 'switch_block_statement_group' };
    }
    return { values, fallsThrough: clause.type === 'switch_block_statement_group' };
  },
  membersOf(statement) {
    // A class's (interface's, enum's, record's) body; an enum's methods sit in a list after its constants.
    if (KINDS[statement.type] === 'class') return statement.childForFieldName('body');
    if (statement.type === 'enum_body_declarations') return statement;
    return null;
  },
  convertedParams() {
    return new Set();
  },
  shape(node) {
    return node.type;
  },
  constDeclared(value) {
    const declaration = value.parent?.type === 'variable_declarator' ? value.parent.parent : null;
    return !!declaration?.namedChildren.find((c) => c?.type === 'modifiers')?.children.some((c) => c?.type === 'final');
  },
};
