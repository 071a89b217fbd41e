'use client';

import localFont from 'next/font/local';
import { useEffect, useId, useRef, useState, type PointerEvent } from 'react';
import { useActionFormState } from '@/components/console/action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

const ink = '#0f172a';
// A script face shipped with the app, since many systems have none; only fetched once someone types to sign.
const signatureScript = localFont({ src: '../../node_modules/@fontsource/dancing-script/files/dancing-script-latin-400-normal.woff2', display: 'swap', preload: false, fallback: ['cursive'] });
const scriptFont = signatureScript.style.fontFamily;
// Loading asks for the script face alone: a list would fail as a whole when a fallback face cannot load.
const scriptFace = `40px ${scriptFont.split(',')[0]}`;
const loadScriptFace = () => document.fonts.load(scriptFace).catch(() => []);

/**
 * A signature drawn with a mouse, finger or stylus on a canvas, or typed: the typed name is written onto the
 * same canvas in a script face, so keyboard users sign too. Either way the form receives one PNG data URL.
 */
export function SignaturePad({ name = 'signature' }: { name?: string }) {
  const id = useId();
  const state = useActionFormState();
  // The submission after which the signature was drawn, typed or cleared: its error ("Sign in the box") no longer holds.
  const [changedAfter, setChangedAfter] = useState<number | undefined>();
  const error = changedAfter !== undefined && changedAfter === state.at ? undefined : state.fieldErrors?.[name];
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [image, setImage] = useState('');
  const [typed, setTyped] = useState('');
  const latestTyped = useRef('');

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    // Drawn at the screen's pixel density (at most 2×) so the ink is crisp and the PNG stays small.
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    element.width = Math.round(element.clientWidth * ratio);
    element.height = Math.round(element.clientHeight * ratio);
    context.scale(ratio, ratio);
  }, []);

  function pen() {
    const context = canvas.current?.getContext('2d');
    if (!context) return null;
    context.strokeStyle = ink;
    context.fillStyle = ink;
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    return context;
  }

  function wipe() {
    const element = canvas.current;
    element?.getContext('2d')?.clearRect(0, 0, element.width, element.height);
  }

  function at(event: PointerEvent<HTMLCanvasElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  function start(event: PointerEvent<HTMLCanvasElement>) {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    if (typed) {
      setTyped('');
      latestTyped.current = '';
      wipe();
    }
    const context = pen();
    const point = at(event);
    last.current = point;
    context?.beginPath();
    context?.arc(point.x, point.y, 1.2, 0, Math.PI * 2);
    context?.fill();
  }

  function move(event: PointerEvent<HTMLCanvasElement>) {
    const from = last.current;
    const context = pen();
    if (!from || !context) return;
    const to = at(event);
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    last.current = to;
  }

  function end() {
    if (!last.current) return;
    last.current = null;
    setImage(canvas.current?.toDataURL('image/png') ?? '');
    setChangedAfter(state.at);
  }

  function type(value: string) {
    setTyped(value);
    latestTyped.current = value;
    writeName(value);
    // Drawn at once, in the fallback face if the script face is still loading; drawn again once it is there.
    void loadScriptFace().then(() => {
      if (latestTyped.current === value) writeName(value);
    });
  }

  function writeName(value: string) {
    wipe();
    const element = canvas.current;
    const context = pen();
    if (!element || !context || !value.trim()) return setImage('');
    const width = element.clientWidth;
    const height = element.clientHeight;
    let size = Math.min(48, height * 0.45);
    context.font = `${size}px ${scriptFont}`;
    // Long names shrink to fit the box rather than run off its edge.
    while (size > 14 && context.measureText(value).width > width - 32) {
      size -= 2;
      context.font = `${size}px ${scriptFont}`;
    }
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(value, width / 2, height / 2);
    setImage(element.toDataURL('image/png'));
    setChangedAfter(state.at);
  }

  function clear() {
    wipe();
    setTyped('');
    latestTyped.current = '';
    setImage('');
  }

  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ');
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">
        Signature
        <span aria-hidden="true" className="text-red-700">
          {' '}
          *
        </span>
      </legend>
      <p id={hintId} className="text-sm text-slate-600">
        Sign in the box with a mouse, finger or stylus, or type your name below.
      </p>
      <canvas
        ref={canvas}
        role="img"
        aria-label={image ? 'Your signature' : 'Signature box, empty'}
        aria-describedby={describedBy}
        data-testid="signature-canvas"
        className={`block h-40 w-full cursor-crosshair touch-none rounded-md border-2 border-dashed bg-white ${error ? 'border-red-600' : 'border-slate-300'}`}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onLostPointerCapture={end}
      />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 space-y-1.5">
          <label htmlFor={`${id}-typed`} className="block text-sm font-medium text-slate-800">
            Or type your name to sign
          </label>
          <Input
            id={`${id}-typed`}
            value={typed}
            onChange={(event) => type(event.target.value)}
            onFocus={() => void loadScriptFace()}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
        </div>
        <Button variant="secondary" onClick={clear} disabled={!image && !typed}>
          Clear signature
        </Button>
      </div>
      <input type="hidden" name={name} value={image} />
      <p role="status" className="sr-only">
        {image ? 'Signature captured.' : ''}
      </p>
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
