import { loadavg } from 'node:os';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * After a run, the slowest test files: where to look first when the suite gets slow. With the load
 * average of the machine at the start and the end, since on a shared machine a time means little without it.
 */
export default class SlowestFiles implements Reporter {
  private loadAtStart = 0;

  onTestRunStart(): void {
    this.loadAtStart = loadavg()[0]!;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (modules.length < 2) return;
    const rows = modules
      .map((m) => {
        const d = m.diagnostic();
        // importing the file and what it runs at collection time count too, not only its tests
        return {
          file: m.relativeModuleId,
          ms: d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration,
        };
      })
      .sort((a, b) => b.ms - a.ms);
    const total = rows.reduce((s, r) => s + r.ms, 0);
    const lines = rows.slice(0, 8).map((r) => `  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.file}`);
    const load = `load average ${this.loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`;
    process.stdout.write(
      `\nslowest test files (of ${rows.length}, ${(total / 1000).toFixed(1)} s in all, run side by side; ${load}):\n${lines.join('\n')}\n`,
    );
  }
}
