import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../shared/api/client';

/**
 * Whole-interview recording with MediaRecorder (Opus). Each slice is sent to
 * the core as base64 as soon as it exists, so a crash loses seconds, not the
 * interview; the core keeps the slices in memory and encrypts them on stop,
 * before anything reaches the disk.
 */

export type RecorderState = 'idle' | 'recording' | 'paused' | 'saving' | 'saved' | 'error';

/** Opus in WebM is what Chromium records; Opus in Ogg is Firefox's. */
const MIME_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm'];
const SLICE_MS = 5000;
/** Raw bytes per API call: 900 KB is 1.2 MB of base64, under the method's limit. */
const CHUNK_BYTES = 900 * 1024;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export interface Recorder {
  state: RecorderState;
  seconds: number;
  error: string | undefined;
  start(): Promise<void>;
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
  /** After a failed save (full disk): the core still holds the audio. */
  retrySave(): Promise<void>;
  canRetry: boolean;
}

export function useRecorder(api: ApiClient, interviewId: string | undefined, deviceErrorText: (reason: string) => string): Recorder {
  const [state, setState] = useState<RecorderState>('idle');
  const [seconds, setSeconds] = useState(0);
  const [error, setError] = useState<string>();
  const [canRetry, setCanRetry] = useState(false);
  const recorder = useRef<MediaRecorder | null>(null);
  /** Chunks get their index when cut, and leave `pending` only once the core has them, so a retry resends exactly what is missing. */
  const upload = useRef<{ id: string; next: number; pending: { index: number; base64: string }[]; queue: Promise<void> } | null>(null);
  const stream = useRef<MediaStream | null>(null);

  useEffect(() => {
    if (state !== 'recording') return;
    const t = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(t);
  }, [state]);

  useEffect(
    () => () => {
      if (recorder.current && recorder.current.state !== 'inactive') recorder.current.stop();
      stream.current?.getTracks().forEach((t) => t.stop());
    },
    [],
  );

  /** Sends every pending chunk in order; a failure leaves the rest pending for the next flush. */
  const flush = useCallback(
    (u: NonNullable<typeof upload.current>) => {
      u.queue = u.queue
        .catch(() => {}) // an earlier failure must not block a retry
        .then(async () => {
          while (u.pending.length > 0) {
            const chunk = u.pending[0]!;
            await api.call('interviews.audio.chunk', { uploadId: u.id, index: chunk.index, base64: chunk.base64 });
            u.pending.shift();
          }
        });
      u.queue.catch((e: { message?: string }) => {
        setError(e.message ?? String(e));
        setCanRetry(true);
        setState('error');
      });
      return u.queue;
    },
    [api],
  );

  const send = useCallback(
    (blob: Blob) => {
      const u = upload.current;
      if (!u) return;
      u.queue = u.queue.then(async () => {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        for (let i = 0; i < bytes.length; i += CHUNK_BYTES) u.pending.push({ index: u.next++, base64: toBase64(bytes.subarray(i, i + CHUNK_BYTES)) });
      });
      void flush(u);
    },
    [flush],
  );

  const save = useCallback(async () => {
    const u = upload.current;
    if (!u) return;
    setState('saving');
    try {
      await flush(u);
      await api.call('interviews.audio.finish', { uploadId: u.id });
      upload.current = null;
      setCanRetry(false);
      setError(undefined);
      setState('saved');
    } catch (e) {
      setError((e as { message?: string }).message ?? String(e));
      setCanRetry(true);
      setState('error');
    }
  }, [api, flush]);

  const start = useCallback(async () => {
    if (!interviewId) return;
    setError(undefined);
    let media: MediaStream;
    try {
      media = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    } catch (e) {
      // NotAllowedError, NotFoundError, NotReadableError: the device is refused, missing or busy.
      setError(deviceErrorText((e as DOMException).name || String(e)));
      setState('error');
      return;
    }
    const mimeType = MIME_TYPES.find((m) => MediaRecorder.isTypeSupported(m)) ?? '';
    const rec = new MediaRecorder(media, mimeType ? { mimeType } : undefined);
    let uploadId: string;
    try {
      ({ uploadId } = await api.call('interviews.audio.begin', { interviewId, mediaType: rec.mimeType || mimeType || 'audio/webm' }));
    } catch (e) {
      // e.g. the vault locked itself while idle: release the microphone and say why.
      media.getTracks().forEach((t) => t.stop());
      setError((e as { message?: string }).message ?? String(e));
      setState('error');
      return;
    }
    upload.current = { id: uploadId, next: 0, pending: [], queue: Promise.resolve() };
    stream.current = media;
    recorder.current = rec;
    rec.ondataavailable = (ev) => ev.data.size > 0 && send(ev.data);
    rec.onerror = () => {
      setError(deviceErrorText('MediaRecorder error'));
      setState('error');
    };
    rec.start(SLICE_MS);
    setSeconds(0);
    setState('recording');
  }, [api, interviewId, send, deviceErrorText]);

  const stop = useCallback(async () => {
    const rec = recorder.current;
    if (!rec) return;
    await new Promise<void>((resolve) => {
      rec.addEventListener('stop', () => resolve(), { once: true });
      rec.stop();
    });
    stream.current?.getTracks().forEach((t) => t.stop());
    recorder.current = null;
    await save();
  }, [save]);

  return {
    state,
    seconds,
    error,
    start,
    pause: () => {
      recorder.current?.pause();
      setState('paused');
    },
    resume: () => {
      recorder.current?.resume();
      setState('recording');
    },
    stop,
    retrySave: save,
    canRetry,
  };
}
