import { useState, type Ref } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../../../../shared/domain/scoring';
import { percentKey, type PercentCommand } from './percent-keys';
import './scoring.css';

interface Props {
  value: number | null;
  /** The framework's steps, ascending. */
  choices: readonly number[];
  points: number;
  onChange(value: number | null): void;
  onNavigate?(direction: 1 | -1): void;
  onCommand?(command: PercentCommand): void;
  anchor?: number | null;
  readOnly?: boolean;
  label: string;
  testId: string;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The score itself, driven entirely from the keyboard: arrows step through the framework's percents,
 * digits then Enter type one, PageDown/PageUp (J/K, Ctrl+←/→) leave for the next or previous item.
 * A bar of the steps below takes the mouse too.
 */
export function PercentControl({ value, choices, points, onChange, onNavigate, onCommand, anchor, readOnly, label, testId, ref }: Props) {
  const { t } = useTranslation();
  const [buffer, setBuffer] = useState('');
  const [invalid, setInvalid] = useState<number | null>(null);
  const min = choices[0] ?? 0;
  const max = choices[choices.length - 1] ?? 100;
  const stepSize = choices.length > 1 ? choices[1]! - choices[0]! : 5;

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const outcome = percentKey(event, { value, buffer, choices, anchor });
    if (outcome.kind === 'none') return;
    event.preventDefault();
    event.stopPropagation();
    switch (outcome.kind) {
      case 'navigate':
        setBuffer('');
        setInvalid(null);
        onNavigate?.(outcome.direction);
        return;
      case 'command':
        onCommand?.(outcome.command);
        return;
      case 'buffer':
        if (readOnly) return;
        setBuffer(outcome.buffer);
        setInvalid(null);
        return;
      case 'invalid':
        setBuffer('');
        setInvalid(outcome.typed);
        return;
      case 'set':
        setBuffer('');
        setInvalid(null);
        if (!readOnly && outcome.value !== value) onChange(outcome.value);
    }
  };

  const shown = buffer !== '' ? buffer : value === null ? '—' : String(value);
  return (
    <div className="percent-control-wrap">
      <div
        ref={ref}
        role="spinbutton"
        tabIndex={0}
        className={`percent-control${readOnly ? ' is-readonly' : ''}${buffer !== '' ? ' is-typing' : ''}`}
        aria-label={label}
        aria-readonly={readOnly || undefined}
        aria-valuemin={min}
        aria-valuemax={max}
        aria-valuenow={value ?? undefined}
        aria-valuetext={value === null ? t('scoringUi.percent.none') : `${value}%`}
        aria-keyshortcuts="ArrowUp ArrowDown PageDown PageUp J K Control+ArrowRight Control+ArrowLeft Enter"
        data-testid={testId}
        data-value={value ?? ''}
        onKeyDown={onKeyDown}
        onBlur={() => setBuffer('')}
      >
        <span className="percent-number">{shown}</span>
        <span className="percent-sign">%</span>
        {buffer !== '' && <span className="percent-caret" aria-hidden />}
        <span className="percent-points">
          {value === null
            ? t('scoringUi.percent.outOf', { points })
            : t('scoringUi.percent.points', { score: formatPoints(points * value), points })}
        </span>
      </div>
      <div className="percent-steps" aria-hidden>
        {choices.map((choice) => (
          <span
            key={choice}
            className={`percent-step${value !== null && choice <= value ? ' is-filled' : ''}${choice === value ? ' is-current' : ''}`}
            title={`${choice}%`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => !readOnly && onChange(choice)}
          />
        ))}
      </div>
      <div className="percent-help" role="status" aria-live="polite">
        {invalid !== null ? (
          <Typography.Text type="danger" data-testid={`${testId}-invalid`}>
            {t('scoringUi.percent.invalid', { typed: invalid, min, max, step: stepSize })}
          </Typography.Text>
        ) : buffer !== '' ? (
          <Typography.Text type="secondary">{t('scoringUi.percent.typing')}</Typography.Text>
        ) : null}
      </div>
    </div>
  );
}
