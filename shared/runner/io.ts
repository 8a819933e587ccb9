import * as runner from './workflow-commands.js';
import {type StepLog} from '../model/log.js';
import {type ReportTable, type Reporter, tableHtml} from '../model/report.js';
import {defuseCommands} from '../model/outside-text.js';
import {InputReader} from '../inputs/reader.js';
import {type RunnerContext} from '../model/runner-context.js';
import {readRunnerContext} from './context.js';

/**
 * Everything a command (build, upload, promote, mirror) needs from the face that runs it: the
 * GitHub Action passes the runner's inputs, context and summary; the CLI its flags and terminal.
 */
export interface CommandIO {
  readonly reader: InputReader;
  readonly ctx: RunnerContext;
  readonly log: StepLog;
  readonly report: Reporter;
  /** Mask a secret in every later log line. */
  readonly mask: (secret: string) => void;
  /** Debug lines (registry client chatter). */
  readonly debug: (message: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

/** The runner's face: `INPUT_*`, `GITHUB_*`, `::` commands, `GITHUB_OUTPUT` and the job summary. */
export function actionIO(): CommandIO {
  return {
    reader: new InputReader(
      runner.actionInputSource,
      message => runner.warning(message),
      secret => runner.setSecret(secret)
    ),
    ctx: readRunnerContext(),
    log: actionLog,
    report: {
      output: (name, value) => runner.setOutput(name, value),
      table: async table => {
        // Run outside a runner (no summary file), the table is simply skipped.
        if (process.env.GITHUB_STEP_SUMMARY) await writeSummaryTable(table);
      }
    },
    mask: secret => runner.setSecret(secret),
    debug: message => runner.debug(message),
    env: process.env
  };
}

/**
 * StepLog on the runner: groups are `::group::`, warnings become annotations (both escaped as
 * workflow commands). Plain lines are printed as they are, so any line in them that the runner would
 * read as a workflow command (build output relayed whole, text a registry sent) is defused.
 */
export const actionLog: StepLog = {
  info: message => runner.info(defuseCommands(message)),
  warning: message => runner.warning(message),
  group: (title, fn) => runner.group(title, fn)
};

/** Append a report table to the job summary (`GITHUB_STEP_SUMMARY`). */
async function writeSummaryTable(table: ReportTable): Promise<void> {
  runner.appendSummary(tableHtml(table));
}
