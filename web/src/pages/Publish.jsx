// Publish (role seller): pick a file, describe and price it, upload it with tus (resumable, with a
// progress bar, pause and resume), then follow the publication's stages.
import { useRef, useState } from 'react';
import * as tus from 'tus-js-client';
import { bytes } from '../format.js';
import { uploadMetadata } from '../publishForm.js';
import { ErrorText } from '../ErrorText.jsx';

const CHUNK = 1024 * 1024;
const LICENSES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'ODbL-1.0', 'MIT', 'Apache-2.0', 'LicenseRef-Proprietary'];

const EMPTY = { title: '', description: '', tags: '', license: 'CC-BY-4.0', commercialUse: true, aiTraining: false,
  redistribution: false, buyPrice: '', rentPrice: '', rentPeriod: '30d' };

export function Publish({ api, signedIn, roles, me }) {
  const [form, setForm] = useState(EMPTY);
  const [file, setFile] = useState(null);
  const [progress, setProgress] = useState(null); // { sent, total }
  const [status, setStatus] = useState('idle'); // idle | uploading | paused | done
  const [error, setError] = useState(null);
  const upload = useRef(null);

  if (!signedIn) return <p className="summary">Log in as a seller to publish a dataset.</p>;
  if (me && !roles.includes('seller')) return <p className="error" role="alert">NOT_A_SELLER: publishing needs the seller role.</p>;

  const set = (k) => (e) => setForm({ ...form, [k]: e.target.type === 'checkbox' ? e.target.checked : e.target.value });

  async function submit(ev) {
    ev.preventDefault();
    setError(null);
    if (!file) { setError({ code: 'INVALID_ARGUMENT', message: 'choose a file to publish' }); return; }
    let metadata;
    try { metadata = uploadMetadata(file, form); } catch (e) { setError({ code: 'INVALID_ARGUMENT', message: e.message }); return; }
    const u = new tus.Upload(file, {
      endpoint: '/api/v1/uploads',
      chunkSize: CHUNK,
      retryDelays: [0, 1000, 3000, 5000],
      metadata,
      removeFingerprintOnSuccess: true,
      onBeforeRequest(req) { if (api.auth.token) req.setHeader('Authorization', 'Bearer ' + api.auth.token); },
      onProgress(sent, total) { setProgress({ sent, total }); },
      onError(e) {
        setStatus('idle');
        let code = 'UPLOAD_FAILED'; let message = e.message;
        try { const b = JSON.parse(e.originalResponse?.getBody() || ''); code = b.code || code; message = b.message || message; } catch { /* not JSON */ }
        setError({ code, message });
      },
      onSuccess() {
        setStatus('done');
        location.hash = '#/publications/' + u.url.split('/').pop();
      },
    });
    upload.current = u;
    const previous = await u.findPreviousUploads();
    if (previous.length) u.resumeFromPreviousUpload(previous[0]);
    setProgress({ sent: 0, total: file.size });
    setStatus('uploading');
    u.start();
  }

  const pct = progress && progress.total ? Math.floor((progress.sent / progress.total) * 100) : 0;
  const busy = status === 'uploading' || status === 'paused';
  return (
    <section className="detail" aria-labelledby="publish-heading">
      <h1 id="publish-heading">Publish a dataset</h1>
      <form className="form" onSubmit={submit} aria-label="Publish a dataset">
        <label>Dataset file <input type="file" name="file" required disabled={busy}
          onChange={(e) => setFile(e.target.files[0] || null)} /></label>
        {file && <p className="summary">{file.name} · {bytes(file.size)}</p>}
        <label>Title <input type="text" name="title" required maxLength={200} value={form.title} onChange={set('title')} disabled={busy} /></label>
        <label>Description <textarea name="description" rows={4} value={form.description} onChange={set('description')} disabled={busy} /></label>
        <label>Tags (comma-separated) <input type="text" name="tags" value={form.tags} onChange={set('tags')} disabled={busy} /></label>
        <label>Licence (SPDX id) <input type="text" name="license" list="licenses" value={form.license} onChange={set('license')} disabled={busy} /></label>
        <datalist id="licenses">{LICENSES.map((l) => <option key={l} value={l} />)}</datalist>
        <fieldset disabled={busy}>
          <legend>Licence terms</legend>
          <label><input type="checkbox" checked={form.commercialUse} onChange={set('commercialUse')} /> Commercial use</label>
          <label><input type="checkbox" checked={form.aiTraining} onChange={set('aiTraining')} /> AI training</label>
          <label><input type="checkbox" checked={form.redistribution} onChange={set('redistribution')} /> Redistribution</label>
        </fieldset>
        <fieldset disabled={busy}>
          <legend>Prices (WAL; leave both empty for a free dataset)</legend>
          <label>Buy price <input type="text" inputMode="decimal" name="buyPrice" value={form.buyPrice} onChange={set('buyPrice')} /></label>
          <label>Rent price per period <input type="text" inputMode="decimal" name="rentPrice" value={form.rentPrice} onChange={set('rentPrice')} /></label>
          <label>Rent period <input type="text" name="rentPeriod" value={form.rentPeriod} onChange={set('rentPeriod')} /></label>
        </fieldset>
        <div className="row">
          <button type="submit" disabled={busy}>Upload and publish</button>
          {status === 'uploading' && <button type="button" className="secondary" onClick={() => { upload.current.abort(); setStatus('paused'); }}>Pause upload</button>}
          {status === 'paused' && <button type="button" className="secondary" onClick={() => { upload.current.start(); setStatus('uploading'); }}>Resume upload</button>}
        </div>
      </form>
      {progress && (
        <div className="progress">
          <progress id="upload-progress" aria-label="Upload progress" max={100} value={pct} />
          <span id="upload-progress-text">{pct}% · {bytes(progress.sent)} of {bytes(progress.total)}{status === 'paused' ? ' (paused)' : ''}</span>
        </div>
      )}
      <ErrorText error={error} />
    </section>
  );
}
