import { formatDate } from '@/lib/format';
import { VALUE_SCORE_PRESETS } from '@/lib/valuation/value-score';
import type { WorkspaceWeights } from './weights-store';

/** "Workspace weights: Growth, saved by Max Marketer on 3 Nov 2026", or "Default weights: Balanced." */
export function weightsNote(weights: WorkspaceWeights): string {
  const label = weights.preset === 'custom' ? 'custom' : VALUE_SCORE_PRESETS[weights.preset].label;
  if (!weights.setBy) return `Default weights: ${label}.`;
  return `Workspace weights: ${label}, saved by ${weights.setBy.name ?? 'a former member'} on ${formatDate(weights.setBy.at)}.`;
}
