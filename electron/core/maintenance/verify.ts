import type { Message } from '../../../shared/api/errors';
import { openConnection, readHeader } from '../db/connection';
import { verifyAuditChain } from '../db/audit';

export interface VerifyReport {
  ok: boolean;
  lines: { ok: boolean; message: Message; reason?: Message }[];
}

/** Read-only: checks the file as it is, without migrating or writing anything. */
export function verifyWorkspace(file: string, nativeBinding?: string): VerifyReport {
  readHeader(file, { nativeBinding });
  const db = openConnection(file, { readonly: true, nativeBinding });
  try {
    const lines: VerifyReport['lines'] = [];
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    const integrityOk = integrity.length === 1 && integrity[0] === 'ok';
    lines.push(
      integrityOk
        ? { ok: true, message: { key: 'cli.verify.integrityOk' } }
        : { ok: false, message: { key: 'cli.verify.integrityFailed', params: { detail: integrity.slice(0, 5).join('; ') } } },
    );
    const audit = verifyAuditChain(db);
    lines.push(
      audit.ok
        ? { ok: true, message: { key: 'cli.verify.auditOk', params: { count: audit.count } } }
        : { ok: false, message: { key: 'cli.verify.auditFailed', params: { seq: audit.seq } }, reason: { key: `cli.verify.auditReason.${audit.reason}` } },
    );
    return { ok: lines.every((line) => line.ok), lines };
  } finally {
    db.close();
  }
}
