/**
 * The status bar item: Ward's state and its problem counts, which are the Problems panel's
 * (what the server has published: open files, plus the rest after a workspace scan).
 */
import * as vscode from 'vscode';
import { describeCounts } from '../../server/src/problemCounts';
import type { StatusParams } from '../../server/src/protocol';
import { COMMAND_SHOW_OUTPUT } from '../../server/src/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ward.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Ward';
    this.item.command = COMMAND_SHOW_OUTPUT;
    this.starting();
    this.item.show();
  }

  starting(): void {
    this.item.text = '$(sync~spin) Ward';
    this.item.tooltip = 'Ward is starting';
    this.item.backgroundColor = undefined;
  }

  stopped(reason: string): void {
    this.item.text = '$(error) Ward';
    this.item.tooltip = `Ward stopped: ${reason}. Run "Ward: Restart Server".`;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  update(s: StatusParams): void {
    if (s.state === 'disabled') {
      this.item.text = '$(shield) Ward: off';
      this.item.tooltip = 'Ward is disabled (ward.enable)';
      return;
    }
    const parts = ['$(shield) Ward'];
    if (s.errors > 0) parts.push(`$(error) ${s.errors}`);
    if (s.warnings > 0) parts.push(`$(warning) ${s.warnings}`);
    if (s.infos > 0) parts.push(`$(info) ${s.infos}`);
    this.item.text = parts.join('  ');
    const scope = s.workspaceScan ? 'open files and the workspace scan' : 'open files';
    const lines = [`Ward: ${s.rules} rules`, `In Problems: ${describeCounts(s)} (${scope})`];
    if (s.advisories) lines.push(s.advisories);
    if (s.problems.length > 0) lines.push('', 'Needs attention:', ...s.problems);
    this.item.tooltip = lines.join('\n');
    this.item.backgroundColor = s.problems.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
