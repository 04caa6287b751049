#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { EXIT, reportError } from './exitCodes.js';
import { VERSION } from '../version.js';

/**
 * The CLI: parses arguments, loads each command lazily (a command pays only for what it uses), prints,
 * and maps every error to an exit code in one place (reportError).
 */
const program = new Command();
program
  .name('truce')
  .description('Judge whether a truce was kept, under each reading of its terms, and what the enforcement plan demands.')
  .version(VERSION)
  .option('--debug', 'print stack traces of internal errors')
  .option('--articles <dir>', 'folder of the source articles (default ../shared/seeds, or $TRUCE_ARTICLES)')
  .showHelpAfterError()
  .exitOverride();

program
  .command('validate')
  .description('check scenario, seed and rule files against the formats and against each other')
  .argument('<files...>', 'files or folders')
  .action(async (files: string[]) => {
    const { validateCommand } = await import('./commands/validate.js');
    process.exitCode = validateCommand(files, globals());
  });

program
  .command('run')
  .description('evaluate every event under each reading and simulate the enforcement plan')
  .argument('<scenario>', 'scenario file')
  .option('-i, --interpretation <id>', 'only this reading')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
  .action(async (scenario: string, opts: { interpretation?: string; format: 'text' | 'json' }) => {
    const { runCommand } = await import('./commands/run.js');
    process.exitCode = await runCommand(scenario, opts, globals());
  });

function globals(): { debug: boolean; articles?: string } {
  return program.opts<{ debug?: boolean; articles?: string }>() as { debug: boolean; articles?: string };
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // commander has already printed its message (help, version or a usage error)
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
  } else {
    const { code, message } = reportError(err, process.argv.includes('--debug'));
    process.stderr.write(message + '\n');
    process.exitCode = code;
  }
}
