// Uploads a file to marketplace-api's tus endpoint with the official tus-js-client (Node) and prints
// one JSON object on stdout: {url, patchOffsets, abortedAt, headOffsetAfterAbort, completed}.
//
//   node tus-upload.mjs ENDPOINT TOKEN FILE CHUNK_SIZE [--abort-after BYTES] [--stop-after BYTES]
//                       [--upload-url URL]
//
// --abort-after: abort the upload once that many bytes were sent (mid-chunk), ask the server for its
//   offset with HEAD, then start the same Upload object again: it must resume where the server is.
// --stop-after: abort once that many bytes were sent and exit without finishing (a client that goes
//   away; a later run resumes with --upload-url).
// --upload-url: resume an upload created earlier (another process), instead of creating one.
// --retry-delays: comma-separated milliseconds between retries (default 0,250,500,1000,2000); long
//   ones let the client outlast a restart of the server.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as tus from 'tus-js-client';

const [endpoint, token, file, chunkArg, ...rest] = process.argv.slice(2);
const opt = (name) => {
  const i = rest.indexOf(name);
  return i < 0 ? null : rest[i + 1];
};
const abortAfter = opt('--abort-after') == null ? null : Number(opt('--abort-after'));
const stopAfter = opt('--stop-after') == null ? null : Number(opt('--stop-after'));
const uploadUrl = opt('--upload-url');
const retryDelays = (opt('--retry-delays') ?? '0,250,500,1000,2000').split(',').map(Number);
const data = readFileSync(file);
const result = { url: uploadUrl, patchOffsets: [], abortedAt: null, headOffsetAfterAbort: null, completed: false };

const headOffset = async (url) => {
  const r = await fetch(new URL(url, endpoint), {
    method: 'HEAD',
    headers: { 'Tus-Resumable': '1.0.0', Authorization: `Bearer ${token}` },
  });
  if (r.status !== 200) throw new Error(`HEAD ${url}: ${r.status}`);
  return Number(r.headers.get('Upload-Offset'));
};

await new Promise((resolve, reject) => {
  let aborting = false;
  const upload = new tus.Upload(data, {
    endpoint,
    uploadUrl,
    chunkSize: Number(chunkArg),
    retryDelays,
    headers: { Authorization: `Bearer ${token}` },
    metadata: { filename: basename(file), filetype: 'application/octet-stream' },
    onBeforeRequest(req) {
      if (req.getMethod() === 'PATCH') result.patchOffsets.push(Number(req.getHeader('Upload-Offset')));
    },
    onProgress(sent) {
      const limit = abortAfter ?? stopAfter;
      if (limit == null || aborting || result.abortedAt != null || sent < limit) return;
      aborting = true;
      result.abortedAt = sent;
      result.url = upload.url;
      upload.abort().then(async () => {
        // the server may still be writing what arrived before the drop; its HEAD settles at once
        await new Promise((r) => setTimeout(r, 300));
        result.headOffsetAfterAbort = await headOffset(upload.url);
        if (stopAfter != null) {
          resolve();
          return;
        }
        aborting = false;
        upload.start();
      }, reject);
    },
    onSuccess() {
      result.url = upload.url;
      result.completed = true;
      resolve();
    },
    onError: reject,
  });
  upload.start();
});
console.log(JSON.stringify(result));
