import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_AWARDED, type TierOutcomeView } from '../../../../shared/api/results';
import { useLanguage } from '../../hooks/useLanguage';

/** A tier id (or 'notAwarded', or null for none) in the interface language, from the cycle's own tier names. */
export function useTierLabel(tiers: readonly TierOutcomeView[] | undefined): (tierId: string | null) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return useCallback(
    (tierId: string | null) => {
      if (tierId === null) return t('results.ui.noTier');
      if (tierId === NOT_AWARDED) return t('results.outcome.notAwarded');
      const tier = tiers?.find((candidate) => candidate.tierId === tierId);
      if (!tier) return tierId;
      return tier.name.kind === 'key' ? t(tier.name.key) : tier.name[language];
    },
    [t, language, tiers],
  );
}

/** Tag colours by position: the first (best) tier gold, then silver and bronze-like hues. */
const TIER_COLOURS = ['gold', 'geekblue', 'cyan', 'purple', 'lime'] as const;

export function tierColour(tiers: readonly TierOutcomeView[] | undefined, tierId: string | null): string | undefined {
  if (tierId === null || tierId === NOT_AWARDED) return undefined;
  const index = tiers?.findIndex((tier) => tier.tierId === tierId) ?? -1;
  return index < 0 ? undefined : TIER_COLOURS[index % TIER_COLOURS.length];
}
