import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import './scoring.css';

/** The keyboard map, shown quietly under the score so nobody has to remember it. */
export function KeyHints({ mode }: { mode: 'sheet' | 'consensus' }) {
  const { t } = useTranslation();
  const cap = (name: 'enter' | 'pageDown' | 'pageUp' | 'esc' | 'ctrl') => t(`scoringUi.keys.cap.${name}`);
  const rows: { keys: string[]; text: string }[] = [
    { keys: ['↑', '↓'], text: t('scoringUi.keys.step') },
    { keys: ['5', '5', cap('enter')], text: t('scoringUi.keys.type') },
    { keys: [cap('pageDown'), 'J'], text: t('scoringUi.keys.next') },
    { keys: [cap('pageUp'), 'K'], text: t('scoringUi.keys.previous') },
    ...(mode === 'sheet'
      ? [
          { keys: ['S'], text: t('scoringUi.keys.addStrength') },
          { keys: ['O'], text: t('scoringUi.keys.addOpportunity') },
          { keys: [cap('esc')], text: t('scoringUi.keys.backToScore') },
          { keys: [cap('ctrl'), cap('enter')], text: t('scoringUi.keys.submit') },
        ]
      : [
          { keys: [cap('esc')], text: t('scoringUi.keys.backToScore') },
          { keys: [cap('ctrl'), cap('enter')], text: t('scoringUi.keys.record') },
        ]),
  ];
  return (
    <div className="key-hints" data-testid="key-hints">
      {rows.map((row, i) => (
        <Fragment key={i}>
          {i > 0 && ' · '}
          <span className="nowrap">
            {row.keys.map((key, j) => (
              <kbd key={j}>{key}</kbd>
            ))}{' '}
            {row.text}
          </span>
        </Fragment>
      ))}
    </div>
  );
}
