import { Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCertificateNumber } from '../../../../shared/domain/cycle-settings';
import { NullableNumber } from '../../components/NullableNumber';
import { SealField } from './SealField';

function preview(pattern: string | undefined, year: number): string | null {
  try {
    return pattern ? formatCertificateNumber(pattern, { year, seq: 7 }) : null;
  } catch {
    return null;
  }
}

/** The self-assessment cap and what the certificates will say, and the seal they carry. */
export function CertificateSection({ year, cycleId, locked }: { year: number; cycleId: string; locked: boolean }) {
  const { t } = useTranslation();
  const pattern = Form.useWatch(['certificate', 'numberPattern']) as string | undefined;
  const example = preview(pattern, year);
  return (
    <Card title={t('ui.settings.applicationAndCertificate')}>
      <Form.Item label={t('ui.settings.selfAssessmentLimit')} name="selfAssessmentLimit" htmlFor="self-assessment-limit" extra={t('ui.settings.selfAssessmentLimitHelp')}>
        <NullableNumber id="self-assessment-limit" defaultValue={30000} min={1000} max={1_000_000} step={1000} suffix={t('ui.units.characters')} aria-label={t('ui.settings.selfAssessmentLimit')} data-testid="self-assessment-limit" />
      </Form.Item>
      <Form.Item label={t('ui.settings.issuingAuthority')} name={['certificate', 'issuingAuthority']}>
        <Input maxLength={100} placeholder={t('ui.settings.issuingAuthorityPlaceholder')} style={{ maxWidth: 420 }} />
      </Form.Item>
      <Form.Item label={t('ui.settings.awardName')} name={['certificate', 'awardName']}>
        <Input maxLength={100} placeholder={t('ui.settings.awardNamePlaceholder')} style={{ maxWidth: 420 }} />
      </Form.Item>
      <Form.Item
        label={t('ui.settings.numberPattern')}
        name={['certificate', 'numberPattern']}
        extra={
          <span>
            {t('ui.settings.numberPatternHelp')}
            {example && (
              <>
                {' '}
                {t('ui.settings.numberExample')} <Typography.Text code>{example}</Typography.Text>
              </>
            )}
          </span>
        }
      >
        <Input maxLength={64} style={{ maxWidth: 260 }} data-testid="number-pattern" />
      </Form.Item>
      <SealField cycleId={cycleId} locked={locked} />
    </Card>
  );
}
