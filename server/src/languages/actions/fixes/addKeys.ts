/** Fixes that add a setting: `permissions: contents: read` at the top, `persist-credentials: false` on a checkout. */
import type { DocFix } from '../../documentPack';
import { get, rangeOf } from '../../yaml/document';
import { addPair, indentStep } from '../../yaml/edits';
import type { Step, Workflow } from '../workflow';

/** `permissions:` with `contents: read` before `jobs:` (the least a workflow that checks out code needs). */
export function addReadPermissionsFix(workflow: Workflow): DocFix[] {
  const jobs = workflow.root.pairs.find((p) => p.key === 'jobs');
  if (!jobs || workflow.root.flow) return [];
  const file = workflow.file;
  const lineStart = file.lineStarts[jobs.keyNode.startPosition.row]!;
  const indent = ' '.repeat(jobs.keyNode.startPosition.column);
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  const text = `${indent}permissions:${eol}${indent}${' '.repeat(indentStep(file))}contents: read${eol}${eol}`;
  return [{ title: 'Add `permissions: contents: read` (then grant each job what it needs)', edits: [{ range: rangeOf(file, lineStart, lineStart), newText: text }], preferred: true }];
}

/** `persist-credentials: false` in the checkout step's `with:` (added when it has none). */
export function persistCredentialsFix(workflow: Workflow, step: Step): DocFix[] {
  const file = workflow.file;
  const current = step.with?.pairs.find((p) => p.key === 'persist-credentials');
  if (current?.value) return [{ title: 'Set `persist-credentials: false`', edits: [{ range: rangeOf(file, current.value.node.startIndex, current.value.node.endIndex), newText: 'false' }], preferred: true }];
  if (step.with) return [{ title: 'Add `persist-credentials: false`', edits: [addPair(file, step.with, 'persist-credentials', 'false')], preferred: true }];
  if (get(step.map, 'with') !== undefined) return [];
  return [{ title: 'Add `persist-credentials: false`', edits: [addPair(file, step.map, 'with', [['persist-credentials', 'false']])], preferred: true }];
}
