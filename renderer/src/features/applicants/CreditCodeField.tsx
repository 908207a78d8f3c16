import { Form, Input, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { creditCodeFailureMessage, decodeCreditCode, validateCreditCode } from '../../../../shared/domain/credit-code';
import { translateMessage } from '../../errors';

/** Checked on every keystroke with the domain's GB 32100 checksum; the message says exactly what is wrong. */
export function CreditCodeField() {
  const { t } = useTranslation();
  const code = Form.useWatch('creditCode') as string | undefined;
  const decoded = code ? decodeCreditCode(code) : null;

  const rule: Rule = {
    validator: async (_rule, value: unknown) => {
      const text = typeof value === 'string' ? value : '';
      if (text.trim() === '') throw new Error(t('applicants.creditCode.required'));
      const result = validateCreditCode(text);
      if (!result.ok) throw new Error(translateMessage(t, creditCodeFailureMessage(result)));
    },
  };

  const extra = decoded ? (
    <Typography.Text type="secondary" data-testid="credit-code-decoded">
      {t('ui.applicant.creditCodeDecoded', {
        authority: translateMessage(t, decoded.authority.label),
        type: translateMessage(t, decoded.organisationType.label),
        area: decoded.areaCode,
      })}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">{t('ui.applicant.creditCodeHelp')}</Typography.Text>
  );

  return (
    <Form.Item name="creditCode" label={t('ui.applicant.creditCode')} required rules={[rule]} validateTrigger={['onChange', 'onBlur']} hasFeedback extra={extra}>
      <Input maxLength={24} className="mono" placeholder="91350100M000100Y43" data-testid="credit-code" autoComplete="off" spellCheck={false} />
    </Form.Item>
  );
}
