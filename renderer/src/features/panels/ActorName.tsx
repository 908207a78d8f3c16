import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Audit actors as people read them: `office`, or `expert:<id>` named from the given list. */
export function actorLabel(t: TFunction, actor: string, experts?: readonly { expertId: string; name: string }[]): string {
  if (actor.startsWith('expert:')) {
    const id = actor.slice('expert:'.length);
    return experts?.find((e) => e.expertId === id)?.name ?? t('scoringUi.actor.expert');
  }
  if (actor === 'office') return t('scoringUi.actor.office');
  return actor;
}

export function ActorName({ actor, experts }: { actor: string; experts?: readonly { expertId: string; name: string }[] }) {
  const { t } = useTranslation();
  return <>{actorLabel(t, actor, experts)}</>;
}
