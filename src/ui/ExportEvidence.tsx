/**
 * "Export evidence", in the popup and the viewer: asks the background for
 * the evidence report of a tab (src/background/evidence.ts) and saves it
 * from this extension page through a blob link, so nothing goes over the
 * network and no downloads permission is needed. The user's highlights and
 * notes go in only if they tick the box (off by default).
 */
import { useState } from 'preact/hooks';
import { t } from '../platform/browser';
import { sendMessage } from '../platform/messaging';
import type { EvidenceExportResult } from '../messages/analysis';
import { offerDownload } from './download';

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; message: string };

function isResult(value: unknown): value is EvidenceExportResult {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return r.ok === true ? typeof r.html === 'string' && typeof r.fileName === 'string' : r.ok === false;
}

export function ExportEvidence({ tabId }: { tabId: number }) {
  const [includeHighlights, setIncludeHighlights] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const exportNow = async () => {
    setStatus({ kind: 'working' });
    // Checked all the same: a background from another version of Yuanwen may answer differently.
    const answer: unknown = await sendMessage({ type: 'yuanwen/export-evidence', tabId, includeHighlights }).catch(() => undefined);
    if (!isResult(answer)) return setStatus({ kind: 'done', message: t('evidenceFailed') });
    if (!answer.ok) return setStatus({ kind: 'done', message: t(answer.error === 'no-page' ? 'evidenceNoPage' : 'evidenceFailed') });
    offerDownload(answer.fileName, answer.html, 'text/html');
    setStatus({ kind: 'done', message: t(answer.screenshot ? 'evidenceSaved' : 'evidenceSavedNoScreenshot', answer.fileName) });
  };
  return (
    <section class="export-evidence" aria-labelledby="export-evidence-heading">
      <h2 id="export-evidence-heading">{t('evidenceHeading')}</h2>
      <p class="hint">{t('evidenceHint')}</p>
      <label class="include-highlights">
        <input type="checkbox" checked={includeHighlights} onChange={(e) => setIncludeHighlights(e.currentTarget.checked)} />
        {t('evidenceIncludeHighlights')}
      </label>
      <button type="button" class="export-evidence-button" disabled={status.kind === 'working'} onClick={() => void exportNow()}>
        {t('evidenceExport')}
      </button>
      <p class="evidence-status" role="status">
        {status.kind === 'working' ? t('evidenceWorking') : status.kind === 'done' ? status.message : ''}
      </p>
    </section>
  );
}
