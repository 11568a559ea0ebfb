/**
 * Node labels on the canvas: which name they show (English, Arabic or both), and where they
 * go. sigma's own label drawer writes left to right after the node and lets a long label run
 * off the canvas; this one writes an Arabic label right to left, ending just before the node,
 * and moves any label that would be cut at the canvas edge to the other side; its size
 * follows the node's drawn size (degree and zoom).
 */
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import { labelSizeFor } from './label-size';
import type { LabelLanguage } from './view';

const ARABIC = /[\u0600-\u06FF]/;
const LATIN = /[A-Za-z]/;

export function labelText(name: string, nameAr: string, language: LabelLanguage): string {
  if (language === 'ar') return nameAr || name;
  if (language === 'both') return nameAr ? `${name} · ${nameAr}` : name;
  return name;
}

export interface LabelPlacement {
  readonly x: number;
  readonly align: 'left' | 'right';
  readonly direction: 'ltr' | 'rtl';
  /** The pixels free on that side: a longer label is shortened to fit. */
  readonly room: number;
}

/** Where a label of `width` pixels goes for a node at `x` of radius `size` on a canvas `canvasWidth` wide. */
export function placeLabel(label: string, x: number, size: number, width: number, canvasWidth: number): LabelPlacement {
  const rtl = ARABIC.test(label) && !LATIN.test(label);
  const after = { x: x + size + 3, align: 'left' as const, room: canvasWidth - (x + size + 3) };
  const before = { x: x - size - 3, align: 'right' as const, room: x - size - 3 };
  const fitsAfter = width <= after.room;
  const fitsBefore = width <= before.room;
  // The reading side when it fits, else the side where it fits, else the roomier side.
  const preferred = rtl ? before : after;
  const other = rtl ? after : before;
  const side = (preferred === before ? fitsBefore : fitsAfter)
    ? preferred
    : (other === before ? fitsBefore : fitsAfter)
      ? other
      : preferred.room >= other.room
        ? preferred
        : other;
  return { x: side.x, align: side.align, room: Math.max(0, side.room), direction: rtl ? 'rtl' : 'ltr' };
}

/** The label cut with an ellipsis so that `measure` says it fits in `room` pixels. */
export function fitLabel(label: string, room: number, measure: (text: string) => number): string {
  if (measure(label) <= room) return label;
  let keep = label.length;
  while (keep > 1 && measure(`${label.slice(0, keep)}…`) > room) keep = Math.floor(keep * 0.9);
  return `${label.slice(0, keep).trimEnd()}…`;
}

export function drawLabel(
  context: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>,
  settings: Pick<Settings, 'labelSize' | 'labelWeight' | 'labelFont' | 'labelColor'>,
): void {
  if (!data.label) return;
  const size = labelSizeFor(data.size, settings.labelSize);
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  context.fillStyle = settings.labelColor.color ?? '#000';
  const width = context.measureText(data.label).width;
  const canvasWidth = context.canvas.width / (window.devicePixelRatio || 1);
  const canvasHeight = context.canvas.height / (window.devicePixelRatio || 1);
  const placement = placeLabel(data.label, data.x, data.size, width, canvasWidth);
  context.direction = placement.direction;
  context.textAlign = placement.align;
  // Nor cut at the top or bottom edge.
  const y = Math.min(Math.max(data.y + size / 3, size), canvasHeight - 2);
  context.fillText(
    fitLabel(data.label, placement.room, (text) => context.measureText(text).width),
    placement.x,
    y,
  );
  context.direction = 'ltr';
  context.textAlign = 'left';
}
