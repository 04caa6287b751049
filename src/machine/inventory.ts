import type { AnyStateNode } from 'xstate';
import { createTruceMachine, type PlanSpec } from './truceMachine.js';

export interface MachineInventory {
  /** "region.state" */
  states: string[];
  /** "region: from -> to" */
  transitions: string[];
}

/** Every state and every transition of the machine definition, delayed ones included. */
export function machineInventory(plan: PlanSpec): MachineInventory {
  const machine = createTruceMachine(plan);
  const states: string[] = [];
  const transitions = new Set<string>();
  for (const region of Object.values(machine.root.states) as AnyStateNode[]) {
    for (const node of Object.values(region.states) as AnyStateNode[]) {
      states.push(`${region.key}.${node.key}`);
      for (const list of node.transitions.values()) {
        for (const t of list) for (const target of t.target ?? []) transitions.add(`${region.key}: ${node.key} -> ${target.key}`);
      }
      for (const t of node.always ?? [])
        for (const target of t.target ?? []) transitions.add(`${region.key}: ${node.key} -> ${target.key}`);
    }
  }
  return { states: states.sort(), transitions: [...transitions].sort() };
}
