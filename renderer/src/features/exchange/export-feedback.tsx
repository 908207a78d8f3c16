import type { App } from 'antd';
import type { TFunction } from 'i18next';
import type { AppErrorPayload } from '../../../../shared/api/errors';
import type { Download } from '../../../../shared/api/exchange';
import { translateError, translateMessage } from '../../errors';
import { saveDownload } from './file-transfer';

type AppApi = ReturnType<typeof App.useApp>;

/** After an export: offer the file (save dialog or download) and say what was written. */
export async function deliver(app: AppApi, t: TFunction, download: Download): Promise<void> {
  const saved = await saveDownload(download);
  if (saved) void app.message.success(t('exchange.ui.export.done', { file: download.fileName, sequence: download.sequence }));
}

/** A refused export, with the core's list of what is missing when there is one. */
export function showExportRefusal(app: AppApi, t: TFunction, error: AppErrorPayload): void {
  app.modal.error({
    title: t('exchange.ui.export.refusedTitle'),
    width: 640,
    content: (
      <div data-testid="exchange-export-refused" data-key={error.key}>
        <p>{translateError(t, error)}</p>
        {error.fields && error.fields.length > 0 && (
          <ul className="plain-list problem-list" data-testid="exchange-problems">
            {error.fields.map((field, index) => (
              <li key={index}>{translateMessage(t, field)}</li>
            ))}
          </ul>
        )}
      </div>
    ),
  });
}
