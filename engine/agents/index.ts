// The agent registry: names as typed on the command line and chosen in the UI.
import type { CountryId } from '../ids.ts';
import type { Content } from '../content.ts';
import type { Agent } from './types.ts';
import { diversifier, freeTrader, hawk, protectionist, statusQuo, titForTat } from './archetypes.ts';
import { personaAgent } from './persona.ts';
import { randomAgent } from './random.ts';
import { plannerAgent } from './planner.ts';
import { scriptedAgent, ScriptSchema, SCRIPT_TURN_KEY, type Script } from './scripted.ts';
import { own, persona } from '../own.ts';
import { nearest } from '../near.ts';

export type { Agent, AgentContext } from './types.ts';
export { scriptedAgent, ScriptSchema, SCRIPT_TURN_KEY, type Script };

export const AGENT_DESCRIPTIONS: Record<string, string> = {
  'status-quo': 'keeps every policy as it stands (the yardstick for scores)',
  persona: "the country's recorded behaviour (content/personas.json)",
  'free-trader': 'drops tariffs and export controls, answers deals generously',
  protectionist: 'raises tariffs on everyone, builds domestic capacity',
  hawk: 'raises defense, bans heavy rare earths to rivals, stockpiles',
  'tit-for-tat': "mirrors each partner's tariffs and controls on it",
  diversifier: 'spends on non-Chinese supply: stakes, separation, recycling, stockpiles',
  random: 'valid but random orders (for fuzzing)',
  planner: 'tries candidate orders in 8-turn engine rollouts against the personas, discounted, and keeps the best',
};

export function agentNames(content: Content): string[] {
  return [...Object.keys(AGENT_DESCRIPTIONS), ...Object.keys(content.personas.personas).sort()];
}

/** Make an agent by name for a country. `persona` means that country's persona. Throws an Error naming the problem. */
export function makeAgent(content: Content, name: string, country: CountryId, scripts?: Record<string, Script>): Agent {
  if (typeof name !== 'string') throw new Error(`an agent name must be a string, got ${JSON.stringify(name) ?? String(name)}`);
  switch (name) {
    case 'status-quo':
      return statusQuo;
    case 'free-trader':
      return freeTrader;
    case 'protectionist':
      return protectionist;
    case 'hawk':
      return hawk;
    case 'tit-for-tat':
      return titForTat;
    case 'diversifier':
      return diversifier;
    case 'random':
      return randomAgent;
    case 'planner':
      return plannerAgent();
  }
  if (name === 'persona') {
    const hit = Object.entries(content.personas.personas).find(([, p]) => p.country === country);
    if (!hit) throw new Error(`no persona for ${country} in content/personas.json`);
    return personaAgent(hit[0], hit[1]);
  }
  const p = persona(content, name);
  if (p) {
    if (p.country !== country) throw new Error(`persona ${name} is for ${p.country}, not ${country}`);
    return personaAgent(name, p);
  }
  if (name.startsWith('scripted:')) {
    const s = own(scripts, name.slice('scripted:'.length));
    if (!s) throw new Error(`script ${name.slice('scripted:'.length)} was not loaded`);
    return scriptedAgent(name, s);
  }
  // (an analyst's "diversifer" got a list of twenty names; "hub", as the thesis experiment names the strategy, got
  // no hint of jpn-hub)
  const near = nearest(name, agentNames(content)) ?? oneOf(agentNames(content).filter((n) => n.toLowerCase().endsWith(`-${name.toLowerCase()}`)));
  throw new Error(`unknown agent ${JSON.stringify(name)}${near ? ` (did you mean ${near}?)` : ''} (known: ${agentNames(content).join(', ')}, scripted:PATH.json)`);
}

const oneOf = (xs: readonly string[]): string | undefined => (xs.length === 1 ? xs[0] : undefined);
