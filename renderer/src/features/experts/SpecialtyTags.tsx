import { Space, Tag, Tooltip } from 'antd';
import { sectionName } from '../../../../shared/domain/industries';
import { useLanguage } from '../../hooks/useLanguage';

/** GB/T 4754 section letters, each named on hover. */
export function SpecialtyTags({ codes }: { codes: readonly string[] }) {
  const language = useLanguage();
  return (
    <Space size={2} wrap>
      {codes.map((code) => (
        <Tooltip key={code} title={sectionName(code, language)}>
          <Tag className="mono">{code}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
