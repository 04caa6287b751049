import { loadForOutput } from '../loadForOutput.js';
import { runScenario } from '../../run/runScenario.js';
import { explainEvent } from '../../run/explainEvent.js';
import { RuleEvaluator } from '../../rules/ruleEngine.js';
import { explainJson } from '../../report/explainJson.js';
import { explainText } from '../../report/explainText.js';
import { provenanceOf } from '../../provenance.js';
import { labelNotes } from '../../report/wording.js';
import { UsageError } from '../../problem.js';
import { EXIT } from '../exitCodes.js';
import { emit } from '../output.js';
import { loadOptions } from '../loadOptions.js';
import { checkInterpretation } from './run.js';
import type { Globals } from '../main.js';
import { withKeptStatechart } from '../statechartMemo.js';

export interface ExplainFlags {
  event: string;
  interpretation?: string;
  format: 'text' | 'json';
}

/** `truce explain <scenario> --event ID`: for one event, every reading and every rule, fired or not and why. */
export async function explainCommand(scenarioPath: string, flags: ExplainFlags, g: Globals): Promise<number> {
  const loaded = await loadForOutput(scenarioPath, loadOptions(g), undefined, g.cache);
  const ids = loaded.events.map((e) => e.id);
  if (!ids.includes(flags.event)) {
    throw new UsageError(`no event "${flags.event}" in ${loaded.file}; choose one of ${[...ids].sort().join(', ')}`);
  }
  checkInterpretation(
    loaded.scenario.interpretations.map((i) => i.id),
    flags.interpretation,
    loaded.file,
  );
  // the finished run: its first violations are the state the explanation evaluates the rules in
  // one evaluator for the run and the explanation: compiling the rules twice cost a cold start about 10 ms
  const evaluator = new RuleEvaluator(loaded.rules, loaded.conditions);
  const one = flags.interpretation !== undefined ? { interpretation: flags.interpretation } : {};
  const report = await withKeptStatechart((statechart) => runScenario(loaded, { ...one, evaluator, statechart }));
  const x = await explainEvent(loaded, report, flags.event, { ...one, evaluator });
  const provenance = provenanceOf(loaded);
  const notes = labelNotes(loaded);
  emit(flags.format === 'json' ? JSON.stringify(explainJson(x, provenance, notes), null, 2) + '\n' : explainText(x, provenance, notes));
  return EXIT.ok;
}
