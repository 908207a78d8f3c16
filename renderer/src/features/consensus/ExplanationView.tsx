import type { ExplanationData } from '../../../../shared/api/scoring-sessions';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../../errors';

/** The engine's derivation of a total, sentence by sentence; sub-derivations fold open on demand. */
export function ExplanationView({ explanation, depth = 0 }: { explanation: ExplanationData; depth?: number }) {
  const { t } = useTranslation();
  const sentence = translateMessage(t, { key: explanation.key, params: explanation.params });
  if (explanation.parts.length === 0) return <div className="small-text">{sentence}</div>;
  return (
    <details open={depth === 0} className="small-text" style={{ marginInlineStart: depth === 0 ? 0 : 12 }}>
      <summary style={{ cursor: 'pointer' }}>{sentence}</summary>
      <div style={{ marginInlineStart: 14, marginTop: 4 }}>
        {explanation.parts.map((part, index) => (
          <ExplanationView key={index} explanation={part} depth={depth + 1} />
        ))}
      </div>
    </details>
  );
}
