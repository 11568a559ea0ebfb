/**
 * Label sizes, apart from the drawing code so they are tested without a DOM.
 */

/**
 * The label's font size for a node drawn `nodeSize` pixels wide (its size grows with its
 * degree and with the zoom): a hub's name reads larger, a leaf's stays at a legible minimum,
 * and no label grows past 1.6 times the base.
 */
export function labelSizeFor(nodeSize: number, base: number): number {
  const scaled = base * (0.7 + nodeSize / 15);
  return Math.round(Math.min(base * 1.6, Math.max(base * 0.85, scaled)));
}
