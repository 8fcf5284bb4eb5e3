/** The status bar item: Ward's state, the finding counts of open files and, after a workspace scan, of the rest. */
import * as vscode from 'vscode';
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
    if (s.infos > 0 && s.errors + s.warnings === 0) parts.push(`$(info) ${s.infos}`);
    this.item.text = parts.join('  ');
    const lines = [`Ward: ${s.rules} rules`, `Open files: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos`];
    if (s.workspace) {
      const w = s.workspace;
      lines.push(`Workspace scan: ${w.findings} findings in ${w.files} other files (${w.errors} errors, ${w.warnings} warnings, ${w.infos} infos)`);
    }
    if (s.problems.length > 0) lines.push('', 'Problems:', ...s.problems);
    this.item.tooltip = lines.join('\n');
    this.item.backgroundColor = s.problems.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
